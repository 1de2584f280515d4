import { readFileSync } from 'node:fs';

/** A process's memory as the kernel sees it (MiB); peak is the high-water mark since the process started. */
export type MemoryReport = {
  rssMiB: number;
  peakRssMiB: number;
  /** PGlite only: the WebAssembly heap PostgreSQL runs in (it can grow to 2 GiB, wasm32 with 32,768 pages). */
  wasmHeapMiB?: number;
  jsHeapMiB: number;
  /** ArrayBuffers and other memory V8 knows of outside its heap (the wasm heap is counted here too). */
  externalMiB: number;
};

const MiB = 2 ** 20;

function statusField(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** RSS and peak RSS from /proc (whole process, all threads); undefined fields off Linux come out NaN. */
export function processMemory(pid: number | 'self'): { rssMiB: number; peakRssMiB: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { rssMiB: statusField(status, 'VmRSS'), peakRssMiB: statusField(status, 'VmHWM') };
  } catch {
    return { rssMiB: Number.NaN, peakRssMiB: Number.NaN };
  }
}

/** This process's memory; pass the wasm heap size when there is one (PGlite). */
export function ownMemory(wasmHeapBytes?: number): MemoryReport {
  const usage = process.memoryUsage();
  const proc = processMemory('self');
  return {
    rssMiB: Number.isFinite(proc.rssMiB) ? proc.rssMiB : usage.rss / MiB,
    peakRssMiB: proc.peakRssMiB,
    ...(wasmHeapBytes === undefined ? {} : { wasmHeapMiB: wasmHeapBytes / MiB }),
    jsHeapMiB: usage.heapUsed / MiB,
    externalMiB: usage.external / MiB,
  };
}
