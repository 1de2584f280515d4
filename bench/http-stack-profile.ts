// Diagnostic (only with --only=http-stack-profile): which piece of the plugin stack costs what per request.
// A ladder of servers, each adding one piece in buildApp's order, measured in the same rotated rounds.
import { join } from 'node:path';
import { compareServers, loadSettings, type Contender } from './lib/compare-servers';
import { fixed } from './lib/table';
import type { Benchmark } from './lib/types';
import { ensureWebDist } from './lib/web-dist';

const LADDER: { key: string; label: string; stack: string }[] = [
  { key: 'fastify', label: 'Fastify, bare', stack: '' },
  { key: 'zod', label: '+ Zod response schema', stack: 'zod' },
  { key: 'logger', label: '+ pino at info (redact)', stack: 'zod,logger' },
  { key: 'swagger', label: '+ @fastify/swagger', stack: 'zod,logger,swagger' },
  { key: 'headers', label: '+ security headers (onRequest)', stack: 'zod,logger,swagger,headers' },
  { key: 'guards', label: '+ request guards (onRequest)', stack: 'zod,logger,swagger,headers,guards' },
  { key: 'session', label: '+ session guard (onRequest)', stack: 'zod,logger,swagger,headers,guards,session' },
  { key: 'errors', label: '+ error handler', stack: 'zod,logger,swagger,headers,guards,session,errors' },
];

export const httpStackProfile: Benchmark = {
  name: 'http-stack-profile',
  description: 'GET /livez on a ladder of Fastify servers adding one piece of the stack at a time',
  onlyWhenNamed: true,
  async run(context) {
    const web = ensureWebDist(context);
    const rapportEnv = (level: string) => ({
      BENCH_DATA_DIR: join(context.scratchDir, `profile-data-${level}`),
      BENCH_LOG_LEVEL: level,
      BENCH_WEB_DIST_DIR: web.dir,
    });
    const contenders: Contender[] = [
      { key: 'node-http', label: 'node:http (baseline)', file: 'bench/servers/bare-http.ts' },
      ...LADDER.map((step) => ({ key: step.key, label: step.label, file: 'bench/servers/stack-variant.ts', env: { BENCH_STACK: step.stack } })),
      { key: 'rapport', label: 'Rapport buildApp, LOG_LEVEL=info', file: 'bench/servers/rapport.ts', env: rapportEnv('info') },
      { key: 'rapport-warn', label: 'Rapport buildApp, LOG_LEVEL=warn', file: 'bench/servers/rapport.ts', env: rapportEnv('warn') },
      { key: 'headers-only', label: 'Fastify + security headers only', file: 'bench/servers/stack-variant.ts', env: { BENCH_STACK: 'headers' } },
    ];
    // Three rounds, not five: thirteen servers already make this an eight-minute run.
    const settings = { ...loadSettings(context.quick, '/livez'), rounds: context.quick ? 1 : 3 };
    const comparison = await compareServers(context, contenders, settings);
    const byKey = new Map(comparison.results.map((r) => [r.contender.key, r]));
    const baseline = byKey.get('node-http')?.reqPerSec ?? Number.NaN;
    const fastifyCpu = byKey.get('fastify')?.serverCpuUsPerRequest ?? Number.NaN;

    let previous: number | undefined;
    const rows = comparison.results.map((r) => {
      const inLadder = LADDER.some((step) => step.key === r.contender.key);
      const cpu = r.serverCpuUsPerRequest;
      const against = inLadder ? previous : r.contender.key === 'node-http' ? undefined : fastifyCpu;
      if (inLadder) previous = cpu;
      return [
        r.contender.label,
        Math.round(r.reqPerSec),
        fixed(r.reqPerSec / baseline, 2),
        fixed(r.p99Ms, 2),
        fixed(cpu, 1),
        against === undefined ? '' : fixed(cpu - against, 1),
        `${fixed(r.serverCores, 2)}/${fixed(r.clientCores, 2)}`,
      ];
    });

    return {
      tables: [
        {
          title: 'HTTP stack profile: GET /livez, one piece at a time',
          columns: ['server', 'req/s', '× node:http', 'p99 ms', 'CPU µs/req', 'Δ CPU µs', 'cores srv/cli'],
          rows,
          notes: [
            'CPU µs/req: server process CPU (user+sys, all threads, from /proc, 10 ms ticks) per answered request; additive, and far',
            'steadier than req/s when neighbours load the machine. Δ: against the ladder row above; rows after the ladder against bare Fastify.',
            `${settings.connections} connections, pipelining ${settings.pipelining}; ${settings.rounds} round(s) of ${settings.seconds} s after ${settings.warmupSeconds} s warm-up; medians; ${comparison.placement}.`,
          ],
        },
      ],
      verdicts: [],
      data: { settings, order: comparison.order, results: comparison.results.map(({ contender, ...rest }) => ({ key: contender.key, label: contender.label, ...rest })) },
    };
  },
};
