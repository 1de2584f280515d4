/**
 * The token of a reset link, from the fragment (`#token=…`), which never reaches a server log or a
 * Referer header. null: no token at all; '': a token too short or long to be one of ours.
 */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  if (token === null || token === '') return null;
  return token.length >= 20 && token.length <= 200 ? token : '';
}
