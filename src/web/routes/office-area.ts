// The admin's pages, loaded together on the first visit to any of them: an admin opens them twice a term.
export { OfficeAuditRoute } from './office-audit';
export { OfficeOutboxRoute } from './office-outbox';
export { OfficePolicyRoute } from './office-policy';
export { OfficeReasonCodesRoute } from './office-reason-codes';
export { OfficeUsersRoute } from './office-users';
