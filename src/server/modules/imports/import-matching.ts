import { createHash } from 'node:crypto';
import type { CreateContactInput } from '../../../shared/contracts/contacts';
import type { ImportFormat } from '../../../shared/contracts/imports';
import { buildSortKey } from '../contacts/contact-mapping';

/**
 * A LinkedIn profile address as a comparison key: lower case, from "linkedin.com/" on, without query,
 * fragment or trailing slash — so scheme, "www." or a country subdomain make no difference. Null for other
 * addresses. `profileKeySql` in imports.repo.ts computes the same in SQL.
 */
export function profileKey(url: string): string | null {
  const lower = (url.toLowerCase().split('?')[0] ?? '').split('#')[0] ?? '';
  const at = lower.indexOf('linkedin.com/');
  return at >= 0 ? lower.slice(at).replace(/\/+$/, '') : null;
}

const normOrg = (org: string | null) => (org ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

/** What a contact is matched on: emails, profile URL, name + organisation (only with an organisation). */
export type Identity = {
  emails: string[];
  profile: string | null;
  sortKey: string;
  nameOrg: string | null;
  importKey: string;
};

export function identityOf(format: ImportFormat, input: CreateContactInput): Identity {
  const emails = [...input.emails].sort();
  const profile = input.linkedinUrl ? profileKey(input.linkedinUrl) : null;
  const sortKey = buildSortKey(input.firstName, input.lastName);
  const org = normOrg(input.organization);
  const nameOrg = org ? `${sortKey}|${org}` : null;
  const identity = profile ? `in:${profile}` : emails[0] ? `email:${emails[0]}` : `name:${sortKey}|${org}|${[...input.phones].sort()[0] ?? ''}`;
  // Owner-independent and stable across runs: the same file gives the same keys, so a re-import creates nothing.
  const importKey = createHash('sha256').update(`${format}|${identity}`).digest('hex').slice(0, 40);
  return { emails, profile, sortKey, nameOrg, importKey };
}

export type ExistingContact = {
  id: string;
  firstName: string;
  lastName: string;
  organization: string | null;
  emails: string[];
  linkedinUrl: string | null;
  importKey: string | null;
};

function keysOf(identity: Identity): string[] {
  return [
    `k:${identity.importKey}`,
    ...(identity.profile ? [`u:${identity.profile}`] : []),
    ...identity.emails.map((email) => `e:${email}`),
    ...(identity.nameOrg ? [`n:${identity.nameOrg}`] : []),
  ];
}

function keysOfExisting(contact: ExistingContact): string[] {
  const org = normOrg(contact.organization);
  return [
    ...(contact.importKey ? [`k:${contact.importKey}`] : []),
    ...(contact.linkedinUrl && profileKey(contact.linkedinUrl) ? [`u:${profileKey(contact.linkedinUrl)}`] : []),
    ...contact.emails.map((email) => `e:${email.toLowerCase()}`),
    ...(org ? [`n:${buildSortKey(contact.firstName, contact.lastName)}|${org}`] : []),
  ];
}

/** Finds likely duplicates: among the owner's contacts, and among the rows of the file seen so far. */
export function createMatcher(existing: readonly ExistingContact[] = []) {
  const byKey = new Map<string, ExistingContact>();
  const add = (contacts: readonly ExistingContact[]) => {
    for (const contact of contacts) for (const key of keysOfExisting(contact)) if (!byKey.has(key)) byKey.set(key, contact);
  };
  add(existing);
  const seen = new Map<string, number>();
  return {
    /** More of the owner's contacts to match against (found for the next rows); a key keeps its first contact. */
    addExisting: add,
    /** The existing contact this one duplicates, if any. */
    existing(identity: Identity): ExistingContact | undefined {
      for (const key of keysOf(identity)) {
        const match = byKey.get(key);
        if (match) return match;
      }
      return undefined;
    },
    /** The earlier row of the file this one repeats, if any; otherwise remembers this row. */
    earlierRow(identity: Identity, row: number): number | undefined {
      const keys = keysOf(identity);
      for (const key of keys) {
        const earlier = seen.get(key);
        if (earlier !== undefined) return earlier;
      }
      for (const key of keys) seen.set(key, row);
      return undefined;
    },
  };
}
