import { z } from 'zod';

/** What `POST /api/v1/imports?format=` accepts: three known CSV exports, vCard, and any CSV with a column mapping. */
export const IMPORT_FORMATS = ['linkedin', 'google', 'outlook', 'vcard', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Contact fields a CSV column can be mapped to; `fullName` is split into first and last name. */
export const MAPPABLE_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'organization',
  'title',
  'field',
  'location',
  'email',
  'phone',
  'linkedinUrl',
  'link',
  'tags',
  'notes',
  'howMet',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];
export type ColumnMapping = Record<string, MappableField>;

/** Limits stated in the 413 answers (SECURITY.md upload-limits). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
/** How many rows the dry-run preview lists. */
export const IMPORT_PREVIEW_ROWS = 200;

export const importQuery = z.object({
  format: z.enum(IMPORT_FORMATS, { message: 'Use format=linkedin, google, outlook, vcard or csv.' }),
  dryRun: z.enum(['true', 'false'], { message: 'Use dryRun=true or dryRun=false.' }).default('true'),
  /** URL-encoded JSON object {"<column header>": "<field>"}; only with format=csv. */
  mapping: z.string().max(20_000).optional(),
});
export type ImportQuery = z.infer<typeof importQuery>;

export const IMPORT_ROW_STATUSES = ['new', 'duplicate', 'error'] as const;

export const importErrorSchema = z.object({ row: z.number().int(), message: z.string() });

export const importPreviewRowSchema = z.object({
  row: z.number().int(),
  status: z.enum(IMPORT_ROW_STATUSES),
  contact: z.object({
    firstName: z.string(),
    lastName: z.string(),
    organization: z.string().nullable(),
    title: z.string().nullable(),
    emails: z.array(z.string()),
  }),
  duplicateOf: z.object({ id: z.string(), displayName: z.string() }).optional(),
  message: z.string().optional(),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importResponse = z.object({
  format: z.enum(IMPORT_FORMATS),
  dryRun: z.boolean(),
  /** True only when the rows were written (dryRun=false and no row had an error). */
  committed: z.boolean(),
  /** Data rows (CSV) or cards (vCard) in the file. */
  total: z.number().int(),
  /** Created (commit) or that would be created (dry run); 0 when a commit was refused for errors. */
  imported: z.number().int(),
  duplicates: z.number().int(),
  errors: z.array(importErrorSchema),
  preview: z.array(importPreviewRowSchema),
  columns: z.array(z.string()).optional(),
  mapping: z.record(z.string(), z.enum(MAPPABLE_FIELDS)).optional(),
  importedIds: z.array(z.string()).optional(),
});
export type ImportResponse = z.infer<typeof importResponse>;
