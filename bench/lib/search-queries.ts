// The fixed list of search-box queries the search benchmark runs: drawn (seeded) from the searched user's
// own generated contacts, so exact names and emails exist, plus prefixes, typos and queries matching nothing.
import type { CreateContactInput } from '../../src/shared/contracts/contacts';
import { contactGenerator, pick, prng, type Random } from './contact-data';

export type SearchQuery = { category: string; q: string };

/** The first `count` people of a seeding group with this seed (the same call sequence as seedContacts). */
export function peopleOf(seed: number, count: number): CreateContactInput[] {
  const generator = contactGenerator(seed);
  const people: CreateContactInput[] = [];
  for (let i = 0; i < count; i += 1) {
    generator.random(); // created_at, drawn before each person by seedContacts
    people.push(generator.next());
  }
  return people;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One typing slip: a dropped, doubled, swapped or wrong letter (never the first letter). */
function typo(random: Random, word: string): string {
  const chars = [...word.toLowerCase()];
  const i = 1 + Math.floor(random() * (chars.length - 2));
  const kind = Math.floor(random() * 4);
  if (kind === 0) chars.splice(i, 1);
  else if (kind === 1) chars.splice(i, 0, chars[i] ?? 'a');
  else if (kind === 2) [chars[i], chars[i + 1]] = [chars[i + 1] ?? '', chars[i] ?? ''];
  else chars[i] = pick(random, [...LETTERS].filter((c) => c !== chars[i]));
  return chars.join('');
}

function nonsense(random: Random): string {
  const consonants = 'bcdfghjklmnpqrstvwxz';
  const length = 5 + Math.floor(random() * 6);
  let word = '';
  for (let i = 0; i < length; i += 1) word += consonants[Math.floor(random() * consonants.length)] ?? 'x';
  return word;
}

/**
 * About 200 queries in categories a search box sees: whole names, name prefixes as they are typed, one-slip
 * typos, organisations, titles, tags, emails, places, and strings that match nobody.
 */
export function searchQueries(people: readonly CreateContactInput[], seed = 0x5eac4): SearchQuery[] {
  const random = prng(seed);
  const person = () => pick(random, people);
  const out: SearchQuery[] = [];
  const seen = new Set<string>();
  const add = (category: string, times: number, make: () => string | null | undefined) => {
    for (let n = 0, guard = 0; n < times && guard < times * 50; guard += 1) {
      const value = make();
      if (!value || value.trim().length < 2 || seen.has(value)) continue;
      seen.add(value);
      out.push({ category, q: value });
      n += 1;
    }
  };
  add('full name', 30, () => {
    const p = person();
    return `${p.firstName} ${p.lastName}`;
  });
  add('first-name prefix', 15, () => person().firstName.toLowerCase().slice(0, 3));
  add('last-name prefix', 15, () => person().lastName.toLowerCase().slice(0, 4));
  add('typo, last name', 20, () => {
    const last = person().lastName;
    return last.length >= 5 ? typo(random, last) : null;
  });
  add('typo, full name', 15, () => {
    const p = person();
    return p.lastName.length >= 4 ? `${p.firstName.toLowerCase()} ${typo(random, p.lastName)}` : null;
  });
  add('organisation', 20, () => person().organization);
  add('organisation word', 10, () => person().organization?.split(' ')[0]?.toLowerCase());
  add('title', 10, () => person().title);
  add('tag', 15, () => {
    const tags = person().tags;
    return tags.length > 0 ? pick(random, tags) : null;
  });
  add('email', 15, () => person().emails[0]);
  add('email local part', 5, () => person().emails[0]?.split('@')[0]);
  add('location', 5, () => person().location?.split(',')[0]);
  add('no match', 25, () => (random() < 0.7 ? nonsense(random) : `${nonsense(random)} ${nonsense(random)}`));
  return out;
}
