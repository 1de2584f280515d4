import { spawnNode, waitForExit, waitForMessage } from './child';
import type { BenchContext } from './types';

export type Phase = { phase: string; ms: number };

function isPhaseList(value: unknown): value is Phase[] {
  return Array.isArray(value) && value.every((p: unknown) => typeof (p as Phase).phase === 'string' && typeof (p as Phase).ms === 'number');
}

/** One in-process breakdown of a start (bench/servers/start-phases.ts) on the migrated data directory. */
export async function startPhases(context: BenchContext, dataDir: string, webDir: string): Promise<Phase[]> {
  const child = spawnNode({
    label: 'start phases',
    cwd: context.root,
    args: ['--import', 'tsx', 'bench/servers/start-phases.ts'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, BENCH_DATA_DIR: dataDir, BENCH_WEB_DIST_DIR: webDir },
    stdout: 'ignore',
    ipc: true,
  });
  const report = await waitForMessage(child, 'phases', 60_000).catch(async (error: unknown) => {
    await child.stop();
    throw error;
  });
  // The child exits by itself once the report is sent.
  await waitForExit(child.process);
  if (!isPhaseList(report.phases)) throw new Error('start phases: malformed report');
  return report.phases;
}
