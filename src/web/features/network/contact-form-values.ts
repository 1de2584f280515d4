import {
  CIRCLES,
  SOURCES,
  STAGES,
  contactFields,
  httpUrlSchema,
  type Circle,
  type ContactDto,
  type CreateContactBody,
  type Source,
  type Stage,
} from '../../../shared/contracts/contacts';
import { defaultKeepInTouchDays } from '../../../shared/domain/cadence';
import { CIRCLE_DEFAULT, frequencyValue, parseFrequency } from './frequency-options';

/** The add/edit form's values: text as typed, lists as rows; the API's names, so its issues land in place. */
export type ContactFormValues = {
  firstName: string;
  lastName: string;
  circle: string;
  organization: string;
  title: string;
  field: string;
  location: string;
  emails: string[];
  phones: string[];
  linkedinUrl: string;
  links: string[];
  howMet: string;
  source: string;
  referredById: string;
  tags: string[];
  notes: string;
  stage: string;
  keepInTouchDays: string;
};

export const EMPTY_CONTACT: ContactFormValues = {
  firstName: '',
  lastName: '',
  circle: 'new',
  organization: '',
  title: '',
  field: '',
  location: '',
  emails: [''],
  phones: [''],
  linkedinUrl: '',
  links: [],
  howMet: '',
  source: '',
  referredById: '',
  tags: [],
  notes: '',
  stage: 'potential',
  keepInTouchDays: CIRCLE_DEFAULT,
};

const isCircle = (value: string): value is Circle => (CIRCLES as readonly string[]).includes(value);
const isStage = (value: string): value is Stage => (STAGES as readonly string[]).includes(value);
const isSource = (value: string): value is Source => (SOURCES as readonly string[]).includes(value);

export function circleOf(values: Pick<ContactFormValues, 'circle'>): Circle {
  return isCircle(values.circle) ? values.circle : 'new';
}

/** A contact as the form shows it; "circle default" is chosen when the frequency is the circle's own. */
export function toFormValues(contact: ContactDto): ContactFormValues {
  const usesDefault = contact.keepInTouchDays === defaultKeepInTouchDays(contact.circle);
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    circle: contact.circle,
    organization: contact.organization ?? '',
    title: contact.title ?? '',
    field: contact.field ?? '',
    location: contact.location ?? '',
    emails: contact.emails.length > 0 ? [...contact.emails] : [''],
    phones: contact.phones.length > 0 ? [...contact.phones] : [''],
    linkedinUrl: contact.linkedinUrl ?? '',
    links: [...contact.links],
    howMet: contact.howMet ?? '',
    source: contact.source ?? '',
    referredById: contact.referredById ?? '',
    tags: [...contact.tags],
    notes: contact.notes,
    stage: contact.stage,
    keepInTouchDays: usesDefault ? CIRCLE_DEFAULT : frequencyValue(contact.keepInTouchDays),
  };
}

const rows = (items: string[]) => items.map((item) => item.trim()).filter((item) => item !== '');
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request body: empty rows dropped, empty text as null, the frequency in days (null = no reminders). */
export function toContactBody(values: ContactFormValues, isNew: boolean): CreateContactBody {
  const circle = circleOf(values);
  const body: CreateContactBody = {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    circle,
    organization: orNull(values.organization),
    title: orNull(values.title),
    field: orNull(values.field),
    location: orNull(values.location),
    emails: rows(values.emails),
    phones: rows(values.phones),
    linkedinUrl: orNull(values.linkedinUrl),
    links: rows(values.links),
    howMet: orNull(values.howMet),
    source: isSource(values.source) ? values.source : null,
    referredById: values.referredById === '' ? null : values.referredById,
    tags: values.tags,
    notes: values.notes,
    stage: isStage(values.stage) ? values.stage : 'potential',
  };
  // A new contact on its circle's default lets the server apply it (CAD-08).
  if (!(isNew && values.keepInTouchDays === CIRCLE_DEFAULT)) body.keepInTouchDays = parseFrequency(values.keepInTouchDays, circle);
  return body;
}

/** The first message of a shared schema for one value, or null when it is fine. */
function issueOf(schema: { safeParse: (value: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error?.issues[0]?.message ?? 'Check this value.');
}

const line = (max: number) => (value: string) => (value.trim().length > max ? `Use at most ${max} characters.` : null);

/** The same checks as the server's contract, with messages that say what to do. */
export const contactChecks = {
  firstName: (value: string) => (value.trim() === '' ? 'Enter a first name — it is the one thing we need.' : issueOf(contactFields.firstName, value)),
  lastName: line(100),
  organization: line(200),
  title: line(200),
  field: line(120),
  location: line(120),
  howMet: line(300),
  linkedinUrl: (value: string) =>
    value.trim() === '' ? null : issueOf(httpUrlSchema, value) ? 'Paste the full profile address, like https://www.linkedin.com/in/name.' : null,
  emails: { item: (value: string) => (value.trim() === '' ? null : issueOf(contactFields.emails, [value]) ? 'Enter an email address like name@example.com.' : null) },
  phones: {
    item: (value: string) => {
      const trimmed = value.trim();
      if (trimmed === '') return null;
      if (!/^[+()0-9 .\-/x#*]+$/i.test(trimmed)) return 'Use digits, spaces and + ( ) - only.';
      return trimmed.length < 3 || trimmed.length > 40 ? 'Enter a phone number of 3 to 40 characters.' : null;
    },
  },
  links: { item: (value: string) => (value.trim() === '' ? null : issueOf(httpUrlSchema, value) ? 'Use a web address starting with https://' : null) },
  tags: { list: (tags: string[]) => (tags.length > 30 ? 'Use at most 30 tags.' : tags.some((tag) => tag.length > 40) ? 'Keep each tag under 40 characters.' : null) },
  notes: (value: string) => (value.length > 20_000 ? 'Notes can hold up to 20,000 characters; move the rest elsewhere.' : null),
};
