import type { MappableField } from '../../../shared/contracts/imports';
import type { ContactDraft } from './contact-draft';

export type CsvPresetFormat = 'linkedin' | 'google' | 'outlook';

/** A known export: which header row it has and which of its columns go where. */
export type CsvPreset = {
  format: CsvPresetFormat;
  /** How the file is named in messages. */
  label: string;
  /** The header the export has, quoted in IMPORT_UNREADABLE answers. */
  expected: string;
  isHeader(headers: readonly string[]): boolean;
  /** Column header → field; `null` keeps a known column out (e.g. Outlook's honorific "Title"). */
  fieldFor(header: string): MappableField | null;
  /** Values that do not come from one column (LinkedIn's "Connected On" becomes how we met). */
  complete?(draft: ContactDraft, cell: (header: string) => string): void;
};

const norm = (header: string) => header.trim().toLowerCase();
const has = (headers: readonly string[], ...names: string[]) => names.every((name) => headers.some((h) => norm(h) === norm(name)));

function byRules(rules: readonly (readonly [RegExp, MappableField | null])[]) {
  return (header: string): MappableField | null => {
    const h = header.trim();
    for (const [pattern, field] of rules) if (pattern.test(h)) return field;
    return null;
  };
}

export const linkedinPreset: CsvPreset = {
  format: 'linkedin',
  label: "LinkedIn's Connections.csv",
  expected: 'Expected LinkedIn\'s Connections.csv with the header "First Name,Last Name,URL,Email Address,Company,Position,Connected On".',
  isHeader: (headers) => has(headers, 'First Name', 'Last Name') && (has(headers, 'Connected On') || has(headers, 'URL', 'Company', 'Position')),
  fieldFor: byRules([
    [/^first name$/i, 'firstName'],
    [/^last name$/i, 'lastName'],
    [/^(url|profile url)$/i, 'linkedinUrl'],
    [/^email address$/i, 'email'],
    [/^company$/i, 'organization'],
    [/^position$/i, 'title'],
  ]),
  complete(draft, cell) {
    const on = cell('Connected On');
    draft.howMet = on ? `Connected on LinkedIn on ${on}` : 'Connected on LinkedIn';
    draft.source = 'linkedin';
  },
};

export const googlePreset: CsvPreset = {
  format: 'google',
  label: 'a Google Contacts CSV',
  expected:
    'Expected a Google Contacts export (Google CSV) with headers such as "First Name, Last Name, E-mail 1 - Value, Organization Name" or, from the older export, "Given Name, Family Name, E-mail 1 - Value, Organization 1 - Name".',
  isHeader: (headers) =>
    headers.some((h) => /^e-mail \d+ - value$/i.test(h.trim())) ||
    has(headers, 'Given Name', 'Family Name') ||
    (has(headers, 'First Name', 'Last Name') && (has(headers, 'Organization Name') || has(headers, 'Labels'))),
  fieldFor: byRules([
    [/^(first name|given name)$/i, 'firstName'],
    [/^(last name|family name)$/i, 'lastName'],
    [/^e-mail \d+ - value$/i, 'email'],
    [/^phone \d+ - value$/i, 'phone'],
    [/^(organization name|organization 1 - name)$/i, 'organization'],
    [/^(organization title|organization 1 - title)$/i, 'title'],
    [/^(labels|group membership)$/i, 'tags'],
    [/^notes$/i, 'notes'],
    [/^website \d+ - value$/i, 'link'],
    [/^address 1 - (city|region|country)$/i, 'location'],
    [/^location$/i, 'location'],
  ]),
};

export const outlookPreset: CsvPreset = {
  format: 'outlook',
  label: 'an Outlook CSV',
  expected:
    'Expected an Outlook contacts export with headers such as "First Name, Middle Name, Last Name, Title, Company, Job Title, E-mail Address, Business Phone, Mobile Phone, Notes, Web Page".',
  isHeader: (headers) => has(headers, 'E-mail Address') && (has(headers, 'Job Title') || has(headers, 'Business Phone') || has(headers, 'Company')),
  fieldFor: byRules([
    [/^first name$/i, 'firstName'],
    [/^last name$/i, 'lastName'],
    [/^company$/i, 'organization'],
    [/^job title$/i, 'title'],
    [/^e-mail( \d)? address$/i, 'email'],
    [/^(business|mobile|home|other|primary) phone( \d)?$/i, 'phone'],
    [/^notes$/i, 'notes'],
    [/^(web page|personal web page)$/i, 'link'],
    [/^categories$/i, 'tags'],
    [/^business (city|state|country\/region)$/i, 'location'],
  ]),
};

export const CSV_PRESETS: Record<CsvPresetFormat, CsvPreset> = { linkedin: linkedinPreset, google: googlePreset, outlook: outlookPreset };

/** The known export a header row looks like, most specific first (LinkedIn and Outlook are also "First Name, Last Name"). */
export function recognisePreset(headers: readonly string[]): CsvPreset | undefined {
  return [linkedinPreset, outlookPreset, googlePreset].find((preset) => preset.isHeader(headers));
}

// Header words people use for each field, for a first guess at a mapping (the UI lets them change it).
const GUESSES: readonly (readonly [RegExp, MappableField])[] = [
  [/^(first ?name|given ?name|first|forename|vorname|prénom|prenom)$/, 'firstName'],
  [/^(last ?name|surname|family ?name|last|nachname)$/, 'lastName'],
  [/^(name|full ?name|display ?name|contact|contact ?name)$/, 'fullName'],
  [/^(company|organi[sz]ation|organi[sz]ation ?name|employer|org|company ?name|firm)$/, 'organization'],
  [/^(title|job ?title|position|role|job)$/, 'title'],
  [/^(industry|field|sector|area)$/, 'field'],
  [/^(location|city|place|town|country|region)$/, 'location'],
  [/^(e-?mail|e-?mail ?address|mail|e-?mail ?\d+|e-?mail \d+ - value)$/, 'email'],
  [/^(phone|telephone|tel|mobile|cell|phone ?number|mobile ?phone|business ?phone)$/, 'phone'],
  [/^(linked ?in|linked ?in ?url|linked ?in ?profile|profile ?url|url)$/, 'linkedinUrl'],
  [/^(website|web ?site|web ?page|homepage|home ?page|link|web)$/, 'link'],
  [/^(tags?|labels?|categories|category|groups?)$/, 'tags'],
  [/^(notes?|comments?|remarks?)$/, 'notes'],
  [/^(how ?(we )?met|met ?at|where ?met|context|connected ?on)$/, 'howMet'],
];

/** A first guess at a mapping for any CSV, from its header words; columns it cannot place are left out. */
export function guessMapping(headers: readonly string[]): Map<string, MappableField> {
  const known = recognisePreset(headers);
  const mapping = new Map<string, MappableField>();
  for (const header of headers) {
    if (header.trim() === '' || mapping.has(header)) continue;
    const h = header.trim().toLowerCase().replace(/[_.]+/g, ' ').replace(/\s+/g, ' ');
    const field = known?.fieldFor(header) ?? GUESSES.find(([pattern]) => pattern.test(h))?.[1];
    if (field) mapping.set(header, field);
  }
  return mapping;
}

/** A preset's mapping for the columns this file has. */
export function presetMapping(preset: CsvPreset, headers: readonly string[]): Map<string, MappableField> {
  const mapping = new Map<string, MappableField>();
  for (const header of headers) {
    const field = preset.fieldFor(header);
    if (field) mapping.set(header, field);
  }
  return mapping;
}
