/**
 * Line-level preparation of a .vcf file before each card goes to the vCard parser (vcf), for what that parser
 * does not do: it splits on CRLF only, does not know vCard 2.1 quoted-printable soft line breaks (a value
 * continued after a trailing "="), and unfolds 2.1 lines the 3.0 way. So line endings are normalised, soft
 * breaks joined, 2.1 folds unfolded keeping their space; and PHOTO, LOGO, SOUND and KEY (base64 blobs of up
 * to megabytes) are dropped here, so they are never parsed, copied or stored.
 */
export type CardBlock = { row: number; text: string };

const BEGIN = /^BEGIN:VCARD\s*$/i;
const END = /^END:VCARD\s*$/i;
const DROPPED = /^(?:[A-Za-z0-9-]+\.)?(PHOTO|LOGO|SOUND|KEY)[;:]/i;
const QUOTED_PRINTABLE = /^[^:]*;(?:ENCODING=)?QUOTED-PRINTABLE[;:]/i;
const VERSION_21 = /^VERSION:2\.1\s*$/i;
const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;
const isContinuation = (line: string) => line.startsWith(' ') || line.startsWith('\t');

/** The cards of a file, numbered from 1 in file order; text outside BEGIN/END is ignored. */
export function splitCards(text: string): CardBlock[] {
  const cards: CardBlock[] = [];
  let current: string[] | null = null;
  let dropping = false;
  let softBreak = false;
  let version21 = false;

  const finish = () => {
    if (current) cards.push({ row: cards.length + 1, text: current.join('\r\n') });
    current = null;
  };

  for (const line of text.split(/\r\n|\r|\n/)) {
    if (softBreak && current && !BEGIN.test(line) && !END.test(line)) {
      // Quoted-printable soft line break: the previous line ended in "=" and goes on here.
      const last = current.length - 1;
      current[last] = `${current[last] ?? ''}${line.endsWith('=') ? line.slice(0, -1) : line}`;
      softBreak = line.endsWith('=');
      continue;
    }
    if (dropping) {
      // Folded (indented) lines, and the bare base64 lines some vCard 2.1 writers leave unindented.
      if (line === '' || isContinuation(line) || BASE64_LINE.test(line)) continue;
      dropping = false;
    }
    softBreak = false;
    if (BEGIN.test(line)) {
      finish();
      current = ['BEGIN:VCARD'];
      version21 = false;
      continue;
    }
    if (!current) continue;
    if (VERSION_21.test(line)) version21 = true;
    if (version21 && isContinuation(line) && current.length > 1) {
      // vCard 2.1 folds the RFC 822 way: the line break goes, the white space stays ("Head of" + " Marketing").
      current[current.length - 1] += line;
      continue;
    }
    if (END.test(line)) {
      current.push('END:VCARD');
      finish();
      continue;
    }
    if (!isContinuation(line) && DROPPED.test(line)) {
      dropping = true;
      continue;
    }
    if (!isContinuation(line) && QUOTED_PRINTABLE.test(line) && line.endsWith('=')) {
      current.push(line.slice(0, -1));
      softBreak = true;
      continue;
    }
    if (line !== '') current.push(line);
  }
  finish();
  return cards;
}
