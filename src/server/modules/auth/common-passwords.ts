import { dictionary } from '@zxcvbn-ts/language-common';

let cached: ReadonlySet<string> | undefined;

/** ~49,000 passwords seen most often in breaches (zxcvbn-ts list, ranked), lower-cased for lookup. */
export function commonPasswords(): ReadonlySet<string> {
  cached ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return cached;
}
