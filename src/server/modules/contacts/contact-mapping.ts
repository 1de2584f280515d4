import type { ContactDto, CreateContactInput } from '../../../shared/contracts/contacts';
import { defaultKeepInTouchDays, displayName, nextKeepInTouchDue } from '../../../shared/domain/cadence';
import type { ListedContact, NewContactRow } from './contacts.repo';

/** Who someone is and where: "first last organisation", lower-cased. Ranks first and tolerates typos. */
export function buildSearchNames(c: Pick<NewContactRow, 'firstName' | 'lastName' | 'organization'>): string {
  return [c.firstName, c.lastName, c.organization]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ')
    .toLowerCase();
}

/** An address whole (matches a pasted address) and in words ("maria", "brandt", "post.example"). */
function emailWords(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email;
  return `${email} ${email.slice(0, at).replace(/[._+-]+/g, ' ')} ${email.slice(at + 1)}`;
}

/** What the search box matches by word prefix: names, organisation, title, field, place, tags, emails, notes. */
export function buildSearchText(c: Pick<NewContactRow, 'firstName' | 'lastName' | 'organization' | 'title' | 'field' | 'location' | 'tags' | 'emails' | 'notes'>): string {
  return [c.firstName, c.lastName, c.organization, c.title, c.field, c.location, ...(c.tags ?? []), ...(c.emails ?? []).map(emailWords), (c.notes ?? '').slice(0, 1000)]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ')
    .toLowerCase();
}

/** The derived search columns of a contact, recomputed whenever its fields change. */
export function buildSearchColumns(c: Parameters<typeof buildSearchText>[0]): { searchNames: string; searchText: string } {
  return { searchNames: buildSearchNames(c), searchText: buildSearchText(c) };
}

export function buildSortKey(firstName: string, lastName: string): string {
  return displayName(firstName, lastName).toLowerCase();
}

/** A validated create body → the row to insert, with derived columns (CAD-08 due date, search text). */
export function toNewContactRow(input: CreateContactInput, now: Date, extra: { importKey?: string | null } = {}): NewContactRow {
  const keepInTouchDays = input.keepInTouchDays === undefined ? defaultKeepInTouchDays(input.circle) : input.keepInTouchDays;
  const row: NewContactRow = {
    firstName: input.firstName,
    lastName: input.lastName,
    circle: input.circle,
    organization: input.organization,
    title: input.title,
    field: input.field,
    location: input.location,
    emails: input.emails,
    phones: input.phones,
    linkedinUrl: input.linkedinUrl,
    links: input.links,
    howMet: input.howMet,
    source: input.source,
    referredById: input.referredById,
    tags: input.tags,
    notes: input.notes,
    stage: input.stage,
    keepInTouchDays,
    lastInteractionAt: null,
    nextDueAt: nextKeepInTouchDue({ lastInteractionAt: null, createdAt: now, keepInTouchDays }),
    importKey: extra.importKey ?? null,
    createdAt: now,
    updatedAt: now,
  };
  return { ...row, ...buildSearchColumns(row), sortKey: buildSortKey(row.firstName, row.lastName ?? '') };
}

/** A database row never goes to the browser: this is the whitelist of what does. */
export function toContactDto(row: ListedContact): ContactDto {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    displayName: displayName(row.firstName, row.lastName),
    circle: row.circle,
    organization: row.organization,
    title: row.title,
    field: row.field,
    location: row.location,
    emails: row.emails,
    phones: row.phones,
    linkedinUrl: row.linkedinUrl,
    links: row.links,
    howMet: row.howMet,
    source: row.source,
    referredById: row.referredById,
    tags: row.tags,
    notes: row.notes,
    stage: row.stage,
    keepInTouchDays: row.keepInTouchDays,
    lastInteractionAt: row.lastInteractionAt?.toISOString() ?? null,
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    gives: row.gives,
    asks: row.asks,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
