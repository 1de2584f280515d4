import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import { manualClock, type ManualClock } from '../../src/server/lib/clock';
import type { MailTransport } from '../../src/server/modules/mail/mailer';
import { createTestDatabase, type TestDatabase } from './test-db';

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  clock: ManualClock;
  config: Config;
  close(): Promise<void>;
};

/** The real app on a fresh copy of the migrated database, with a clock the test moves. */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    mailTransport?: MailTransport;
    clock?: ManualClock;
    /** pino options (e.g. a stream) to read what the app logs; silent by default. */
    logger?: Record<string, unknown>;
    /** Import files of at least this many bytes are checked in the worker thread (the app's default otherwise). */
    importWorkerFromBytes?: number;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = options.clock ?? manualClock(new Date());
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: './.tmp/no-web', ...options.env });
  const app = await buildApp(config, {
    database,
    clock,
    logger: options.logger ?? false,
    mailTransport: options.mailTransport,
    ...(options.importWorkerFromBytes === undefined ? {} : { importWorkerFromBytes: options.importWorkerFromBytes }),
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The cookie header that carries the session set by a response. */
export function sessionCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name.endsWith('rapport_session'));
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

/** Sends a request as a signed-in user (cookie) or anonymously (no cookie). */
export function as(app: FastifyInstance, cookie: string | undefined) {
  return (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(cookie ? { cookie } : {}), ...(options.headers ?? {}) } });
}
