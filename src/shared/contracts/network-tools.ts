import { z } from 'zod';
import { contactSchema, interactionSchema, ledgerEntrySchema } from './contacts';

/** Export formats of `GET /api/v1/exports/contacts`, each with its file extension and media type. */
export const EXPORT_FORMATS = ['vcard', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FILES: Record<ExportFormat, { extension: string; contentType: string }> = {
  vcard: { extension: 'vcf', contentType: 'text/vcard; charset=utf-8' },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present' },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8' },
};

export const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS, { message: 'Choose vcard, csv or json.' }) });

/** One contact of the JSON export: the contact as the API returns it, with its timeline and ledger. */
export const exportedContactSchema = contactSchema.extend({
  interactions: z.array(interactionSchema),
  ledger: z.array(ledgerEntrySchema),
});
export type ExportedContact = z.infer<typeof exportedContactSchema>;
export const contactsExportSchema = z.object({ exportedAt: z.string(), contacts: z.array(exportedContactSchema) });

/** Why contacts look like the same person: a shared email, the same LinkedIn profile, or a similar name at one organisation. */
export const DUPLICATE_REASONS = ['email', 'linkedin', 'name_org'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const duplicateGroupSchema = z.object({
  reason: z.enum(DUPLICATE_REASONS),
  /** What the group shares: the email, the normalised LinkedIn address, or "organisation / name". */
  key: z.string(),
  contacts: z.array(contactSchema),
});
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>;
export const duplicatesResponse = z.object({
  groups: z.array(duplicateGroupSchema),
  /** True when there were more groups than one answer carries; merging some and asking again shows the rest. */
  truncated: z.boolean(),
});

/** Fields a merge may take from the other contact instead of the kept one. */
export const MERGE_CHOOSABLE_FIELDS = [
  'firstName',
  'lastName',
  'circle',
  'organization',
  'title',
  'field',
  'location',
  'stage',
  'keepInTouchDays',
  'howMet',
  'source',
] as const;
export type MergeChoosableField = (typeof MERGE_CHOOSABLE_FIELDS)[number];

const takeOther = z.literal('other').optional();
export const mergeBody = z
  .object({
    otherId: z.string().uuid({ message: 'Not a valid id.' }),
    use: z
      .object({
        firstName: takeOther,
        lastName: takeOther,
        circle: takeOther,
        organization: takeOther,
        title: takeOther,
        field: takeOther,
        location: takeOther,
        stage: takeOther,
        keepInTouchDays: takeOther,
        howMet: takeOther,
        source: takeOther,
      })
      .strict()
      .optional(),
  })
  .strict();
export type MergeBody = z.infer<typeof mergeBody>;
export type MergeChoices = NonNullable<MergeBody['use']>;
