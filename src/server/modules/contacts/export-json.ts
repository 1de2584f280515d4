import type { InteractionDto, LedgerEntryDto } from '../../../shared/contracts/contacts';
import type { ExportedContact } from '../../../shared/contracts/network-tools';
import type { InteractionRow, LedgerRow } from './activity.repo';
import { toContactDto } from './contact-mapping';
import type { ContactRow } from './contacts.repo';

function toInteractionDto(row: InteractionRow): InteractionDto {
  return { id: row.id, contactId: row.contactId, kind: row.kind, occurredAt: row.occurredAt.toISOString(), summary: row.summary, createdAt: row.createdAt.toISOString() };
}

function toLedgerDto(row: LedgerRow): LedgerEntryDto {
  return {
    id: row.id,
    contactId: row.contactId,
    direction: row.direction,
    description: row.description,
    occurredAt: row.occurredAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/** One contact of the JSON export: the same whitelist as the API's contact, with its timeline and ledger. */
export function toExportedContact(contact: ContactRow, interactions: InteractionRow[], ledger: LedgerRow[]): ExportedContact {
  return { ...toContactDto(contact), interactions: interactions.map(toInteractionDto), ledger: ledger.map(toLedgerDto) };
}

/** The opening of the export document; contacts follow, comma-separated, then JSON_EXPORT_END. */
export function jsonExportStart(exportedAt: Date): string {
  return `{"exportedAt":${JSON.stringify(exportedAt.toISOString())},"contacts":[`;
}

export const JSON_EXPORT_END = ']}\n';
