/**
 * npm runs scripts through `sh -c`, and stopping npm does not reach the node process underneath. When started
 * by npm, watch for the parent going away and stop gracefully, as if SIGTERM had been sent to us.
 */
export function stopWithParent(): void {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }, 250);
  watch.unref();
}
