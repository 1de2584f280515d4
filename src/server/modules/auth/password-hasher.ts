import { hash, verify } from '@node-rs/argon2';
import { normalizePassword } from '../../../shared/domain/password-policy';

// argon2id with OWASP's floor (ASVS 11.4.2): 19 MiB, 2 passes, 1 lane; the library adds a random 16-byte salt.
// The numeric 2 is Algorithm.Argon2id, a const enum that isolated modules cannot import.
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalizePassword(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown email cannot be told apart by timing (ASVS 6.3.8). */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('rapport-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
