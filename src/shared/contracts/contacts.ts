import { z } from 'zod';

/** The four circles of DOMAIN.md §1; `new` is "New potential contacts". */
export const CIRCLES = ['professional', 'community', 'personal', 'new'] as const;
export type Circle = (typeof CIRCLES)[number];
export const CIRCLE_LABELS: Record<Circle, string> = {
  professional: 'Professional',
  community: 'Community',
  personal: 'Personal',
  new: 'New potential',
};

export const STAGES = ['potential', 'contacted', 'responded', 'met', 'ongoing', 'dormant'] as const;
export type Stage = (typeof STAGES)[number];

export const SOURCES = ['linkedin', 'alumni_directory', 'event', 'class', 'referral', 'other'] as const;
export type Source = (typeof SOURCES)[number];

export const INTERACTION_KINDS = ['email', 'call', 'meeting', 'video', 'message', 'social', 'event', 'note'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const LEDGER_DIRECTIONS = ['give', 'ask'] as const;
export type LedgerDirection = (typeof LEDGER_DIRECTIONS)[number];

/** CAD-08 offered frequencies, in days. */
export const KEEP_IN_TOUCH_OPTIONS = [7, 14, 30, 60, 90, 180, 365] as const;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters.` })
    .refine((v) => !CONTROL.test(v) && !/[\r\n]/.test(v), { message: 'Use a single line.' });
const optionalLine = (max: number) => line(max).nullish().transform((v) => (v ? v : null));

/** Only http(s) links are stored or rendered (SECURITY.md url-schemes, ASVS 1.2.2). */
export const httpUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { message: 'Use a web address starting with https://' },
  );

const emailItem = z.string().trim().toLowerCase().pipe(z.email({ message: 'Enter an email address like name@example.com.' }));
const phoneItem = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[+()0-9 .\-/x#*]+$/i, { message: 'Use digits, spaces and + ( ) - only.' });
const tagItem = line(40).pipe(z.string().min(1));

const uniq = <T>(items: T[]) => [...new Set(items)];

export const contactFields = {
  firstName: line(100).pipe(z.string().min(1, { message: 'Enter a first name.' })),
  lastName: line(100).default(''),
  circle: z.enum(CIRCLES).default('new'),
  organization: optionalLine(200),
  title: optionalLine(200),
  field: optionalLine(120),
  location: optionalLine(120),
  emails: z.array(emailItem).max(10).default([]).transform(uniq),
  phones: z.array(phoneItem).max(10).default([]).transform(uniq),
  linkedinUrl: httpUrlSchema.nullish().transform((v) => v ?? null),
  links: z.array(httpUrlSchema).max(10).default([]).transform(uniq),
  howMet: optionalLine(300),
  source: z.enum(SOURCES).nullish().transform((v) => v ?? null),
  referredById: z.string().uuid().nullish().transform((v) => v ?? null),
  tags: z.array(tagItem).max(30).default([]).transform((tags) => uniq(tags.map((t) => t.toLowerCase()))),
  notes: z.string().max(20_000).default(''),
  stage: z.enum(STAGES).default('potential'),
  /** Days between catch-ups (CAD-08); null uses no keep-in-touch reminder (New potential contacts: 3B7 only). */
  keepInTouchDays: z.number().int().min(1).max(3650).nullish(),
};

export const createContactBody = z.object(contactFields).strict();
export type CreateContactBody = z.input<typeof createContactBody>;
export type CreateContactInput = z.output<typeof createContactBody>;

export const updateContactBody = z
  .object({
    firstName: contactFields.firstName.optional(),
    lastName: line(100).optional(),
    circle: z.enum(CIRCLES).optional(),
    organization: optionalLine(200).optional(),
    title: optionalLine(200).optional(),
    field: optionalLine(120).optional(),
    location: optionalLine(120).optional(),
    emails: z.array(emailItem).max(10).transform(uniq).optional(),
    phones: z.array(phoneItem).max(10).transform(uniq).optional(),
    linkedinUrl: httpUrlSchema.nullable().optional(),
    links: z.array(httpUrlSchema).max(10).transform(uniq).optional(),
    howMet: optionalLine(300).optional(),
    source: z.enum(SOURCES).nullable().optional(),
    referredById: z.string().uuid().nullable().optional(),
    tags: z.array(tagItem).max(30).transform((tags) => uniq(tags.map((t) => t.toLowerCase()))).optional(),
    notes: z.string().max(20_000).optional(),
    stage: z.enum(STAGES).optional(),
    keepInTouchDays: z.number().int().min(1).max(3650).nullable().optional(),
  })
  .strict();
export type UpdateContactInput = z.output<typeof updateContactBody>;

export const contactSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  circle: z.enum(CIRCLES),
  organization: z.string().nullable(),
  title: z.string().nullable(),
  field: z.string().nullable(),
  location: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  linkedinUrl: z.string().nullable(),
  links: z.array(z.string()),
  howMet: z.string().nullable(),
  source: z.enum(SOURCES).nullable(),
  referredById: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  stage: z.enum(STAGES),
  keepInTouchDays: z.number().nullable(),
  lastInteractionAt: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  gives: z.number().int(),
  asks: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactDto = z.infer<typeof contactSchema>;
export const contactEnvelope = z.object({ contact: contactSchema });

export const listContactsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  circle: z.enum(CIRCLES).optional(),
  stage: z.enum(STAGES).optional(),
  tag: z.string().trim().toLowerCase().max(40).optional(),
  organization: z.string().trim().max(200).optional(),
  due: z.enum(['true', 'false']).optional(),
  /** People this contact introduced me to (the "referred by" chain, the other way round). */
  referredById: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type ListContactsQuery = z.infer<typeof listContactsQuery>;
export const contactListResponse = z.object({
  items: z.array(contactSchema),
  nextCursor: z.string().nullable(),
  /** With `q`: `exact` when words matched as typed, `close` when only similar names did (typo tolerance). */
  match: z.enum(['exact', 'close']).optional(),
});

export const contactSummaryResponse = z.object({
  total: z.number().int(),
  circles: z.object({ professional: z.number().int(), community: z.number().int(), personal: z.number().int(), new: z.number().int() }),
  due: z.number().int(),
});

export const interactionBody = z
  .object({
    kind: z.enum(INTERACTION_KINDS),
    occurredAt: z.iso.datetime({ offset: true, message: 'Give a date and time like 2026-11-29T10:00:00Z.' }),
    summary: z.string().trim().max(5_000).default(''),
  })
  .strict();
export const interactionSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  kind: z.enum(INTERACTION_KINDS),
  occurredAt: z.string(),
  summary: z.string(),
  createdAt: z.string(),
});
export type InteractionDto = z.infer<typeof interactionSchema>;

export const ledgerBody = z
  .object({
    direction: z.enum(LEDGER_DIRECTIONS),
    description: line(500).pipe(z.string().min(1, { message: 'Say what it was.' })),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export const ledgerEntrySchema = z.object({
  id: z.string(),
  contactId: z.string(),
  direction: z.enum(LEDGER_DIRECTIONS),
  description: z.string(),
  occurredAt: z.string(),
  createdAt: z.string(),
});
export type LedgerEntryDto = z.infer<typeof ledgerEntrySchema>;

export const BULK_ACTIONS = ['tag', 'untag', 'circle', 'frequency', 'delete', 'restore'] as const;
export const bulkBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('tag'), ids: z.array(z.string().uuid()).min(1).max(1000), tag: tagItem }).strict(),
  z.object({ action: z.literal('untag'), ids: z.array(z.string().uuid()).min(1).max(1000), tag: tagItem }).strict(),
  z.object({ action: z.literal('circle'), ids: z.array(z.string().uuid()).min(1).max(1000), circle: z.enum(CIRCLES) }).strict(),
  z
    .object({
      action: z.literal('frequency'),
      ids: z.array(z.string().uuid()).min(1).max(1000),
      keepInTouchDays: z.number().int().min(1).max(3650).nullable(),
    })
    .strict(),
  z.object({ action: z.literal('delete'), ids: z.array(z.string().uuid()).min(1).max(1000) }).strict(),
  z.object({ action: z.literal('restore'), ids: z.array(z.string().uuid()).min(1).max(1000) }).strict(),
]);
export type BulkBody = z.infer<typeof bulkBody>;
export const bulkResponse = z.object({ affected: z.number().int() });

export const REMINDER_RULES = ['CAD-08', 'CAD-09'] as const;
export const reminderSchema = z.object({
  rule: z.string(),
  dueAt: z.string(),
  contactId: z.string().optional(),
  contactName: z.string().optional(),
  title: z.string(),
  reason: z.string(),
});
export type ReminderDto = z.infer<typeof reminderSchema>;
export const remindersQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const remindersResponse = z.object({ items: z.array(reminderSchema) });
