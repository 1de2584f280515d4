import type { AdminUserDto } from '../../../shared/contracts/users';
import type { CreateUserBody } from '../../../shared/contracts/auth';
import type { Role } from '../../../shared/contracts/users';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { decodeCursor, paginate } from '../../lib/cursor';
import { AppError, errors } from '../../lib/errors';
import type { AuthService } from '../auth/auth.service';
import { deleteSessionsOfUser } from '../auth/sessions.repo';
import { findUserById, listUsers, updateUser, type UserRow } from '../auth/users.repo';

export function toAdminUserDto(user: UserRow, lastSeenAt: Date | null): AdminUserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    program: user.program,
    createdAt: user.createdAt.toISOString(),
    disabled: user.disabledAt !== null,
    lastSeenAt: lastSeenAt?.toISOString() ?? null,
  };
}

export function createAdminService(deps: { db: Db; clock: Clock; auth: AuthService }) {
  const { db, clock, auth } = deps;

  async function setDisabled(actorId: string, userId: string, disabled: boolean): Promise<AdminUserDto> {
    if (actorId === userId) {
      throw new AppError(409, 'CANNOT_CHANGE_SELF', 'You cannot disable your own account; ask another admin.');
    }
    const now = clock.now();
    const user = await db.transaction(async (tx) => {
      const updated = await updateUser(tx, userId, { disabledAt: disabled ? now : null, updatedAt: now });
      // Disabling ends every session of the account at once (ASVS 7.4.2).
      if (updated && disabled) await deleteSessionsOfUser(tx, userId);
      return updated;
    });
    if (!user) throw errors.notFound('This account');
    return toAdminUserDto(user, user.lastActiveAt);
  }

  return {
    async list(query: { q?: string; role?: Role; limit: number; cursor?: string }) {
      const rows = await listUsers(db, { ...query, cursor: decodeCursor(query.cursor) });
      const page = paginate(rows, query.limit, (row) => ({ createdAt: row.user.createdAt, id: row.user.id }));
      return { items: page.items.map((row) => toAdminUserDto(row.user, row.lastSeenAt)), nextCursor: page.nextCursor };
    },

    async create(input: CreateUserBody): Promise<AdminUserDto> {
      const user = await auth.createUser(input);
      return toAdminUserDto(user, null);
    },

    disable: (actorId: string, userId: string) => setDisabled(actorId, userId, true),
    enable: (actorId: string, userId: string) => setDisabled(actorId, userId, false),

    async get(userId: string): Promise<UserRow> {
      const user = await findUserById(db, userId);
      if (!user) throw errors.notFound('This account');
      return user;
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
