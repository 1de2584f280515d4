// Rapport over HTTP for the API benchmarks: a seeded PGlite data directory, the real server as a child
// process, signing in for a session cookie, and small loopback requests.
import { randomBytes } from 'node:crypto';
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import { spawnNode, waitForExit, waitForMessage, waitForReady, type Child } from './child';
import type { BenchContext } from './types';
import { ensureWebDist } from './web-dist';

export type SeedUser = { email: string; password: string; contacts: number };
export type SeededUser = { email: string; id: string; contacts: number };

/** A password the app's policy accepts (long, random); one per run. */
export function benchPassword(): string {
  return `bench ${randomBytes(12).toString('base64url')} rapport`;
}

/** Seeds `dataDir` in a child process (bench/servers/seed-rapport-db.ts) and waits for it to exit. */
export async function seedRapportDataDir(context: BenchContext, dataDir: string, plan: { users: SeedUser[]; background: number }): Promise<{ users: SeededUser[]; ms: number }> {
  const child = spawnNode({
    label: 'seed',
    cwd: context.root,
    args: ['--import', 'tsx', 'bench/servers/seed-rapport-db.ts'],
    env: { ...process.env, BENCH_DATA_DIR: dataDir, BENCH_SEED_PLAN: JSON.stringify(plan) },
    stdout: 'ignore',
    ipc: true,
  });
  try {
    const seeded = await waitForMessage(child, 'seeded', 10 * 60_000);
    await waitForExit(child.process);
    return seeded as unknown as { users: SeededUser[]; ms: number };
  } finally {
    await child.stop();
  }
}

/** Starts bench/servers/rapport.ts with `env` added, logging at info to /dev/null; answers once it listens. */
export async function spawnRapport(context: BenchContext, label: string, env: NodeJS.ProcessEnv): Promise<{ child: Child; port: number }> {
  const child = spawnNode({
    label,
    cwd: context.root,
    args: ['--import', 'tsx', 'bench/servers/rapport.ts'],
    env: { ...process.env, BENCH_LOG_LEVEL: 'info', ...env },
    stdout: 'ignore',
    ipc: true,
  });
  try {
    return { child, port: await waitForReady(child, 120_000) };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

/** Rapport as main.ts runs it (bench/servers/rapport.ts) on `dataDir`, logging at info to /dev/null. */
export async function startRapport(context: BenchContext, dataDir: string, label = 'Rapport'): Promise<{ child: Child; port: number }> {
  return spawnRapport(context, label, { BENCH_DATA_DIR: dataDir, BENCH_WEB_DIST_DIR: ensureWebDist(context).dir });
}

export type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/** One request to 127.0.0.1; `agent` keeps a connection open across calls (undefined: a fresh one). */
export function send(port: number, options: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer; agent?: Agent; timeoutMs?: number }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: options.path, method: options.method, headers: options.headers, agent: options.agent ?? false, timeout: options.timeoutMs ?? 60_000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${options.method} ${options.path} timed out`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Signs in through POST /api/v1/auth/login and returns the `Cookie` header value of the session. */
export async function login(port: number, email: string, password: string): Promise<string> {
  const body = JSON.stringify({ email, password });
  const answer = await send(port, {
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
  if (answer.status !== 200) throw new Error(`login as ${email} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  const cookie = (answer.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] ?? '').find((c) => /rapport_session=./.test(c));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie;
}
