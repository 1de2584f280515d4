// What the HTTP stack costs on a real page of data: GET /api/v1/contacts?limit=50 through Rapport (session
// cookie, PGlite, 10,000 contacts) against the very same SQL run on the PGlite client behind node:http,
// loaded in alternating rounds in the same run; plus an in-process breakdown of the route's database work.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnNode, waitForMessage, waitForReady, type Child } from './lib/child';
import { loadSettings } from './lib/compare-servers';
import { runLoad, type LoadResult } from './lib/load';
import { benchPassword, login, seedRapportDataDir, send, startRapport } from './lib/rapport-http';
import { median } from './lib/stats';
import { fixed } from './lib/table';
import type { Benchmark } from './lib/types';

const TARGET_RATIO = 0.6;
const PATH = '/api/v1/contacts?limit=50';
const EMAIL = 'list-user@bench.example';

type Costs = { rawQueryUs: number; rawPageUs: number; drizzleListUs: number; drizzleListDtoUs: number; sessionLookupUs: number };
type Contender = { key: 'rapport' | 'raw'; label: string; child: Child; port: number; headers: Record<string, string> | undefined; runs: LoadResult[] };

function ids(body: string): string[] {
  const parsed = JSON.parse(body) as { items?: { id?: unknown }[] };
  return (parsed.items ?? []).map((item) => String(item.id));
}

