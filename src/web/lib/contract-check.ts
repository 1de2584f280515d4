import type { z } from 'zod';
import type { FieldIssue } from '../../shared/contracts/errors';
import { issueMessage } from '../../shared/contracts/issue-messages';

/**
 * What the server would refuse in this body, checked in the browser with the same shared contract: each
 * issue by its path in the body (`weekly.2.end`, `noShowLadder`), in the words the page shows.
 */
export function contractIssues(schema: z.ZodType, body: unknown): FieldIssue[] {
  const result = schema.safeParse(body, { error: issueMessage });
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** A number field's text as the contract's number: empty or not a number stays NaN, which the contract refuses. */
export function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
