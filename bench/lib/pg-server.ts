// A database of its own on the local PostgreSQL server for one benchmark run, dropped at the end (also when
// the run is interrupted). The server is BENCH_PG_URL, by default postgres://postgres@127.0.0.1:5432/test.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type BenchDatabase = { name: string; url: string; drop(): Promise<void> };

const pending = new Map<string, string>();

// An interrupted run still drops what it created: a synchronous child does it while this process exits.
process.on('exit', () => {
  for (const [name, adminUrl] of pending) {
    const script = `const pg=require('pg');const c=new pg.Client(process.env.U);c.connect().then(()=>c.query('drop database if exists "'+process.env.N+'" with (force)')).finally(()=>c.end())`;
    spawnSync(process.execPath, ['-e', script], { env: { ...process.env, U: adminUrl, N: name }, stdio: 'ignore', timeout: 15_000 });
  }
});

function adminUrl(): string {
  const url = process.env.BENCH_PG_URL ?? DEFAULT_PG_URL;
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`the benchmark only uses a local PostgreSQL server, not ${host}`);
  return url;
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<pid>` on the local server; rejects when the server cannot be reached. */
export async function createBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const admin = adminUrl();
  const name = `${prefix}_${process.pid}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  await withAdmin(admin, async (client) => {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  });
  pending.set(name, admin);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await withAdmin(admin, (client) => client.query(`drop database if exists "${name}" with (force)`));
      pending.delete(name);
    },
  };
}

/** The server's version line, for the table notes. */
export async function serverVersion(url: string): Promise<string> {
  return withAdmin(url, async (client) => String((await client.query('show server_version')).rows[0]?.server_version ?? '?'));
}
