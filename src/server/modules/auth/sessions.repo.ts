import { and, eq, getTableColumns, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions, users } from '../../db/schema/index';

/** A live session as every signed-in request needs it: its id, when it was last touched, and its user. */
export type SessionWithUser = {
  sessionId: string;
  lastSeenAt: Date;
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

function liveSessionsQuery(db: Db) {
  return db
    .select({ tokenHash: sessions.tokenHash, sessionId: sessions.id, lastSeenAt: sessions.lastSeenAt, user: getTableColumns(users) })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        sql`${sessions.tokenHash} = any(${sql.placeholder('tokenHashes')}::text[])`,
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleSince')),
        isNull(users.disabledAt),
      ),
    )
    .prepare('live_sessions');
}

// Every signed-in request runs this lookup: it is built once per database handle (ADR 016), not per request.
const liveSessionsQueries = new WeakMap<Db, ReturnType<typeof liveSessionsQuery>>();

/**
 * The live sessions among these token hashes (not expired, not idle too long, their user not disabled), by
 * token hash. One statement for any number of them: the session guard looks up the requests that arrive while
 * the database is busy together (ADR 016).
 */
export async function findLiveSessions(db: Db, tokenHashes: readonly string[], now: Date, idleSince: Date): Promise<Map<string, SessionWithUser>> {
  let query = liveSessionsQueries.get(db);
  if (!query) {
    query = liveSessionsQuery(db);
    liveSessionsQueries.set(db, query);
  }
  // Instants as ISO text: a placeholder skips the column's own encoding, and drivers differ in how they pass a Date.
  const rows = await query.execute({ tokenHashes: [...tokenHashes], now: now.toISOString(), idleSince: idleSince.toISOString() });
  return new Map(rows.map(({ tokenHash, ...found }) => [tokenHash, found]));
}

/** The live session for one token hash (findLiveSessions for one). */
export async function findLiveSession(db: Db, tokenHash: string, now: Date, idleSince: Date): Promise<SessionWithUser | undefined> {
  return (await findLiveSessions(db, [tokenHash], now, idleSince)).get(tokenHash);
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
