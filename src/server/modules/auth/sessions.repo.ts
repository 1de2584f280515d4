import { and, eq, gt, isNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions, users } from '../../db/schema/index';

export type SessionWithUser = {
  session: typeof sessions.$inferSelect;
  user: typeof users.$inferSelect;
};

export async function insertSession(
  db: Db,
  input: { userId: string; tokenHash: string; now: Date; expiresAt: Date; userAgent: string | null },
): Promise<void> {
  await db.update(users).set({ lastActiveAt: input.now }).where(eq(users.id, input.userId));
  await db.insert(sessions).values({
    userId: input.userId,
    tokenHash: input.tokenHash,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: input.expiresAt,
    userAgent: input.userAgent,
  });
}

/** The live session for a token hash: not expired, not idle too long, its user not disabled. */
export async function findLiveSession(
  db: Db,
  tokenHash: string,
  now: Date,
  idleSince: Date,
): Promise<SessionWithUser | undefined> {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleSince),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return rows[0];
}

/** Records activity on the session and on its user ("last active" outlives the session). */
export async function touchSession(db: Db, id: string, userId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  await db.update(users).set({ lastActiveAt: now }).where(eq(users.id, userId));
}

export async function deleteSessionByTokenHash(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string, exceptSessionId?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Removes sessions that can no longer be used; run now and then so the table stays small. */
export async function deleteDeadSessions(db: Db, now: Date, idleSince: Date): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)))
    .returning({ id: sessions.id });
  return rows.length;
}
