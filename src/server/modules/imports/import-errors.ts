import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../../shared/contracts/imports';
import { AppError } from '../../lib/errors';

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;

/** The import errors, each stating the limit or what was expected (SECURITY.md upload-limits). */
export const importErrors = {
  /** 413 for a file over the size limit; `bytes` is the declared length when the client sent one. */
  fileTooLarge: (bytes: number | undefined) =>
    new AppError(
      413,
      'IMPORT_TOO_LARGE',
      `${bytes === undefined ? 'The file is larger than the limit' : `The file is ${megabytes(bytes)}`}; the limit is ${megabytes(IMPORT_MAX_BYTES)}.`,
    ),
  tooManyRows: (what: 'rows' | 'cards') =>
    new AppError(
      413,
      'IMPORT_TOO_LARGE',
      `The file has more than ${IMPORT_MAX_ROWS.toLocaleString('en-US')} ${what}; the limit is ${IMPORT_MAX_ROWS.toLocaleString('en-US')}. Split it into smaller files.`,
    ),
  unreadable: (message: string) => new AppError(400, 'IMPORT_UNREADABLE', message),
} as const;
