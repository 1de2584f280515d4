import type { Role, UserDto } from '../../../shared/contracts/users';
import { checkPassword } from '../../../shared/domain/password-policy';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { coalescedLookup } from '../../lib/coalesced-lookup';
import { AppError, errors } from '../../lib/errors';
import { hashToken, newToken } from '../../lib/tokens';
import type { Mailer } from '../mail/mailer';
import { commonPasswords } from './common-passwords';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hasher';
import { clearBucket, hitBucket, peekBucket } from './rate-limit.repo';
import { consumeResetToken, findUsableResetToken, insertResetToken, invalidateResetTokensOfUser } from './reset-tokens.repo';
import {
  deleteSessionByTokenHash,
  deleteSessionsOfUser,
  findLiveSessions,
  insertSession,
  touchSession,
  type SessionWithUser,
} from './sessions.repo';
import { anyAdminExists, findUserByEmail, findUserById, insertUser, updateUser, type UserRow } from './users.repo';

export type AuthDeps = { db: Db; clock: Clock; config: Config; mailer: Mailer };

export type AuthenticatedSession = { sessionId: string; user: UserRow };

// Only refresh last-seen once a minute: idle expiry needs minutes, not every request writing a row.
const TOUCH_EVERY_MS = 60_000;

export function toUserDto(user: UserRow): UserDto {
  return { id: user.id, email: user.email, name: user.name, role: user.role, program: user.program, createdAt: user.createdAt.toISOString() };
}

/** Throws WEAK_PASSWORD with the reason when a password breaks the policy (ASVS 6.2.x). */
export function assertPasswordAllowed(password: string, email?: string, field = 'password'): void {
  const problem = checkPassword(password, { commonPasswords: commonPasswords(), email });
  if (problem) {
    throw new AppError(400, 'WEAK_PASSWORD', problem.message, [{ path: field, message: problem.message }]);
  }
}

