import { MAPPABLE_FIELDS, type MappableField } from '../../../shared/contracts/imports';
import { errors } from '../../lib/errors';
import { splitFullName, type ContactDraft } from './contact-draft';

const FIELDS: ReadonlySet<string> = new Set(MAPPABLE_FIELDS);

/**
 * The `mapping` query parameter: a JSON object {"<column header>": "<field>"}. Unknown fields, columns the file
 * does not have and a mapping without any name column are 400s that say what to change.
 */
export function parseMapping(raw: string, headers: readonly string[]): Map<string, MappableField> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw errors.validation('The mapping must be a JSON object like {"Full name":"fullName","E-mail":"email"}.', [{ path: 'mapping', message: 'Not valid JSON.' }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw errors.validation('The mapping must be a JSON object like {"Full name":"fullName","E-mail":"email"}.', [{ path: 'mapping', message: 'Not an object.' }]);
  }
  const mapping = new Map<string, MappableField>();
  const present = new Set(headers);
  for (const [header, field] of Object.entries(parsed)) {
    if (typeof field !== 'string' || !FIELDS.has(field)) {
      throw errors.validation(`Column "${header.slice(0, 80)}" is mapped to "${String(field).slice(0, 40)}", which is not a field. Use one of: ${MAPPABLE_FIELDS.join(', ')}.`, [
        { path: 'mapping', message: 'Unknown field.' },
      ]);
    }
    if (!present.has(header)) {
      throw errors.validation(`The mapping names a column "${header.slice(0, 80)}" that the file does not have.`, [{ path: 'mapping', message: 'Unknown column.' }]);
    }
    mapping.set(header, field as MappableField);
  }
  if (!hasNameColumn(mapping)) {
    throw errors.validation('Map a column to firstName, lastName or fullName: every contact needs a name.', [{ path: 'mapping', message: 'No name column.' }]);
  }
  return mapping;
}

export function hasNameColumn(mapping: ReadonlyMap<string, MappableField>): boolean {
  return [...mapping.values()].some((field) => field === 'firstName' || field === 'lastName' || field === 'fullName');
}

// Google puts several values in one cell separated by " ::: "; people use commas and semicolons.
const MULTI = /\s*:::\s*/;
const splitList = (value: string, separators: RegExp) => value.split(separators).map((v) => v.trim()).filter((v) => v !== '');

/** Applies one column's value to the draft; several columns for one text field are joined. */
export function applyCell(draft: ContactDraft, field: MappableField, value: string): void {
  const v = value.trim();
  if (v === '') return;
  switch (field) {
    case 'firstName':
    case 'lastName':
    case 'organization':
    case 'title':
    case 'field':
      if (draft[field] === '') draft[field] = v;
      return;
    case 'fullName': {
      if (draft.firstName !== '' || draft.lastName !== '') return;
      Object.assign(draft, splitFullName(v));
      return;
    }
    case 'location':
      draft.location = draft.location ? `${draft.location}, ${v}` : v;
      return;
    case 'howMet':
      draft.howMet = draft.howMet ? `${draft.howMet}; ${v}` : v;
      return;
    case 'notes':
      draft.notes = draft.notes ? `${draft.notes}\n${v}` : v;
      return;
    case 'email':
      draft.emails.push(...splitList(v, /\s*:::\s*|[\s,;]+/));
      return;
    case 'phone':
      draft.phones.push(...splitList(v, MULTI));
      return;
    case 'linkedinUrl':
      draft.linkedinUrls.push(...splitList(v, /\s*:::\s*|\s+/));
      return;
    case 'link':
      draft.links.push(...splitList(v, /\s*:::\s*|\s+/));
      return;
    case 'tags':
      // Google's system groups ("* myContacts", "* starred") are not the person's own labels.
      draft.tags.push(...splitList(v, /\s*:::\s*|[;,]/).filter((tag) => !tag.startsWith('*')));
      return;
  }
}
