import ICAL from 'ical.js';
import { displayName } from '../../../shared/domain/cadence';
import type { ContactRow } from './contacts.repo';

/** A jCard property (RFC 7095): name, parameters, value type, then the value(s). */
type JCardProperty = [name: string, params: Record<string, string>, type: string, ...values: (string | string[])[]];

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
// Control characters other than tab have no place in a vCard text value (RFC 6350 §3.3); line breaks become LF.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Plain text for a vCard value: one newline convention (LF, which the writer escapes as \n), no controls. */
function clean(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Folds a content line so no physical line is longer than 75 octets of UTF-8, the leading space of a
 * continuation included (RFC 6350 §3.2), never splitting a character. ical.js folds at 75 octets before the
 * space, which makes 76-octet continuation lines, so the lines are written unfolded and folded here.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const cp = char.codePointAt(0) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** The vCard properties of one contact, as jCard; Rapport's circle travels as X-RAPPORT-CIRCLE. */
function properties(contact: ContactRow): JCardProperty[] {
  const props: JCardProperty[] = [
    ['version', {}, 'text', '4.0'],
    ['prodid', {}, 'unknown', '-//Rapport//Contacts export//EN'],
    ['uid', {}, 'text', `urn:uuid:${contact.id}`],
    ['kind', {}, 'text', 'individual'],
    ['fn', {}, 'text', clean(displayName(contact.firstName, contact.lastName))],
    // N is family; given; additional; prefixes; suffixes. Each field is escaped by the writer (\; \, \\ \n).
    ['n', {}, 'text', [clean(contact.lastName), clean(contact.firstName), '', '', '']],
  ];
  if (contact.organization) props.push(['org', {}, 'text', [clean(contact.organization)]]);
  if (contact.title) props.push(['title', {}, 'text', clean(contact.title)]);
  contact.emails.forEach((email, index) => props.push(['email', index === 0 ? { pref: '1' } : {}, 'text', clean(email)]));
  // Written without a VALUE parameter, which RFC 6350 §6.4.1 reads as free-form text (vCard 3 compatible):
  // address books that do not decode tel: URIs still import the number as the person typed it.
  contact.phones.forEach((phone, index) => props.push(['tel', index === 0 ? { pref: '1' } : {}, 'uri', clean(phone)]));
  // Only http(s) addresses leave Rapport (SECURITY.md url-schemes); LinkedIn first.
  const urls = [contact.linkedinUrl, ...contact.links].filter((url): url is string => typeof url === 'string' && isHttpUrl(url));
  for (const url of new Set(urls)) props.push(['url', {}, 'uri', url]);
  if (contact.notes.trim() !== '') props.push(['note', {}, 'text', clean(contact.notes)]);
  if (contact.tags.length > 0) props.push(['categories', {}, 'text', ...contact.tags.map(clean)]);
  props.push(['x-rapport-circle', {}, 'unknown', contact.circle]);
  props.push(['rev', {}, 'timestamp', contact.updatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')]);
  return props;
}

/** One contact as a vCard 4.0 (RFC 6350) with CRLF line ends, ready to concatenate into a .vcf file. */
export function contactToVcard(contact: ContactRow): string {
  const lines = properties(contact).map((prop) => foldLine(ICAL.stringify.property(prop, ICAL.design.vcard, true)));
  return ['BEGIN:VCARD', ...lines, 'END:VCARD', ''].join(CRLF);
}
