import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnNode, waitForReady, type Child, type ExitReport } from './child';
import { separateServerAndClient } from './cpu';
import { runLoad, type LoadResult } from './load';
import { median } from './stats';
import type { BenchContext } from './types';

/** One server process taking part in a same-run comparison. */
export type Contender = {
  key: string;
  label: string;
  /** Entry file, relative to the repository root, started as `node --import tsx <file>`. */
  file: string;
  env?: Record<string, string>;
};

export type LoadSettings = {
  path: string;
  connections: number;
  pipelining: number;
  warmupSeconds: number;
  seconds: number;
  rounds: number;
};

export type ContenderResult = {
  contender: Contender;
  runs: LoadResult[];
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  bytesPerResponse: number;
  serverCpuUsPerRequest: number;
  serverCores: number;
  clientCores: number;
  shutdown: ExitReport | undefined;
};

export type Comparison = {
  settings: LoadSettings;
  results: ContenderResult[];
  /** Run order, so drift over time can be read from results.json. */
  order: string[];
  /** Where servers and the load generator ran (CPU pinning). */
  placement: string;
};

function get(port: number, path: string): Promise<{ status: number; body: string; contentType: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, contentType: String(res.headers['content-type']) }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const n = by % items.length;
  return [...items.slice(n), ...items.slice(0, n)];
}

/**
 * Starts every contender as its own process, checks they answer `path` identically, then loads them in
 * rounds (order rotated each round, warm-up before every measurement) so slow drift of a shared machine
 * spreads over all of them instead of favouring whichever ran first.
 */
export async function compareServers(context: BenchContext, contenders: readonly Contender[], settings: LoadSettings): Promise<Comparison> {
  const started: { contender: Contender; child: Child; port: number }[] = [];
  const runs = new Map<string, LoadResult[]>(contenders.map((c) => [c.key, []]));
  const shutdowns = new Map<string, ExitReport>();
  const order: string[] = [];
  let placement = 'not started';
  let restorePlacement = () => {};
  try {
    for (const contender of contenders) {
      context.progress(`starting ${contender.label}`);
      const child = spawnNode({
        label: contender.label,
        cwd: context.root,
        args: ['--import', 'tsx', contender.file],
        env: { ...process.env, ...contender.env },
        stdout: 'ignore',
        ipc: true,
      });
      started.push({ contender, child, port: await waitForReady(child, 90_000) });
    }

    let reference: { body: string; contentType: string } | undefined;
    for (const { contender, port } of started) {
      const answer = await get(port, settings.path);
      if (answer.status !== 200) throw new Error(`${contender.label}: GET ${settings.path} answered ${answer.status}`);
      reference ??= answer;
      if (answer.body !== reference.body || answer.contentType !== reference.contentType) {
        throw new Error(`${contender.label} answers ${answer.contentType} ${answer.body}, unlike ${reference.contentType} ${reference.body}`);
      }
    }

    const placed = separateServerAndClient(started.map((s) => s.child.pid));
    placement = placed.note;
    restorePlacement = placed.restore;

    for (let round = 0; round < settings.rounds; round += 1) {
      for (const { contender, child, port } of rotate(started, round)) {
        const url = `http://127.0.0.1:${port}${settings.path}`;
        const base = { url, connections: settings.connections, pipelining: settings.pipelining, serverPid: child.pid };
        context.progress(`round ${round + 1}/${settings.rounds}: ${contender.label}`);
        await runLoad({ ...base, seconds: settings.warmupSeconds });
        const result = await runLoad({ ...base, seconds: settings.seconds });
        if (result.non2xx > 0 || result.errors > 0) {
          throw new Error(`${contender.label}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
        }
        runs.get(contender.key)?.push(result);
        order.push(contender.key);
        // Let closed sockets settle so the next server does not pay for this one's teardown.
        await sleep(250);
      }
    }
  } finally {
    restorePlacement();
    for (const { contender, child } of started) shutdowns.set(contender.key, await child.stop());
  }

  const results = contenders.map((contender) => {
    const list = runs.get(contender.key) ?? [];
    return {
      contender,
      runs: list,
      reqPerSec: median(list.map((r) => r.reqPerSec)),
      p50Ms: median(list.map((r) => r.p50Ms)),
      p99Ms: median(list.map((r) => r.p99Ms)),
      bytesPerResponse: median(list.map((r) => r.bytesPerResponse)),
      serverCpuUsPerRequest: median(list.map((r) => r.serverCpuUsPerRequest)),
      serverCores: median(list.map((r) => r.serverCores)),
      clientCores: median(list.map((r) => r.clientCores)),
      shutdown: shutdowns.get(contender.key),
    };
  });
  return { settings, results, order, placement };
}

/** Median over rounds of (a's req/s ÷ b's req/s) in the same round: pairs measured close in time. */
export function medianRatio(comparison: Comparison, aKey: string, bKey: string): { median: number; perRound: number[] } {
  const a = comparison.results.find((r) => r.contender.key === aKey)?.runs ?? [];
  const b = comparison.results.find((r) => r.contender.key === bKey)?.runs ?? [];
  const perRound = a.map((run, i) => run.reqPerSec / (b[i]?.reqPerSec ?? Number.NaN));
  return { median: median(perRound), perRound };
}

/** Standard settings: 10 connections, pipelining 1; --quick shortens every phase for a smoke run. */
export function loadSettings(quick: boolean, path: string): LoadSettings {
  return quick
    ? { path, connections: 10, pipelining: 1, warmupSeconds: 0.5, seconds: 2, rounds: 1 }
    : { path, connections: 10, pipelining: 1, warmupSeconds: 2, seconds: 10, rounds: 5 };
}