export function createAuthService(deps: AuthDeps) {
  const { db, clock, config, mailer } = deps;
  const idleMs = config.session.idleMinutes * 60_000;
  const absoluteMs = config.session.absoluteHours * 3_600_000;
  const limits = config.loginLimits;
  // Every signed-in request starts here; those that arrive while a lookup runs share the next one (ADR 016).
  const liveSession = coalescedLookup<string, SessionWithUser>(
    (tokenHashes) => {
      const now = clock.now();
      return findLiveSessions(db, tokenHashes, now, new Date(now.getTime() - idleMs));
    },
    (tokenHash) => tokenHash,
  );

  async function createUser(input: { email: string; name: string; password: string; role: Role; program?: string | null }): Promise<UserRow> {
    assertPasswordAllowed(input.password, input.email);
    const passwordHash = await hashPassword(input.password);
    const user = await insertUser(db, { ...input, passwordHash, now: clock.now() });
    if (!user) throw errors.conflict('EMAIL_TAKEN', 'An account with this email already exists. Sign in or reset your password.');
    return user;
  }

  /** Starts a new session (a fresh token every time: ASVS 7.2.4) and returns the cookie token. */
  async function startSession(userId: string, userAgent: string | null): Promise<string> {
    const token = newToken();
    const now = clock.now();
    await insertSession(db, {
      userId,
      tokenHash: hashToken(token),
      now,
      expiresAt: new Date(now.getTime() + absoluteMs),
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  async function assertNotLocked(key: string, limit: number): Promise<void> {
    const bucket = await peekBucket(db, key, clock.now(), limits.windowSeconds);
    if (bucket && bucket.count >= limit) {
      const retryAfter = limits.windowSeconds - (clock.now().getTime() - bucket.windowStart.getTime()) / 1000;
      throw errors.tooManyAttempts(Math.max(60, retryAfter));
    }
  }

  return {
    createUser,
    startSession,

    async register(input: { email: string; name: string; password: string }, userAgent: string | null) {
      const user = await createUser({ ...input, role: 'student' });
      return { user, token: await startSession(user.id, userAgent) };
    },

    /**
     * Checks credentials with the same work and the same answer for an unknown email and a wrong password
     * (ASVS 6.3.8); counts failures per account and per client address (ASVS 6.3.1).
     */
    async login(input: { email: string; password: string; clientAddress: string; userAgent: string | null }) {
      const accountKey = `login:account:${input.email.toLowerCase()}`;
      const addressKey = `login:address:${input.clientAddress}`;
      await assertNotLocked(accountKey, limits.perAccount);
      await assertNotLocked(addressKey, limits.perAddress);

      const user = await findUserByEmail(db, input.email);
      const valid = user?.passwordHash
        ? await verifyPassword(user.passwordHash, input.password)
        : await verifyAgainstDummy(input.password);
      if (!user || !valid) {
        const now = clock.now();
        await hitBucket(db, accountKey, now, limits.windowSeconds);
        await hitBucket(db, addressKey, now, limits.windowSeconds);
        throw new AppError(401, 'INVALID_CREDENTIALS', 'That email and password do not match an account.');
      }
      if (user.disabledAt) {
        throw new AppError(403, 'ACCOUNT_DISABLED', 'This account is disabled. Contact your career services office.');
      }
      await clearBucket(db, accountKey);
      return { user, token: await startSession(user.id, input.userAgent) };
    },

    async logout(token: string | undefined): Promise<void> {
      if (token) await deleteSessionByTokenHash(db, hashToken(token));
    },

    /** The session behind a cookie token, or null; enforces idle and absolute expiry (ASVS 7.3.1, 7.3.2). */
    async authenticate(token: string): Promise<AuthenticatedSession | null> {
      const found = await liveSession(hashToken(token));
      if (!found) return null;
      // No writes until the idle timeout's touch is due: at most once a minute per session (ADR 016).
      const now = clock.now();
      if (now.getTime() - found.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        await touchSession(db, found.sessionId, found.user.id, now);
      }
      return { sessionId: found.sessionId, user: found.user };
    },

    /** Always succeeds from the caller's view (202), whether or not the email has an account (ASVS 6.3.8). */
    async requestPasswordReset(email: string): Promise<void> {
      const now = clock.now();
      // At most 5 reset emails per address an hour: a flood of requests cannot flood someone's inbox.
      const bucket = await hitBucket(db, `reset:${email.toLowerCase()}`, now, 3600);
      const user = await findUserByEmail(db, email);
      if (!user || user.disabledAt || bucket.count > 5) {
        await verifyAgainstDummy(email);
        return;
      }
      const token = newToken();
      await db.transaction(async (tx) => {
        await insertResetToken(tx, {
          userId: user.id,
          tokenHash: hashToken(token),
          now,
          expiresAt: new Date(now.getTime() + config.resetTokenMinutes * 60_000),
        });
        // The token travels in the fragment, so it never reaches a server log or a Referer header.
        await mailer.send(
          {
            to: user.email,
            subject: 'Reset your Rapport password',
            kind: 'password_reset',
            userId: user.id,
            text: [
              `Hello ${user.name},`,
              '',
              'Someone (we hope you) asked to reset the password of your Rapport account.',
              `Open this link within ${config.resetTokenMinutes} minutes to choose a new one:`,
              '',
              `${config.publicUrl}/reset-password#token=${token}`,
              '',
              'If you did not ask, ignore this email; your password stays as it is.',
            ].join('\n'),
          },
          tx,
        );
      });
      if (mailer.mode === 'smtp') void mailer.deliverDue().catch(() => {});
    },

    /** Single use, expiring; ends every session of the account and lifts the login lock (ASVS 6.4.1, 6.4.3). */
    async confirmPasswordReset(token: string, password: string): Promise<void> {
      const now = clock.now();
      const invalid = () => new AppError(400, 'INVALID_RESET_TOKEN', 'This reset link has expired or was already used. Ask for a new one.');
      // Check the new password before spending the token, so a refused password leaves the link usable.
      const pending = await findUsableResetToken(db, hashToken(token), now);
      const user = pending ? await findUserById(db, pending.userId) : undefined;
      if (!user) throw invalid();
      assertPasswordAllowed(password, user.email);
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        if ((await consumeResetToken(tx, hashToken(token), now)) !== user.id) throw invalid();
        await updateUser(tx, user.id, { passwordHash, updatedAt: now });
        await deleteSessionsOfUser(tx, user.id);
        await invalidateResetTokensOfUser(tx, user.id, now);
        await clearBucket(tx, `login:account:${user.email.toLowerCase()}`);
      });
    },

    /** Changes the password after checking the current one; every other session ends. */
    async changePassword(session: AuthenticatedSession, currentPassword: string, newPassword: string): Promise<void> {
      const { user } = session;
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new AppError(400, 'INVALID_CREDENTIALS', 'Your current password is not right.', [
          { path: 'currentPassword', message: 'Your current password is not right.' },
        ]);
      }
      assertPasswordAllowed(newPassword, user.email, 'newPassword');
      const passwordHash = await hashPassword(newPassword);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await updateUser(tx, user.id, { passwordHash, updatedAt: now });
        await deleteSessionsOfUser(tx, user.id, session.sessionId);
        await invalidateResetTokensOfUser(tx, user.id, now);
      });
    },

    async signOutOtherSessions(session: AuthenticatedSession): Promise<number> {
      return deleteSessionsOfUser(db, session.user.id, session.sessionId);
    },

    /** The signed-in user's own name and programme of study; a field left out stays as it is, a null program clears it. */
    async updateProfile(userId: string, patch: { name?: string; program?: string | null }): Promise<UserRow> {
      const user = await updateUser(db, userId, { ...patch, updatedAt: clock.now() });
      if (!user) throw errors.notFound('This account');
      return user;
    },

    /** Creates the first admin from the environment when the office has none yet (ASVS 6.3.2). */
    async ensureAdmin(admin: { email: string; password: string }): Promise<'created' | 'exists' | 'email_taken'> {
      if (await anyAdminExists(db)) return 'exists';
      const existing = await findUserByEmail(db, admin.email);
      if (existing) return 'email_taken';
      await createUser({ email: admin.email.toLowerCase(), name: 'Administrator', password: admin.password, role: 'admin' });
      return 'created';
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
