import type { Role } from '../../../shared/contracts/users';

export const ROLE_LABELS: Record<Role, string> = {
  student: 'Student',
  alumni: 'Alumni',
  advisor: 'Advisor',
  admin: 'Admin',
};
