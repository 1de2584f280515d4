import { adminUserEnvelope, userListResponse } from '../../../shared/contracts/admin';
import type { CreateUserBody } from '../../../shared/contracts/auth';
import type { AdminUserDto, Role } from '../../../shared/contracts/users';
import { api } from '../../lib/api';
import type { Page } from '../../lib/use-paged-list';

export const USERS_PAGE_SIZE = 25;

const userAction = (id: string, action: 'disable' | 'enable'): Promise<AdminUserDto> =>
  api.post(`/api/v1/admin/users/${encodeURIComponent(id)}/${action}`, adminUserEnvelope).then((body) => body.user);

/** Office accounts: /api/v1/admin/users (admins only). */
export const usersApi = {
  list: (filter: { q: string; role: Role | null; cursor: string | undefined }): Promise<Page<AdminUserDto>> =>
    api.get('/api/v1/admin/users', userListResponse, {
      query: { q: filter.q, role: filter.role, cursor: filter.cursor, limit: USERS_PAGE_SIZE },
    }),
  create: (body: CreateUserBody): Promise<AdminUserDto> => api.post('/api/v1/admin/users', adminUserEnvelope, body).then((answer) => answer.user),
  disable: (id: string) => userAction(id, 'disable'),
  enable: (id: string) => userAction(id, 'enable'),
};
