import { MAPPABLE_FIELDS, type MappableField } from '../../../../shared/contracts/imports';

export const MAPPABLE_FIELD_LABELS: Record<MappableField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name (split into first and last)',
  organization: 'Organisation',
  title: 'Role or title',
  field: 'Field or industry',
  location: 'Location',
  email: 'Email',
  phone: 'Phone',
  linkedinUrl: 'LinkedIn profile',
  link: 'Other link',
  tags: 'Tags',
  notes: 'Notes',
  howMet: 'How you met',
};

export const SKIP = '';

export const MAPPING_OPTIONS = [{ value: SKIP, label: 'Leave out' }, ...MAPPABLE_FIELDS.map((field) => ({ value: field, label: MAPPABLE_FIELD_LABELS[field] }))];

export function isMappableField(value: string): value is MappableField {
  return (MAPPABLE_FIELDS as readonly string[]).includes(value);
}
