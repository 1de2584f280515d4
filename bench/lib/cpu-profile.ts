// Reads a V8 .cpuprofile (inspector Profiler.stop) and says where the time went: self time by part of the
// stack (PGlite's WebAssembly and its JavaScript glue, Drizzle, Fastify, Zod, pino, node-postgres, Node's own
// http/net, the app, GC, idle), the heaviest functions by self time, and the inclusive time of chosen functions.
import { readFileSync } from 'node:fs';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type ProfileSummary = {
  totalMs: number;
  byPart: { part: string; ms: number; share: number }[];
  topFunctions: { name: string; part: string; ms: number; share: number }[];
  inclusive: { name: string; ms: number; share: number }[];
};

export function partOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8/native (program)';
    return 'native';
  }
  if (url.startsWith('wasm://')) return 'PGlite: PostgreSQL (wasm)';
  if (url.includes('@electric-sql/pglite')) return 'PGlite: JS glue';
  if (url.includes('drizzle-orm')) return 'Drizzle';
  if (/node_modules\/(fastify|find-my-way|avvio|@fastify|light-my-request|fast-json-stringify|fast-querystring|secure-json-parse|fastify-type-provider-zod)/.test(url)) return 'Fastify';
  if (url.includes('node_modules/zod')) return 'Zod';
  if (/node_modules\/(pino|sonic-boom|thread-stream|fast-redact|@pinojs)/.test(url)) return 'pino (logging)';
  if (/node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//.test(url)) return 'node-postgres';
  if (url.includes('node_modules/luxon')) return 'Luxon';
  if (url.startsWith('node:')) return 'Node core (http, net, streams)';
  if (url.includes('/src/server/')) return 'app (src/server)';
  if (url.includes('/src/shared/')) return 'app (src/shared)';
  if (url.includes('node_modules/tsx')) return 'tsx loader';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return match ? `other: ${match[1]}` : 'other';
}

function shortUrl(url: string): string {
  const i = url.lastIndexOf('node_modules/');
  if (i >= 0) return url.slice(i + 'node_modules/'.length);
  const src = url.indexOf('/src/');
  return src >= 0 ? url.slice(src + 1) : url.replace(/^file:\/\//, '');
}

/** Summarises a profile; `inclusiveOf` names functions whose time including callees is wanted (e.g. bookOnce). */
export function summariseProfile(file: string, inclusiveOf: readonly string[] = [], top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const parts = new Map<string, number>();
  const functions = new Map<string, { part: string; us: number }>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const part = partOf(node.callFrame);
    parts.set(part, (parts.get(part) ?? 0) + us);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url ? `${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}` : ''}`.trim();
    const entry = functions.get(name) ?? { part, us: 0 };
    entry.us += us;
    functions.set(name, entry);
  }

  // Inclusive time: a sample counts once for a wanted function when any frame on its stack is that function.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>(inclusiveOf.map((name) => [name, 0]));
  const wanted = new Set(inclusiveOf);
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.callFrame.functionName ?? '';
      if (wanted.has(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + us);
      }
    }
  }

  const share = (us: number) => (totalUs > 0 ? us / totalUs : 0);
  return {
    totalMs: totalUs / 1000,
    byPart: [...parts].map(([part, us]) => ({ part, ms: us / 1000, share: share(us) })).sort((a, b) => b.ms - a.ms),
    topFunctions: [...functions]
      .map(([name, f]) => ({ name, part: f.part, ms: f.us / 1000, share: share(f.us) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    inclusive: [...inclusive].map(([name, us]) => ({ name, ms: us / 1000, share: share(us) })),
  };
}
