// `npm run demo`: Rapport with a seeded demo office on a throwaway embedded database, in this process (so
// Ctrl-C / SIGTERM reach it). The database lives in a fresh temporary directory that is removed on exit;
// DATABASE_URL and SMTP_URL are ignored, so a demo never writes to a real database or sends real mail.
import './keep-next-tick-shape';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import type { Database } from './db/client';
import { openConfiguredDatabase } from './db/open';
import { seedDemoOffice, type DemoAccount } from './db/seed';
import { stopWithParent } from './lib/stop-with-parent';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Builds the web app once when it is missing, as `npm start` does; without it the demo still serves the API. */
function ensureWebApp(config: Config): boolean {
  const indexHtml = join(resolve(config.webDistDir), 'index.html');
  if (existsSync(indexHtml)) return true;
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (existsSync(vite)) {
    console.log('Building the web app (first run only)…');
    const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (result.status === 0 && existsSync(indexHtml)) return true;
  }
  console.warn('The web app could not be built (see above); the demo serves the API only.');
  return false;
}

function signInTable(url: string, withWebApp: boolean, dataDir: string, accounts: DemoAccount[]): string {
  const rows = [['role', 'name', 'email', 'password'], ...accounts.map((a) => [a.role, a.name, a.email, a.password])];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [
    '',
    `Rapport demo is ready at ${url}`,
    withWebApp
      ? `Sign in at ${url}/sign-in with any of these accounts (all share one password):`
      : `Sign in with POST ${url}/api/v1/auth/login {"email","password"} with any of these accounts:`,
    '',
    line(rows[0] ?? []),
    rule,
    ...rows.slice(1).map(line),
    '',
    'Mail is kept in the in-app outbox: sign in as the admin to read it.',
    `Demo database: ${dataDir} (deleted when the demo stops; stop with Ctrl-C).`,
    '',
  ].join('\n');
}

async function demo(): Promise<void> {
  const configured = loadConfig();
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-demo-'));
  let database: Database | undefined;
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  // Whatever ends the process, the throwaway database does not outlive it.
  process.once('exit', removeDataDir);

  try {
    const config: Config = { ...configured, dataDir, databaseUrl: undefined, smtpUrl: undefined, admin: undefined };
    if (configured.databaseUrl) console.log('DATABASE_URL is ignored: the demo runs on its own throwaway embedded database.');
    if (configured.smtpUrl) console.log('SMTP_URL is ignored: demo mail stays in the in-app outbox.');
    const withWebApp = ensureWebApp(config);

    database = await openConfiguredDatabase(config, { migrate: true });
    const app = await buildApp(config, { database });
    const accounts = await seedDemoOffice(app.services);

    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'demo shutting down: closing the app and deleting the demo database');
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      try {
        await app.close();
        await database?.close();
        removeDataDir();
        console.log(`Demo stopped; ${dataDir} was deleted.`);
        process.exit(0);
      } catch (error) {
        app.log.error({ err: error }, 'demo shutdown failed');
        process.exit(1);
      }
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    stopWithParent();

    app.services.mailer.start();
    // Documents attached to no appointment are deleted a day after their upload: now, then every hour (ADR 013).
    app.services.documents.start();
    await app.listen({ port: config.port, host: config.host });
    // PORT=0 lets the system pick a port: show the one it picked.
    const address = app.server.address();
    const url = new URL(config.publicUrl);
    if (config.port === 0 && address && typeof address === 'object') url.port = String(address.port);
    console.log(signInTable(url.href.replace(/\/$/, ''), withWebApp, dataDir, accounts));
  } catch (error) {
    await database?.close().catch(() => {});
    removeDataDir();
    throw error;
  }
}

demo().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
