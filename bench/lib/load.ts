import autocannon from 'autocannon';
import { ownCpuMs, processCpuMs } from './cpu';
import { percentileOfSorted } from './stats';

export type LoadOptions = {
  url: string;
  connections: number;
  pipelining: number;
  seconds: number;
  /** PID of the server process, to measure the CPU it spends per request. */
  serverPid?: number;
  /** Sent with every request (e.g. a session cookie). */
  headers?: Record<string, string>;
};

export type LoadResult = {
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Response bytes (headers + body) per request: a fatter response costs the server more to write. */
  bytesPerResponse: number;
  /** Server CPU (all threads) per answered request, in µs: steadier than req/s on a shared machine. */
  serverCpuUsPerRequest: number;
  /** Cores the server and the load generator kept busy (1 = one core all the time). */
  serverCores: number;
  clientCores: number;
  non2xx: number;
  errors: number;
};

/** Collects response times with sub-millisecond resolution (autocannon's own histogram keeps whole ms). */
class Samples {
  private values = new Float64Array(1 << 16);
  private count = 0;

  add(value: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count] = value;
    this.count += 1;
  }

  sorted(): Float64Array {
    return this.values.subarray(0, this.count).sort();
  }
}

/** One bounded autocannon run against a loopback URL; stops by itself after `seconds`. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const host = new URL(options.url).hostname;
  if (host !== '127.0.0.1') throw new Error(`load only targets 127.0.0.1, not ${host}`);
  const samples = new Samples();
  const serverCpuBefore = options.serverPid === undefined ? undefined : processCpuMs(options.serverPid);
  const clientCpuBefore = ownCpuMs();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        pipelining: options.pipelining,
        duration: options.seconds,
        timeout: 10,
        ...(options.headers ? { headers: options.headers } : {}),
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => samples.add(responseTime));
  });
  const serverCpuAfter = options.serverPid === undefined ? undefined : processCpuMs(options.serverPid);
  const serverCpuMs = serverCpuBefore === undefined || serverCpuAfter === undefined ? Number.NaN : serverCpuAfter - serverCpuBefore;
  const clientCpuMs = ownCpuMs() - clientCpuBefore;
  const sorted = samples.sorted();
  const requests = result.requests.total;
  return {
    requests,
    seconds: result.duration,
    reqPerSec: requests / result.duration,
    p50Ms: percentileOfSorted(sorted, 50),
    p99Ms: percentileOfSorted(sorted, 99),
    bytesPerResponse: requests > 0 ? result.throughput.total / requests : 0,
    serverCpuUsPerRequest: (serverCpuMs * 1000) / requests,
    serverCores: serverCpuMs / 1000 / result.duration,
    clientCores: clientCpuMs / 1000 / result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
