import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const parsed = Number.parseInt(out.stdout ?? '', 10);
    ticksPerSecond = Number.isFinite(parsed) && parsed > 0 ? parsed : 100;
  }
  return ticksPerSecond;
}

/**
 * CPU time (user + system, all threads) a process has used so far, in ms; undefined off Linux. Read from
 * outside, so the server under load does no extra work for it. Resolution is one clock tick (10 ms).
 */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; fields 14 and 15 are utime and stime.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
    return ((utime + stime) * 1000) / clockTicks();
  } catch {
    return undefined;
  }
}

/** CPU time of this process so far, in ms (the load generator's own cost). */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Pins every thread of a process to the given CPUs (`taskset -a -p -c`). Returns false where that is not
 * possible (no taskset, one CPU, not Linux); the caller then measures unpinned and says so.
 */
export function pinToCpus(pid: number, cpus: string): boolean {
  if (process.platform !== 'linux') return false;
  const out = spawnSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { encoding: 'utf8' });
  return out.status === 0;
}

/**
 * With two CPUs or more, servers under test run on CPU 0 and the load generator (this process) on the last
 * one, so the two never queue for the same core: on a small shared machine that queueing, not the server,
 * otherwise decides who wins a round. Returns how the run was placed, for the table's notes.
 */
export function separateServerAndClient(serverPids: readonly number[]): { pinned: boolean; restore: () => void; note: string } {
  const cpus = availableParallelism();
  if (cpus < 2) return { pinned: false, restore: () => {}, note: 'one CPU: server and load generator share it' };
  const last = String(cpus - 1);
  const pinned = serverPids.every((pid) => pinToCpus(pid, '0')) && pinToCpus(process.pid, last);
  const all = `0-${last}`;
  return {
    pinned,
    restore: () => void pinToCpus(process.pid, all),
    note: pinned ? `servers pinned to CPU 0, load generator to CPU ${last} (taskset)` : 'taskset unavailable: server and load generator not pinned',
  };
}
