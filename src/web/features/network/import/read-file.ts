import { IMPORT_MAX_BYTES } from '../../../../shared/contracts/imports';

const MB = 1024 * 1024;

/** "7.2 MB", as the server states its limits. */
export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;
}

export class FileProblem extends Error {}

/**
 * The text of a chosen file. Most exports are UTF-8; older Outlook and Excel CSVs are Windows-1252, which
 * is tried when the bytes are not valid UTF-8, so “José” arrives as José either way.
 */
export async function readImportFile(file: File): Promise<string> {
  if (file.size > IMPORT_MAX_BYTES) throw new FileProblem(`The file is ${megabytes(file.size)}; the limit is ${megabytes(IMPORT_MAX_BYTES)}. Split it into smaller files.`);
  if (file.size === 0) throw new FileProblem('The file is empty. Export it again and choose the new file.');
  const bytes = await file.arrayBuffer();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.includes('\u0000')) throw new FileProblem('This does not look like a text file. Choose the .csv or .vcf file from the export.');
  return text.replace(/^\uFEFF/, '');
}
