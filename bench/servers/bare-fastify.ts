// Context row: Fastify with no logger, plugins or hooks, default serializer; what the framework alone costs.
import Fastify from 'fastify';
import { announceReady, exitOnSigterm } from './ready';

const app = Fastify({ logger: false });
app.get('/livez', async () => ({ status: 'ok' }));

await app.listen({ port: 0, host: '127.0.0.1' });
announceReady(app.server);
exitOnSigterm(() => app.close());
