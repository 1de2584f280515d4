// Diagnostic server: Fastify with the pieces of Rapport's stack named in BENCH_STACK (comma list), added in
// the order buildApp adds them, so a ladder of variants shows what each piece costs per request.
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadConfig } from '../../src/server/config';
import type { AuthService } from '../../src/server/modules/auth/auth.service';
import { registerErrorHandler } from '../../src/server/plugins/error-handler';
import { registerRequestGuards } from '../../src/server/plugins/request-guards';
import { registerSecurityHeaders } from '../../src/server/plugins/security-headers';
import { registerSessionGuard } from '../../src/server/plugins/session';
import { announceReady, exitOnSigterm } from './ready';

export const STACK_PIECES = ['zod', 'logger', 'swagger', 'headers', 'guards', 'session', 'errors'] as const;
type Piece = (typeof STACK_PIECES)[number];

const pieces = new Set((process.env.BENCH_STACK ?? '').split(',').filter(Boolean));
for (const piece of pieces) {
  if (!(STACK_PIECES as readonly string[]).includes(piece)) throw new Error(`unknown stack piece ${piece}`);
}
const has = (piece: Piece) => pieces.has(piece);

// The same redaction list as buildApp, so the logger piece costs what Rapport's logger costs.
const REDACT = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'];
const config = loadConfig({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' });

const app = Fastify({
  logger: has('logger') ? { level: 'info', redact: REDACT } : false,
  return503OnClosing: true,
});
if (has('zod')) {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
}
if (has('swagger')) await app.register(fastifySwagger, { openapi: { openapi: '3.1.0', info: { title: 'bench', version: '1' } } });
if (has('headers')) registerSecurityHeaders(app);
if (has('guards')) registerRequestGuards(app, config);
if (has('session')) {
  // /livez is public and the load sends no cookie, so the session guard never calls the service.
  const auth = { authenticate: async () => null } as unknown as AuthService;
  registerSessionGuard(app, config, auth);
}
if (has('errors')) registerErrorHandler(app, './dist/web');

const status = z.object({ status: z.literal('ok') });
if (has('zod')) {
  app.withTypeProvider<ZodTypeProvider>().get('/livez', { schema: { response: { 200: status } } }, async () => ({ status: 'ok' as const }));
} else {
  app.get('/livez', async () => ({ status: 'ok' }));
}

await app.listen({ port: 0, host: '127.0.0.1' });
announceReady(app.server);
exitOnSigterm(() => app.close());
