/** The part of a Zod issue the messages below read; `schema` is the schema that failed (its bounds). */
type RawIssue = {
  code?: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  schema?: unknown;
  values?: readonly unknown[];
};

type NumberBounds = { minValue: number | null; maxValue: number | null; isInt?: boolean };

function boundsOf(schema: unknown): NumberBounds | undefined {
  if (typeof schema !== 'object' || schema === null || !('minValue' in schema) || !('maxValue' in schema)) return undefined;
  return schema as NumberBounds;
}

const LIMIT = Number.MAX_SAFE_INTEGER;

/** "Use a whole number from 0 to 120." — both bounds of the field when the contract gives them. */
function numberMessage(issue: RawIssue): string {
  const bounds = boundsOf(issue.schema);
  const kind = bounds?.isInt === false ? 'a number' : 'a whole number';
  const min = bounds?.minValue ?? null;
  const max = bounds?.maxValue ?? null;
  const hasMin = min !== null && Math.abs(min) < LIMIT;
  const hasMax = max !== null && Math.abs(max) < LIMIT;
  if (hasMin && hasMax) return `Use ${kind} from ${min} to ${max}.`;
  if (hasMin) return `Use ${kind} of at least ${min}.`;
  if (hasMax) return `Use ${kind} of at most ${max}.`;
  return `Use ${kind}.`;
}

/**
 * Messages for the checks a contract states without words of its own (bounds, types, options), the same in the
 * browser (contract-check) and in the server's 400 answers. A message the contract gives itself ("Use a time
 * like 09:30.") always wins over these: Zod prefers the schema's own.
 */
export function issueMessage(raw: unknown): string | undefined {
  const issue = raw as RawIssue;
  const origin = issue.origin;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return numberMessage(issue);
      if (issue.expected === 'string') return 'Fill this in.';
      return undefined;
    case 'too_small':
      if (origin === 'number') return numberMessage(issue);
      if (origin === 'string') return Number(issue.minimum) <= 1 ? 'Fill this in.' : `Use at least ${issue.minimum} characters.`;
      if (origin === 'array') return `Add at least ${issue.minimum}.`;
      return undefined;
    case 'too_big':
      if (origin === 'number') return numberMessage(issue);
      if (origin === 'string') return `Use at most ${issue.maximum} characters.`;
      if (origin === 'array') return `Use at most ${issue.maximum}.`;
      return undefined;
    case 'invalid_value':
      return issue.values && issue.values.length > 0 && issue.values.length <= 12 ? `Choose one of: ${issue.values.map(String).join(', ')}.` : 'Choose one of the options.';
    case 'invalid_format':
      return 'Check the format of this value.';
    default:
      return undefined;
  }
}
