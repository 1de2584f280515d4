import type { z } from 'zod';
import { createContactBody, type Circle, type CreateContactInput, type Source } from '../../../shared/contracts/contacts';

/** One contact as read from a file, before the API's rules (createContactBody) are applied. */
export type ContactDraft = {
  firstName: string;
  lastName: string;
  organization: string;
  title: string;
  field: string;
  location: string;
  emails: string[];
  phones: string[];
  /** Values given as the LinkedIn profile; any other http(s) address that points at LinkedIn counts too. */
  linkedinUrls: string[];
  links: string[];
  tags: string[];
  notes: string;
  howMet: string;
  source: Source | null;
  circle: Circle;
};

export function emptyDraft(defaults: { source: Source | null; circle: Circle }): ContactDraft {
  return {
    firstName: '',
    lastName: '',
    organization: '',
    title: '',
    field: '',
    location: '',
    emails: [],
    phones: [],
    linkedinUrls: [],
    links: [],
    tags: [],
    notes: '',
    howMet: '',
    ...defaults,
  };
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const BARE_HOST = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#]\S*)?$/i;

/**
 * A web address as it may be stored: http(s) only (ASVS 1.2.2). `javascript:`, `data:`, `mailto:` and other
 * schemes are dropped (null); a bare host such as `www.example.com` gets https://.
 */
export function sanitizeLink(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return trimmed;
  if (scheme === undefined && BARE_HOST.test(trimmed)) return `https://${trimmed}`;
  return null;
}

export function isLinkedinUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === 'linkedin.com' || host.endsWith('.linkedin.com');
  } catch {
    return false;
  }
}

/** "Jane Q. Public" → Jane Q. / Public; "Public, Jane" → Jane / Public; one word is a first name. */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const value = full.trim().replace(/\s+/g, ' ');
  const comma = value.indexOf(',');
  if (comma > 0) return { firstName: value.slice(comma + 1).trim(), lastName: value.slice(0, comma).trim() };
  const space = value.lastIndexOf(' ');
  if (space < 0) return { firstName: value, lastName: '' };
  return { firstName: value.slice(0, space), lastName: value.slice(space + 1) };
}

// A line break inside a spreadsheet cell or a decoded vCard value is not worth refusing a row for.
const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
const uniq = (items: string[]) => [...new Set(items.map((item) => item.trim()).filter((item) => item !== ''))];

/** The draft as a create body: links sorted into LinkedIn and the rest, non-http(s) addresses dropped. */
export function draftToBody(draft: ContactDraft): Record<string, unknown> {
  const explicit = draft.linkedinUrls.map(sanitizeLink).filter((url): url is string => url !== null);
  const links = draft.links.map(sanitizeLink).filter((url): url is string => url !== null);
  const linkedinUrl = explicit[0] ?? links.find(isLinkedinUrl) ?? null;
  let firstName = draft.firstName.trim();
  let lastName = draft.lastName.trim();
  if (firstName === '' && lastName !== '') [firstName, lastName] = [lastName, ''];
  return {
    firstName: oneLine(firstName),
    lastName: oneLine(lastName),
    circle: draft.circle,
    organization: oneLine(draft.organization) || null,
    title: oneLine(draft.title) || null,
    field: oneLine(draft.field) || null,
    location: oneLine(draft.location) || null,
    emails: uniq(draft.emails),
    phones: uniq(draft.phones),
    linkedinUrl,
    links: uniq(links.filter((url) => url !== linkedinUrl && !isLinkedinUrl(url))),
    howMet: oneLine(draft.howMet) || null,
    source: draft.source,
    tags: uniq(draft.tags),
    notes: draft.notes.replace(/\r\n?/g, '\n').trim(),
  };
}

const LABELS: Record<string, string> = {
  firstName: 'Name',
  lastName: 'Last name',
  organization: 'Organization',
  title: 'Title',
  field: 'Field',
  location: 'Location',
  emails: 'Email',
  phones: 'Phone',
  linkedinUrl: 'LinkedIn URL',
  links: 'Link',
  howMet: 'How met',
  tags: 'Tag',
  notes: 'Notes',
};

function describeIssue(issue: z.core.$ZodIssue, body: Record<string, unknown>): string {
  const [key, index] = issue.path;
  const label = (typeof key === 'string' && LABELS[key]) || 'Row';
  let value = typeof key === 'string' ? body[key] : undefined;
  if (Array.isArray(value)) value = typeof index === 'number' ? value[index] : undefined;
  const shown = typeof value === 'string' && value !== '' && key !== 'notes' ? ` "${value.length > 60 ? `${value.slice(0, 60)}…` : value}"` : '';
  if (key === 'firstName' && issue.code === 'too_small') return 'This row has no name; add a first or last name.';
  if (issue.code === 'too_big' && index === undefined && Array.isArray(body[String(key)])) return `${label}: at most ${String(issue.maximum)} allowed.`;
  return `${label}${shown}: ${issue.message}`;
}

export type DraftCheck = { ok: true; input: CreateContactInput } | { ok: false; message: string };

/** The same rules as `POST /api/v1/contacts`; a failure is one readable sentence per problem. */
export function checkDraft(draft: ContactDraft): DraftCheck {
  const body = draftToBody(draft);
  const result = createContactBody.safeParse(body);
  if (result.success) return { ok: true, input: result.data };
  const messages = [...new Set(result.error.issues.map((issue) => describeIssue(issue, body)))];
  return { ok: false, message: messages.slice(0, 3).join(' ') };
}
