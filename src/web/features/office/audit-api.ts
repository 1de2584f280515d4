import { userListResponse } from '../../../shared/contracts/admin';
import { auditListResponse, type AuditEventDto } from '../../../shared/contracts/audit';
import type { AdminUserDto } from '../../../shared/contracts/users';
import { api } from '../../lib/api';
import type { Page } from '../../lib/use-paged-list';

export const AUDIT_PAGE_SIZE = 25;
/** How many matches the student picker offers at once; more means "type more of the name". */
export const PICKER_SIZE = 8;

export type StudentMatches = { students: AdminUserDto[]; more: boolean };

/** Staff access to students' records: /api/v1/admin/audit (admins only), newest first. */
export const auditApi = {
  list: (filter: { studentId: string | null; cursor: string | undefined }): Promise<Page<AuditEventDto>> =>
    api.get('/api/v1/admin/audit', auditListResponse, { query: { studentId: filter.studentId, cursor: filter.cursor, limit: AUDIT_PAGE_SIZE } }),

  /** Students and alumni (the people who book advising) whose name or email contains `q`, by name. */
  findStudents: async (q: string, signal: AbortSignal): Promise<StudentMatches> => {
    const ask = (role: 'student' | 'alumni') =>
      api.get('/api/v1/admin/users', userListResponse, { query: { q, role, limit: PICKER_SIZE }, signal });
    const [students, alumni] = await Promise.all([ask('student'), ask('alumni')]);
    const all = [...students.items, ...alumni.items].sort((a, b) => a.name.localeCompare(b.name));
    return {
      students: all.slice(0, PICKER_SIZE),
      more: all.length > PICKER_SIZE || students.nextCursor !== null || alumni.nextCursor !== null,
    };
  },
};
