import { createRequire } from 'node:module';
import { setImmediate as nextTurn } from 'node:timers/promises';
import VCard from 'vcf';
import { emptyDraft, splitFullName, type ContactDraft } from './contact-draft';
import { splitCards } from './vcard-cards';

export type CardResult = { row: number; draft: ContactDraft } | { row: number; error: string };

// A CommonJS module whose exports Node's ESM loader cannot name: loaded with require.
const quotedPrintable = createRequire(import.meta.url)('quoted-printable') as typeof import('quoted-printable');

type Property = VCard.Property;
type Version = '2.1' | '3.0' | '4.0';

function props(card: VCard, key: string): Property[] {
  const value = card.data[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function param(prop: Property, name: string): string[] {
  const value = (prop as unknown as Record<string, unknown>)[name];
  if (typeof value === 'string') return [value.toLowerCase()];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase()) : [];
}

function textDecoder(charset: string | undefined): TextDecoder {
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** The property's value with its transfer encoding (quoted-printable or base64) and CHARSET undone. */
function rawValue(prop: Property): string {
  const raw = String(prop.valueOf() ?? '');
  const encoding = param(prop, 'encoding')[0];
  const charset = param(prop, 'charset')[0];
  if (encoding === 'quoted-printable' || param(prop, 'type').includes('quoted-printable')) {
    return textDecoder(charset).decode(Buffer.from(quotedPrintable.decode(raw), 'latin1'));
  }
  if (encoding === 'b' || encoding === 'base64') return textDecoder(charset).decode(Buffer.from(raw, 'base64'));
  return raw;
}

// RFC 6350 §3.4 (and 2426 for 3.0): \n, \, \; and \\ in text values; vCard 2.1 escapes only ";".
function unescapeText(value: string, version: Version): string {
  if (version === '2.1') return value.replace(/\\;/g, ';');
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function components(prop: Property, version: Version, separator: ';' | ','): string[] {
  const pattern = separator === ';' ? /(?<!\\);/ : /(?<!\\),/;
  return rawValue(prop)
    .split(pattern)
    .map((part) => unescapeText(part, version).trim());
}

const text = (prop: Property | undefined, version: Version) => (prop ? unescapeText(rawValue(prop), version).trim() : '');

function preferred(list: Property[]): Property | undefined {
  return list.find((p) => param(p, 'type').includes('pref') || param(p, 'pref').length > 0) ?? list[0];
}

/** A parsed card → a draft: N/FN, ORG, TITLE, EMAIL, TEL, URL, NOTE, CATEGORIES, ADR; everything else is left out. */
export function cardToDraft(card: VCard): ContactDraft {
  const version = card.version;
  const draft = emptyDraft({ source: null, circle: 'new' });
  const [n] = props(card, 'n');
  if (n) {
    const [family = '', given = ''] = components(n, version, ';');
    draft.firstName = given;
    draft.lastName = family;
  }
  if (draft.firstName === '' && draft.lastName === '') Object.assign(draft, splitFullName(text(props(card, 'fn')[0], version)));

  const [org] = props(card, 'org');
  if (org) draft.organization = components(org, version, ';')[0] ?? '';
  draft.title = text(props(card, 'title')[0], version);
  draft.emails = props(card, 'email').map((p) => text(p, version).replace(/^mailto:/i, ''));
  draft.phones = props(card, 'tel').map((p) =>
    text(p, version)
      .replace(/^tel:/i, '')
      .replace(/;ext=/i, ' x'),
  );
  draft.links = props(card, 'url').map((p) => text(p, version));
  // Apple writes the LinkedIn profile as X-SOCIALPROFILE;type=linkedin.
  draft.linkedinUrls = props(card, 'xSocialprofile')
    .filter((p) => param(p, 'type').includes('linkedin'))
    .map((p) => text(p, version));
  draft.notes = props(card, 'note')
    .map((p) => text(p, version))
    .filter((note) => note !== '')
    .join('\n');
  draft.tags = props(card, 'categories').flatMap((p) => components(p, version, ','));
  const adr = preferred(props(card, 'adr'));
  if (adr) {
    const [, , , locality = '', region = '', , country = ''] = components(adr, version, ';');
    draft.location = [locality, region, country].filter((part) => part !== '').join(', ');
  }
  return draft;
}

function cardError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/END:VCARD/.test(message)) return 'The card has no END:VCARD line.';
  if (/Unsupported version/i.test(message)) return 'This vCard version is not supported; use 2.1, 3.0 or 4.0.';
  if (/VERSION/i.test(message)) return 'The card has no VERSION line (2.1, 3.0 or 4.0).';
  return 'The card could not be read.';
}

/**
 * Every card of a .vcf file as a draft or a per-card error, numbered from 1 in file order. Stops with
 * `tooMany` past `maxCards`; yields to the event loop every few hundred cards.
 */
export async function readVcards(textValue: string, options: { maxCards: number; tooMany: () => Error }): Promise<CardResult[]> {
  const blocks = splitCards(textValue);
  if (blocks.length > options.maxCards) throw options.tooMany();
  const results: CardResult[] = [];
  for (const block of blocks) {
    try {
      results.push({ row: block.row, draft: cardToDraft(new VCard().parse(block.text)) });
    } catch (error) {
      results.push({ row: block.row, error: cardError(error) });
    }
    if (block.row % 250 === 0) await nextTurn();
  }
  return results;
}
