import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** How a child process ended and how long it took after the signal. */
export type ExitReport = {
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when it ignored SIGTERM and had to be killed. */
  forced: boolean;
};

export type Child = {
  label: string;
  pid: number;
  process: ChildProcess;
  /** The last few kilobytes the child wrote to stderr (for error messages). */
  stderrTail(): string;
  /** SIGTERM by PID, then waits for the exit; SIGKILL after graceMs. */
  stop(graceMs?: number): Promise<ExitReport>;
};

export type SpawnOptions = {
  label: string;
  cwd: string;
  /** Arguments after the node executable, e.g. ['--import', 'tsx', 'bench/servers/bare-http.ts']. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** 'ignore' sends stdout to /dev/null: the child still formats every log line, nothing reads it. */
  stdout: 'ignore' | 'inherit' | 'pipe';
  /** With stdout 'pipe': called for every line the child writes. */
  onStdoutLine?: (line: string) => void;
  /** Opens an IPC channel so the child can say which port it took. */
  ipc?: boolean;
};

// Every child this run started, so an interrupted run still stops them (by PID, nothing else).
const live = new Set<ChildProcess>();

process.on('exit', () => {
  for (const child of live) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

/** Waits for the child's exit; resolves at once if it has already exited. */
export function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Starts `node <args>` so that the PID we hold is the process doing the work. */
export function spawnNode(options: SpawnOptions): Child {
  const stdio: ('ignore' | 'inherit' | 'pipe' | 'ipc')[] = ['ignore', options.stdout, 'pipe'];
  if (options.ipc) stdio.push('ipc');
  const child = spawn(process.execPath, options.args, { cwd: options.cwd, env: options.env, stdio });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.label}: could not be started`);
  live.add(child);
  child.once('exit', () => live.delete(child));

  if (child.stdout) {
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onStdoutLine?.(line);
    });
  }

  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-4096);
  });

  return {
    label: options.label,
    pid,
    process: child,
    stderrTail: () => tail,
    async stop(graceMs = 20_000) {
      const started = performance.now();
      const exited = waitForExit(child);
      if (child.exitCode !== null || child.signalCode !== null) {
        return { ms: 0, ...(await exited), forced: false };
      }
      process.kill(pid, 'SIGTERM');
      let forced = false;
      const timer = setTimeout(() => {
        forced = true;
        process.kill(pid, 'SIGKILL');
      }, graceMs);
      const result = await exited;
      clearTimeout(timer);
      return { ms: performance.now() - started, ...result, forced };
    },
  };
}

function isMessage(message: unknown, type: string): message is { type: string } {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

/** Resolves with the first IPC message of `type`; rejects if the child exits first or takes too long. */
export function waitForMessage(child: Child, type: string, timeoutMs: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      cleanup();
      reject(new Error(`${child.label} (pid ${child.pid}) ${reason}\n${child.stderrTail()}`));
    };
    const onMessage = (message: unknown) => {
      if (!isMessage(message, type)) return;
      cleanup();
      resolve(message as Record<string, unknown>);
    };
    const onExit = (code: number | null) => fail(`exited with code ${code} before sending "${type}"`);
    const timer = setTimeout(() => fail(`sent no "${type}" within ${timeoutMs} ms`), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.process.off('message', onMessage);
      child.process.off('exit', onExit);
    };
    child.process.on('message', onMessage);
    child.process.once('exit', onExit);
  });
}

/** Resolves with the port the child announced (`{type:'ready', port}`). */
export async function waitForReady(child: Child, timeoutMs: number): Promise<number> {
  const { port } = await waitForMessage(child, 'ready', timeoutMs);
  if (typeof port !== 'number') throw new Error(`${child.label} announced no port`);
  return port;
}
