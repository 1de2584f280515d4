import { and, desc, eq, ilike, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/index';
import type { Role } from '../../../shared/contracts/users';

export type UserRow = typeof users.$inferSelect;

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1)
    .then((rows) => rows[0]);
}

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db
    .select()
    .from(users)
    .where(eq(users.id, id))
    .limit(1)
    .then((rows) => rows[0]);
}

export type NewUser = { email: string; name: string; role: Role; passwordHash: string; program?: string | null; now: Date };

/** Inserts a user; returns undefined when the email is taken (unique index, no read-then-write). */
export async function insertUser(db: Db, input: NewUser): Promise<UserRow | undefined> {
  const rows = await db
    .insert(users)
    .values({
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: input.passwordHash,
      program: input.program ?? null,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .onConflictDoNothing()
    .returning();
  return rows[0];
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<Pick<UserRow, 'name' | 'program' | 'passwordHash' | 'disabledAt'>> & { updatedAt: Date },
): Promise<UserRow | undefined> {
  const rows = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  return rows[0];
}

export function anyAdminExists(db: Db): Promise<boolean> {
  return db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, 'admin'))
    .limit(1)
    .then((rows) => rows.length > 0);
}

export type UserListFilter = { q?: string; role?: Role; limit: number; cursor?: { createdAt: Date; id: string } };

/** Users newest first with keyset pagination; `lastSeenAt` is the latest session activity. */
export function listUsers(db: Db, filter: UserListFilter) {
  const conditions = [];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conditions.push(or(ilike(users.email, pattern), ilike(users.name, pattern)));
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.cursor) {
    conditions.push(
      or(
        lt(users.createdAt, filter.cursor.createdAt),
        and(eq(users.createdAt, filter.cursor.createdAt), lt(users.id, filter.cursor.id)),
      ),
    );
  }
  return db
    .select({ user: users, lastSeenAt: users.lastActiveAt })
    .from(users)
    .where(and(...conditions))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(filter.limit + 1);
}

