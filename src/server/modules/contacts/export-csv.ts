import { stringify, type Options, type Stringifier } from 'csv-stringify';
import { displayName } from '../../../shared/domain/cadence';
import type { ContactRow } from './contacts.repo';

/** The CSV columns, in order: the API's field names, so a column means the same as in the JSON export. */
export const CSV_COLUMNS = [
  'id',
  'firstName',
  'lastName',
  'displayName',
  'circle',
  'organization',
  'title',
  'field',
  'location',
  'emails',
  'phones',
  'linkedinUrl',
  'links',
  'howMet',
  'source',
  'referredBy',
  'referredById',
  'tags',
  'notes',
  'stage',
  'keepInTouchDays',
  'lastInteractionAt',
  'nextDueAt',
  'gives',
  'asks',
  'createdAt',
  'updatedAt',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRecord = Record<CsvColumn, string | number | null>;

/** Several values in one cell (emails, phones, links, tags). */
const MULTI_VALUE_SEPARATOR = '; ';

/** One contact as a CSV record; `referrerName` is the display name of the contact who referred them, if any. */
export function toCsvRecord(contact: ContactRow, referrerName: string | null): CsvRecord {
  return {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    displayName: displayName(contact.firstName, contact.lastName),
    circle: contact.circle,
    organization: contact.organization,
    title: contact.title,
    field: contact.field,
    location: contact.location,
    emails: contact.emails.join(MULTI_VALUE_SEPARATOR),
    phones: contact.phones.join(MULTI_VALUE_SEPARATOR),
    linkedinUrl: contact.linkedinUrl,
    links: contact.links.join(MULTI_VALUE_SEPARATOR),
    howMet: contact.howMet,
    source: contact.source,
    referredBy: referrerName,
    referredById: contact.referredById,
    tags: contact.tags.join(MULTI_VALUE_SEPARATOR),
    notes: contact.notes,
    stage: contact.stage,
    keepInTouchDays: contact.keepInTouchDays,
    lastInteractionAt: contact.lastInteractionAt?.toISOString() ?? null,
    nextDueAt: contact.nextDueAt?.toISOString() ?? null,
    gives: contact.gives,
    asks: contact.asks,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}

export const CSV_OPTIONS: Options = {
  header: true,
  columns: [...CSV_COLUMNS],
  // RFC 4180: CRLF between records; a field holding a quote, comma, CR or LF is quoted and its quotes doubled.
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  // SECURITY.md csv-injection (ASVS 1.2.10): a text cell starting with = + - @ tab or CR (or their full-width
  // forms) gets a leading ' so spreadsheets show it as text instead of running it as a formula. Numbers are
  // left alone; a phone number like +1 555 0100 shows the apostrophe, the price of never running a formula.
  escape_formulas: true,
  // A UTF-8 byte order mark: without it Excel reads the file in the system code page and breaks accents.
  bom: true,
};

/** A stream that takes CsvRecord objects and gives the CSV file's bytes. */
export function csvStringifier(): Stringifier {
  return stringify(CSV_OPTIONS);
}
