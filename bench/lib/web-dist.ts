import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './types';

export type WebDist = {
  dir: string;
  /** built: the repo's dist/web; fresh-build: built for this run; placeholder: no web app exists yet. */
  kind: 'built' | 'fresh-build' | 'placeholder';
};

let cached: WebDist | undefined;

/**
 * A web build directory, so that `scripts/start.mjs` never builds inside a measurement. Uses dist/web when
 * it is there; otherwise builds into the scratch directory, or writes a one-file placeholder when the
 * repository has no web app to build yet (the server then serves that one file).
 */
export function ensureWebDist(context: BenchContext): WebDist {
  if (cached) return cached;
  const repoDist = join(context.root, 'dist', 'web');
  if (existsSync(join(repoDist, 'index.html'))) {
    cached = { dir: repoDist, kind: 'built' };
    return cached;
  }
  const dir = join(context.scratchDir, 'web');
  const hasWebApp = ['index.html', 'vite.config.ts', 'vite.config.mts', 'vite.config.js'].some((f) => existsSync(join(context.root, f)));
  if (hasWebApp) {
    context.progress('building the web app into the scratch directory (outside any measurement)');
    const vite = join(context.root, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'], {
      cwd: context.root,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (result.status === 0 && existsSync(join(dir, 'index.html'))) {
      cached = { dir, kind: 'fresh-build' };
      return cached;
    }
    const reason = (result.stderr ?? '').split('\n').find((line) => /error/i.test(line) && !/^\s*at /.test(line)) ?? `exit ${result.status}`;
    context.progress(`the web build failed (${reason.trim()}); using a placeholder index.html`);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><title>Rapport</title><div id="root"></div></html>\n');
  cached = { dir, kind: 'placeholder' };
  return cached;
}
