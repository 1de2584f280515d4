import { z } from 'zod';
import { userEnvelope, type UserDto } from '../../../shared/contracts/users';
import { api } from '../../lib/api';

const accepted = z.object({ status: z.literal('accepted') });

/** Sign-in, registration and password reset: /api/v1/auth and the current user. */
export const authApi = {
  me: (): Promise<UserDto> => api.get('/api/v1/me', userEnvelope).then((body) => body.user),
  login: (body: { email: string; password: string }): Promise<UserDto> =>
    api.post('/api/v1/auth/login', userEnvelope, body).then((answer) => answer.user),
  register: (body: { name: string; email: string; password: string }): Promise<UserDto> =>
    api.post('/api/v1/auth/register', userEnvelope, body).then((answer) => answer.user),
  logout: (): Promise<void> => api.postNoContent('/api/v1/auth/logout'),
  requestReset: (email: string): Promise<void> => api.post('/api/v1/auth/password-reset/request', accepted, { email }).then(() => undefined),
  confirmReset: (token: string, password: string): Promise<void> => api.postNoContent('/api/v1/auth/password-reset/confirm', { token, password }),
};
