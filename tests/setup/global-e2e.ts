import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    adminEmail: string;
    adminPassword: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN_EMAIL = 'admin@rapport.test';
// Long and unusual, so the server's password policy accepts it as the first admin's password.
const ADMIN_PASSWORD = 'copper kettle orbits the quiet harbour 71';
const STARTUP_TIMEOUT_MS = 60_000;
const SERVER_SETTINGS = new Set(['NODE_ENV', 'DATABASE_URL', 'SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL', 'TRUST_PROXY', 'WEB_DIST_DIR', 'DB_POOL_SIZE']);

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('No free port was given.'))));
    });
  });
}

function buildWebApp(): void {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // The test runner sets NODE_ENV=test, which would give the development build of React.
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`vite build failed with exit code ${result.status ?? 'unknown'}.`);
}

async function waitForHealth(baseURL: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${baseURL}/healthz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The server did not answer GET /healthz with 200 within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return done();
    const force = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    }, 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    process.kill(child.pid, 'SIGTERM');
  });
}

/**
 * Browser journeys run against the real thing: the built web app served by the real server on a free
 * port with a fresh embedded database, exactly as `npm start` runs it.
 */
export default async function setup(project: TestProject) {
  buildWebApp();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const baseURL = `http://127.0.0.1:${port}`;
  // The server gets the environment `npm start` would have, minus the test runner's (NODE_ENV=test, VITEST…)
  // and minus any Rapport settings of this shell (a DATABASE_URL or SMTP_URL would leave the fresh data dir).
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !SERVER_SETTINGS.has(key) && !key.startsWith('VITEST') && !key.startsWith('RAPPORT_')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RAPPORT_ADMIN_EMAIL: ADMIN_EMAIL,
      RAPPORT_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', (chunk: Buffer) => {
    keep(chunk);
    process.stderr.write(chunk);
  });

  try {
    await waitForHealth(baseURL, child, () => log);
  } catch (error) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  project.provide('baseURL', baseURL);
  project.provide('adminEmail', ADMIN_EMAIL);
  project.provide('adminPassword', ADMIN_PASSWORD);

  return async () => {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
