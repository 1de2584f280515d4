import type { ContactDto } from '../../../../shared/contracts/contacts';
import { MERGE_CHOOSABLE_FIELDS, type MergeChoosableField, type MergeChoices } from '../../../../shared/contracts/network-tools';

/** Field → the index (in the group) of the contact whose value is kept. */
export type Choices = Partial<Record<MergeChoosableField, number>>;

type Value = ContactDto[MergeChoosableField];

// Circle, stage and keep-in-touch always have a value (no reminder is a choice too); the rest may be blank,
// and a blank on the kept contact is filled from the other by the server without asking.
const ALWAYS_SET: ReadonlySet<MergeChoosableField> = new Set(['circle', 'stage', 'keepInTouchDays']);

const isBlank = (value: Value) => value === null || (typeof value === 'string' && value.trim() === '');
const keyOf = (value: Value) => (typeof value === 'string' ? value.trim().toLowerCase() : String(value));

/** The fields where the people in a group disagree (two or more different values), in form order. */
export function differingFields(contacts: readonly ContactDto[]): MergeChoosableField[] {
  return MERGE_CHOOSABLE_FIELDS.filter((field) => {
    const values = contacts.map((contact) => contact[field]).filter((value) => ALWAYS_SET.has(field) || !isBlank(value));
    return new Set(values.map(keyOf)).size > 1;
  });
}

/** The kept contact (index 0)'s value, or the first one that is filled in when it has none. */
export function defaultChoices(contacts: readonly ContactDto[]): Choices {
  const choices: Choices = {};
  for (const field of differingFields(contacts)) {
    const first = contacts.findIndex((contact) => ALWAYS_SET.has(field) || !isBlank(contact[field]));
    choices[field] = Math.max(first, 0);
  }
  return choices;
}

/**
 * The merges to send, one per other contact, into the first: each takes from that other exactly the fields
 * chosen from it. Merging in order gives every chosen value, whichever contact it came from.
 */
export function mergeSteps(contacts: readonly ContactDto[], choices: Choices): { otherId: string; use: MergeChoices }[] {
  return contacts.slice(1).map((other, offset) => {
    const index = offset + 1;
    const use: MergeChoices = {};
    for (const field of MERGE_CHOOSABLE_FIELDS) if (choices[field] === index) use[field] = 'other';
    return { otherId: other.id, use };
  });
}

/** Oldest first: the one added first is kept, so links to it keep working. */
export function keptFirst(contacts: readonly ContactDto[]): ContactDto[] {
  return [...contacts].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
