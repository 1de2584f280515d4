// Baseline for contact-list: the SQL that GET /api/v1/contacts?limit=50 runs — taken from the repository's
// own listContacts(…).toSQL(), so text and parameters are identical — executed straight on the PGlite client
// (no Drizzle, no Fastify, no session), the rows sent as JSON by node:http. Before listening it also times,
// in-process, what the route's database work costs (see the `costs` message).
// BENCH_DATA_DIR: its own copy of the seeded data directory; BENCH_USER_EMAIL: whose contacts to list.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions, wrapPglite } from '../../src/server/db/client';
import { findUserByEmail } from '../../src/server/modules/auth/users.repo';
import { findLiveSession, insertSession } from '../../src/server/modules/auth/sessions.repo';
import { toContactDto } from '../../src/server/modules/contacts/contact-mapping';
import { listContacts } from '../../src/server/modules/contacts/contacts.repo';
import { announceReady, exitOnSigterm } from './ready';

const dataDir = process.env.BENCH_DATA_DIR;
const email = process.env.BENCH_USER_EMAIL;
if (!dataDir || !email) throw new Error('BENCH_DATA_DIR and BENCH_USER_EMAIL are required');
const costSeconds = Number(process.env.BENCH_COST_SECONDS ?? 2);

const client = await PGlite.create(dataDir, { extensions: pgliteExtensions });
const database = wrapPglite(client);
const db = database.db;
const user = await findUserByEmail(db, email);
if (!user) throw new Error(`no user ${email} in ${dataDir}`);
const ownerId = user.id;

const LIMIT = 50;
const query = listContacts(db, ownerId, {}, LIMIT).toSQL();
// Columns the API never sends (contactSchema leaves them out); dropping them keeps the two answers the same size.
const INTERNAL = ['owner_id', 'sort_key', 'search_text', 'search_vector', 'import_key', 'deleted_at'];

async function page(): Promise<string> {
  const result = await client.query<Record<string, unknown>>(query.sql, query.params as unknown[]);
  const items = result.rows.slice(0, LIMIT);
  for (const row of items) for (const key of INTERNAL) delete row[key];
  return JSON.stringify({ items, nextCursor: result.rows.length > LIMIT ? 'more' : null });
}

/** Calls per second of fn, run back to back for `seconds` after a short warm-up; returns µs per call. */
async function timePerCall(fn: () => Promise<unknown>, seconds: number): Promise<number> {
  for (let i = 0; i < 20; i += 1) await fn();
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    await fn();
    calls += 1;
  }
  return ((performance.now() - started) * 1000) / calls;
}

// What the route's database work costs, in-process, on this copy of the data (a throwaway session row is
// added to it so the session lookup every authenticated request makes can be timed too).
const token = randomBytes(32).toString('base64url');
const tokenHash = createHash('sha256').update(token).digest('base64url');
const now = new Date();
await insertSession(db, { userId: ownerId, tokenHash, now, expiresAt: new Date(now.getTime() + 3_600_000), userAgent: null });
const costs = {
  rawQueryUs: await timePerCall(() => client.query(query.sql, query.params as unknown[]), costSeconds),
  rawPageUs: await timePerCall(page, costSeconds),
  drizzleListUs: await timePerCall(() => listContacts(db, ownerId, {}, LIMIT), costSeconds),
  drizzleListDtoUs: await timePerCall(async () => JSON.stringify((await listContacts(db, ownerId, {}, LIMIT)).slice(0, LIMIT).map(toContactDto)), costSeconds),
  sessionLookupUs: await timePerCall(() => findLiveSession(db, tokenHash, new Date(), new Date(Date.now() - 1_800_000)), costSeconds),
};

const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url?.startsWith('/api/v1/contacts')) {
    page().then(
      (body) => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) });
        response.end(body);
      },
      () => {
        response.writeHead(500);
        response.end();
      },
    );
    return;
  }
  response.writeHead(404);
  response.end();
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'costs', costs, sql: query.sql });
  announceReady(server);
});
exitOnSigterm(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await database.close();
});