export const contactList: Benchmark = {
  name: 'contact-list',
  description: 'GET /api/v1/contacts?limit=50 req/s through Rapport (PGlite, signed in) vs the same SQL on the driver behind node:http',
  async run(context) {
    const contacts = context.quick ? 2_000 : 10_000;
    const background = contacts * 2;
    const settings = loadSettings(context.quick, PATH);
    const password = benchPassword();
    const rapportDir = join(context.scratchDir, 'contact-list-rapport');
    const rawDir = join(context.scratchDir, 'contact-list-raw');

    context.progress(`contact list: seeding ${contacts.toLocaleString('en-US')} contacts for the signed-in user and ${background.toLocaleString('en-US')} for others`);
    await seedRapportDataDir(context, rapportDir, { users: [{ email: EMAIL, password, contacts }], background });
    // The baseline gets its own copy: one PGlite data directory serves one process.
    cpSync(rapportDir, rawDir, { recursive: true });

    const started: Contender[] = [];
    const children: Child[] = [];
    try {
      context.progress('contact list: starting Rapport and signing in');
      const rapport = await startRapport(context, rapportDir);
      children.push(rapport.child);
      started.push({ key: 'rapport', label: 'Rapport (route, Drizzle, session)', child: rapport.child, port: rapport.port, headers: undefined, runs: [] });
      const cookie = await login(rapport.port, EMAIL, password);
      const rapportContender = started[0] as Contender;
      rapportContender.headers = { cookie };

      context.progress('contact list: starting the baseline (it times the route\'s database work in-process first)');
      const raw = spawnNode({
        label: 'same SQL on PGlite + node:http',
        cwd: context.root,
        args: ['--import', 'tsx', 'bench/servers/raw-contacts.ts'],
        env: { ...process.env, BENCH_DATA_DIR: rawDir, BENCH_USER_EMAIL: EMAIL, BENCH_COST_SECONDS: context.quick ? '0.5' : '2' },
        stdout: 'ignore',
        ipc: true,
      });
      children.push(raw);
      const costsMessage = waitForMessage(raw, 'costs', 180_000);
      const rawPort = waitForReady(raw, 180_000);
      started.push({ key: 'raw', label: 'same SQL on the PGlite client + node:http', child: raw, port: await rawPort, headers: undefined, runs: [] });
      const { costs } = (await costsMessage) as unknown as { costs: Costs };

      // Both must answer the same page, or the comparison means nothing.
      const pages = await Promise.all(started.map((c) => send(c.port, { method: 'GET', path: PATH, headers: c.headers })));
      for (const [i, page] of pages.entries()) {
        if (page.status !== 200) throw new Error(`${started[i]?.label}: GET ${PATH} answered ${page.status}: ${page.body.slice(0, 200)}`);
      }
      const [rapportIds, rawIds] = pages.map((p) => ids(p.body));
      if (!rapportIds || rapportIds.length !== 50 || rapportIds.join() !== rawIds?.join()) {
        throw new Error(`the two servers list different contacts (${rapportIds?.length} vs ${rawIds?.length} items)`);
      }

      for (let round = 0; round < settings.rounds; round += 1) {
        const order = round % 2 === 0 ? started : [...started].reverse();
        for (const contender of order) {
          context.progress(`contact list: round ${round + 1}/${settings.rounds}: ${contender.label}`);
          const base = {
            url: `http://127.0.0.1:${contender.port}${PATH}`,
            connections: settings.connections,
            pipelining: settings.pipelining,
            serverPid: contender.child.pid,
            headers: contender.headers,
          };
          await runLoad({ ...base, seconds: settings.warmupSeconds });
          const result = await runLoad({ ...base, seconds: settings.seconds });
          if (result.non2xx > 0 || result.errors > 0) throw new Error(`${contender.label}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
          contender.runs.push(result);
          await sleep(250);
        }
      }

      const [a, b] = started as [Contender, Contender];
      const perRound = a.runs.map((run, i) => run.reqPerSec / (b.runs[i]?.reqPerSec ?? Number.NaN));
      const ratio = median(perRound);
      const med = (c: Contender, pick: (r: LoadResult) => number) => median(c.runs.map(pick));
      const baselineRps = med(b, (r) => r.reqPerSec);
      const cpuA = med(a, (r) => r.serverCpuUsPerRequest);
      const cpuB = med(b, (r) => r.serverCpuUsPerRequest);
      const us = (v: number) => fixed(v, 0);

      return {
        tables: [
          {
            title: `Contact list: GET ${PATH} (PGlite, ${contacts.toLocaleString('en-US')} contacts of the signed-in user, ${(contacts + background).toLocaleString('en-US')} in the table)`,
            columns: ['server', 'req/s', 'p50 ms', 'p99 ms', '× same SQL', 'CPU µs/req', 'cores srv/cli', 'bytes/resp'],
            rows: started.map((c) => [
              c.label,
              Math.round(med(c, (r) => r.reqPerSec)),
              fixed(med(c, (r) => r.p50Ms), 2),
              fixed(med(c, (r) => r.p99Ms), 2),
              fixed(med(c, (r) => r.reqPerSec) / baselineRps, 2),
              fixed(med(c, (r) => r.serverCpuUsPerRequest), 0),
              `${fixed(med(c, (r) => r.serverCores), 2)}/${fixed(med(c, (r) => r.clientCores), 2)}`,
              Math.round(med(c, (r) => r.bytesPerResponse)),
            ]),
            notes: [
              `${settings.connections} connections, pipelining ${settings.pipelining}; ${settings.rounds} round(s) of ${settings.seconds} s after ${settings.warmupSeconds} s warm-up each, order alternated per round; medians.`,
              `Rapport / same SQL per round: ${perRound.map((v) => fixed(v, 3)).join(', ')} (median ${fixed(ratio, 3)}); by CPU per request ${fixed(cpuB / cpuA, 2)}.`,
              'Baseline: the SQL text and parameters of listContacts(owner, {}, 50).toSQL() — what the route runs — on the PGlite client of its own copy of the',
              'data directory, the 51 rows (internal columns dropped, as the API drops them) JSON.stringify-ed by node:http; no Drizzle, Fastify, session or DTO.',
              'Both answer the same 50 contacts (checked). Rapport logs at info to /dev/null and needs the session cookie from POST /api/v1/auth/login.',
            ],
          },
          {
            title: 'Contact list: the route\'s database work, timed in-process on PGlite (µs per call, back to back)',
            columns: ['step', 'µs/call'],
            rows: [
              ['list SQL on the PGlite client (the baseline\'s query)', us(costs.rawQueryUs)],
              ['  + drop internal columns + JSON.stringify (the baseline\'s whole page)', us(costs.rawPageUs)],
              ['listContacts through Drizzle (what the service runs)', us(costs.drizzleListUs)],
              ['  + toContactDto + JSON.stringify', us(costs.drizzleListDtoUs)],
              ['session lookup (findLiveSession: every signed-in request)', us(costs.sessionLookupUs)],
              ['Rapport database + mapping per request (the two lines above)', us(costs.drizzleListDtoUs + costs.sessionLookupUs)],
              ['Rapport server CPU per request under load (all of it)', us(cpuA)],
              ['baseline server CPU per request under load', us(cpuB)],
            ],
            notes: [
              'Measured in the baseline process before it listens (nothing else loaded then); Zod response serialisation in Rapport replaces JSON.stringify, so the DTO line is an estimate.',
            ],
          },
        ],
        verdicts: [{ name: 'Rapport / same SQL on the driver req/s (GET /api/v1/contacts?limit=50)', value: ratio, target: `≥ ${TARGET_RATIO}`, pass: ratio >= TARGET_RATIO }],
        data: { contacts, background, settings, perRound, costs, runs: started.map((c) => ({ key: c.key, label: c.label, runs: c.runs })) },
      };
    } finally {
      for (const child of children) await child.stop();
    }
  },
};
