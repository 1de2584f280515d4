import { z } from 'zod';
import { userEnvelope, type UserDto } from '../../../shared/contracts/users';
import { api } from '../../lib/api';

const revokedSchema = z.object({ revoked: z.number().int() });

/** The signed-in person's own account: /api/v1/me. */
export const accountApi = {
  rename: (name: string): Promise<UserDto> => api.patch('/api/v1/me', userEnvelope, { name }).then((body) => body.user),
  /** Sets the program of study; null clears it. */
  setProgram: (program: string | null): Promise<UserDto> => api.patch('/api/v1/me', userEnvelope, { program }).then((body) => body.user),
  changePassword: (currentPassword: string, newPassword: string): Promise<void> =>
    api.postNoContent('/api/v1/me/password', { currentPassword, newPassword }),
  signOutOtherDevices: (): Promise<number> => api.post('/api/v1/me/sessions/revoke-others', revokedSchema).then((body) => body.revoked),
};
