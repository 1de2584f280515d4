import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordBody,
  emptyBody,
  loginBody,
  registerBody,
  resetConfirmBody,
  resetRequestBody,
  updateMeBody,
} from '../../../shared/contracts/auth';
import { userEnvelope } from '../../../shared/contracts/users';
import type { Config } from '../../config';
import { clearSessionCookie, requireAuth, sessionCookieToken, setSessionCookie } from '../../plugins/session';
import { toUserDto, type AuthService } from './auth.service';

const accepted = z.object({ status: z.literal('accepted') });

/** Registration, sign-in and out, password reset: /api/v1/auth. */
export function authRoutes(config: Config, auth: AuthService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post('/register', { schema: { tags: ['auth'], body: registerBody, response: { 201: userEnvelope } } }, async (request, reply) => {
      const { user, token } = await auth.register(request.body, request.headers['user-agent'] ?? null);
      setSessionCookie(reply, config, token);
      return reply.status(201).send({ user: toUserDto(user) });
    });

    r.post('/login', { schema: { tags: ['auth'], body: loginBody, response: { 200: userEnvelope } } }, async (request, reply) => {
      // A new token at every login; the one the browser held (if any) dies (ASVS 7.2.4).
      await auth.logout(sessionCookieToken(request, config));
      const { user, token } = await auth.login({
        ...request.body,
        clientAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, config, token);
      return { user: toUserDto(user) };
    });

    r.post('/logout', { schema: { tags: ['auth'], body: emptyBody } }, async (request, reply) => {
      await auth.logout(sessionCookieToken(request, config));
      clearSessionCookie(reply, config);
      return reply.status(204).send();
    });

    r.post(
      '/password-reset/request',
      { schema: { tags: ['auth'], body: resetRequestBody, response: { 202: accepted } } },
      async (request, reply) => {
        await auth.requestPasswordReset(request.body.email);
        return reply.status(202).send({ status: 'accepted' as const });
      },
    );

    r.post('/password-reset/confirm', { schema: { tags: ['auth'], body: resetConfirmBody } }, async (request, reply) => {
      await auth.confirmPasswordReset(request.body.token, request.body.password);
      clearSessionCookie(reply, config);
      return reply.status(204).send();
    });
  };
}

/** The signed-in user's own account: /api/v1/me. */
export function meRoutes(auth: AuthService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('', { schema: { tags: ['account'], response: { 200: userEnvelope } } }, async (request) => ({
      user: toUserDto(requireAuth(request).user),
    }));

    r.patch('', { schema: { tags: ['account'], description: 'Changes the name, the programme of study (null clears it), or both.', body: updateMeBody, response: { 200: userEnvelope } } }, async (request) => {
      const user = await auth.updateProfile(requireAuth(request).user.id, { name: request.body.name, program: request.body.program });
      return { user: toUserDto(user) };
    });

    r.post('/password', { schema: { tags: ['account'], body: changePasswordBody } }, async (request, reply) => {
      await auth.changePassword(requireAuth(request), request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send();
    });

    r.post(
      '/sessions/revoke-others',
      { schema: { tags: ['account'], body: emptyBody, response: { 200: z.object({ revoked: z.number().int() }) } } },
      async (request) => ({ revoked: await auth.signOutOtherSessions(requireAuth(request)) }),
    );
  };
}
