// Shared by the benchmark servers: tell the parent the port over IPC, and close cleanly on SIGTERM.
import type { AddressInfo, Server } from 'node:net';

/** Sends `{type:'ready', port}` to the parent that started this process with an IPC channel. */
export function announceReady(server: Server): void {
  const port = (server.address() as AddressInfo).port;
  if (!process.send) throw new Error('started without an IPC channel; run it from bench/run.ts');
  process.send({ type: 'ready', port });
}

/** On SIGTERM runs close() once, then exits; the parent measures nothing here, it only needs a clean stop. */
export function exitOnSigterm(close: () => Promise<void>): void {
  process.once('SIGTERM', () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  // The IPC channel keeps the process alive until the parent goes; if the parent dies, stop too.
  process.once('disconnect', () => process.exit(0));
}
