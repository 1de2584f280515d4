// What the full plugin stack costs per request: GET /livez on Rapport vs the same answer from node:http.
import { join } from 'node:path';
import { compareServers, loadSettings, medianRatio, type Contender } from './lib/compare-servers';
import { fixed } from './lib/table';
import type { Benchmark } from './lib/types';
import { ensureWebDist } from './lib/web-dist';

const TARGET_RATIO = 0.75;

export const httpOverhead: Benchmark = {
  name: 'http-overhead',
  description: 'GET /livez req/s and latency: Rapport (full plugin stack) vs bare Fastify vs node:http',
  async run(context) {
    const web = ensureWebDist(context);
    const contenders: Contender[] = [
      { key: 'node-http', label: 'node:http (baseline)', file: 'bench/servers/bare-http.ts' },
      { key: 'fastify', label: 'Fastify, bare', file: 'bench/servers/bare-fastify.ts' },
      {
        key: 'rapport',
        label: 'Rapport, full stack',
        file: 'bench/servers/rapport.ts',
        env: {
          BENCH_DATA_DIR: join(context.scratchDir, 'http-overhead-data'),
          BENCH_LOG_LEVEL: 'info',
          BENCH_WEB_DIST_DIR: web.dir,
        },
      },
    ];
    const settings = loadSettings(context.quick, '/livez');
    const comparison = await compareServers(context, contenders, settings);
    const ratio = medianRatio(comparison, 'rapport', 'node-http');
    const byKey = new Map(comparison.results.map((r) => [r.contender.key, r]));
    const baseline = byKey.get('node-http')?.reqPerSec ?? Number.NaN;
    const cpuRatio = (byKey.get('node-http')?.serverCpuUsPerRequest ?? Number.NaN) / (byKey.get('rapport')?.serverCpuUsPerRequest ?? Number.NaN);

    return {
      tables: [
        {
          title: 'HTTP overhead: GET /livez',
          columns: ['server', 'req/s', 'p50 ms', 'p99 ms', '× node:http', 'CPU µs/req', 'cores srv/cli', 'bytes/resp'],
          rows: comparison.results.map((r) => [
            r.contender.label,
            Math.round(r.reqPerSec),
            fixed(r.p50Ms, 2),
            fixed(r.p99Ms, 2),
            fixed(r.reqPerSec / baseline, 2),
            fixed(r.serverCpuUsPerRequest, 1),
            `${fixed(r.serverCores, 2)}/${fixed(r.clientCores, 2)}`,
            Math.round(r.bytesPerResponse),
          ]),
          notes: [
            `${settings.connections} connections, pipelining ${settings.pipelining}; ${settings.rounds} round(s) of ${settings.seconds} s after ${settings.warmupSeconds} s warm-up each; order rotated per round; medians shown; ${comparison.placement}.`,
            'Rapport logs at the production default (info: one line per completed request; probes such as /livez only when they fail — ADR 009), written to /dev/null so the log sink is not measured.',
            `Rapport/node:http per round: ${ratio.perRound.map((v) => fixed(v, 3)).join(', ')} (median ${fixed(ratio.median, 3)}).`,
            'CPU µs/req: server process CPU (user+sys, all threads, from /proc) per answered request; cores: CPU time ÷ wall time of the server and of the load generator.',
            `By CPU per request Rapport runs at ${fixed(cpuRatio, 2)} of node:http (steadier than req/s when neighbours load the machine; not the target).`,
            'Where the time goes: npm run bench -- --only=http-stack-profile',
          ],
        },
        {
          title: 'HTTP overhead: every run, in the order measured',
          columns: ['#', 'server', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req'],
          rows: comparison.order.map((key, i) => {
            const result = comparison.results.find((r) => r.contender.key === key);
            const round = Math.floor(i / contenders.length);
            const run = result?.runs[round];
            return [i + 1, result?.contender.label ?? key, Math.round(run?.reqPerSec ?? 0), fixed(run?.p50Ms ?? Number.NaN, 2), fixed(run?.p99Ms ?? Number.NaN, 2), fixed(run?.serverCpuUsPerRequest ?? Number.NaN, 1)];
          }),
        },
      ],
      verdicts: [{ name: 'Rapport / node:http req/s (GET /livez)', value: ratio.median, target: `≥ ${TARGET_RATIO}`, pass: ratio.median >= TARGET_RATIO }],
      data: { webDist: web.kind, settings, order: comparison.order, results: comparison.results.map(({ contender, ...rest }) => ({ key: contender.key, label: contender.label, ...rest })) },
    };
  },
};
