import { MERGE_CHOOSABLE_FIELDS, type MergeChoices } from '../../../shared/contracts/network-tools';
import { displayName, nextKeepInTouchDue } from '../../../shared/domain/cadence';
import { buildSearchColumns, buildSortKey } from './contact-mapping';
import type { ContactRow, NewContactRow } from './contacts.repo';

/** The columns a merge writes on the kept contact. */
export type MergedContactValues = Partial<NewContactRow> & { createdAt: Date; updatedAt: Date };

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** Values of `first` then the new ones of `second`, compared by `key`, in order. */
function union(first: string[], second: string[], key: (value: string) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of [...first, ...second]) {
    const k = key(value);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(value);
  }
  return out;
}

const emailKey = (email: string) => email.trim().toLowerCase();
const phoneKey = (phone: string) => phone.replace(/[^0-9+#*x]/gi, '').toLowerCase();
const urlKey = (url: string) => url.trim().toLowerCase().replace(/\/+$/, '');

function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/** The kept notes, then the other's under a "— merged from <name>:" line. */
function mergedNotes(keep: ContactRow, other: ContactRow): string {
  if (other.notes.trim() === '') return keep.notes;
  const section = `— merged from ${displayName(other.firstName, other.lastName)}:\n${other.notes}`;
  return keep.notes.trim() === '' ? section : `${keep.notes.replace(/\s+$/, '')}\n\n${section}`;
}

/**
 * What the kept contact becomes when `other` is merged into it: chosen fields from the other, blanks filled
 * from the other, lists united, notes appended, both histories' counters added, the earlier creation and the
 * later interaction, and the derived columns (search text, sort key, CAD-08 due date) recomputed.
 * `keepInTouchDays`, `circle` and `stage` are never blank (null days means "no reminder"): only `use` changes them.
 */
export function mergeContactFields(keep: ContactRow, other: ContactRow, use: MergeChoices, now: Date): MergedContactValues {
  const pick = <F extends (typeof MERGE_CHOOSABLE_FIELDS)[number]>(field: F): ContactRow[F] => {
    if (use[field] === 'other') return other[field];
    const fillable = field !== 'keepInTouchDays' && field !== 'circle' && field !== 'stage';
    return fillable && isBlank(keep[field]) ? other[field] : keep[field];
  };
  const chosen = {
    firstName: pick('firstName'),
    lastName: pick('lastName'),
    circle: pick('circle'),
    organization: pick('organization'),
    title: pick('title'),
    field: pick('field'),
    location: pick('location'),
    stage: pick('stage'),
    keepInTouchDays: pick('keepInTouchDays'),
    howMet: pick('howMet'),
    source: pick('source'),
  } satisfies Record<(typeof MERGE_CHOOSABLE_FIELDS)[number], unknown>;

  const linkedinUrl = keep.linkedinUrl ?? other.linkedinUrl;
  // A second, different profile address is not lost: it joins the links.
  const extraLinks = other.linkedinUrl && linkedinUrl && urlKey(other.linkedinUrl) !== urlKey(linkedinUrl) ? [other.linkedinUrl] : [];
  const links = union(keep.links, [...other.links, ...extraLinks], urlKey).filter((url) => !linkedinUrl || urlKey(url) !== urlKey(linkedinUrl));
  // Whoever referred either of them, unless that is one of the two (which would make the contact its own referrer).
  const referredById = [keep.referredById, other.referredById].find((id) => id !== null && id !== keep.id && id !== other.id) ?? null;
  const lastInteractionAt = later(keep.lastInteractionAt, other.lastInteractionAt);
  const createdAt = keep.createdAt.getTime() <= other.createdAt.getTime() ? keep.createdAt : other.createdAt;

  const merged = {
    ...chosen,
    emails: union(keep.emails, other.emails, emailKey),
    phones: union(keep.phones, other.phones, phoneKey),
    linkedinUrl,
    links,
    referredById,
    tags: union(keep.tags, other.tags, (tag) => tag.toLowerCase()),
    notes: mergedNotes(keep, other),
    lastInteractionAt,
    gives: keep.gives + other.gives,
    asks: keep.asks + other.asks,
    importKey: keep.importKey ?? other.importKey,
    createdAt,
    updatedAt: now,
  };
  return {
    ...merged,
    ...buildSearchColumns(merged),
    sortKey: buildSortKey(merged.firstName, merged.lastName),
    nextDueAt: nextKeepInTouchDue({ lastInteractionAt, createdAt, keepInTouchDays: merged.keepInTouchDays }),
  };
}
