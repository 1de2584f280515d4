import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepNextTickShape, nextTickShapeKept } from './next-tick-shape';

const PROBE = 'tests/fixtures/runtime/next-tick-shape-probe.ts';

/** The states V8 reports for the nextTick entry's computed-key stores, e.g. ['MONOMORPHIC', 'MEGAMORPHIC', …]. */
function literalStoreStates(mode: 'keep' | 'leave'): string[] {
  // V8 prints straight to file descriptor 1; a file, not a pipe, so nothing is lost when the probe exits.
  const dir = mkdtempSync(join(tmpdir(), 'rapport-tick-'));
  const out = join(dir, 'stdout.txt');
  const fd = openSync(out, 'w');
  try {
    const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--expose-gc', '--import', 'tsx', PROBE, mode], {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0);
  } finally {
    closeSync(fd);
  }
  try {
    return [...readFileSync(out, 'utf8').matchAll(/DefineKeyedOwnPropertyInLiteral (\w+)/g)].map((m) => m[1] ?? '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('keepNextTickShape (ADR 020)', () => {
  it('holds one nextTick queue entry, once', () => {
    keepNextTickShape();
    keepNextTickShape();
    expect(nextTickShapeKept()).toBe(true);
  });

  it('keeps process.nextTick on V8’s fast path through full collections; without it the stores go megamorphic', () => {
    const kept = literalStoreStates('keep');
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.every((state) => state === 'MONOMORPHIC'), kept.join(' ')).toBe(true);
    // The control: if this Node no longer loses the shapes, the keeper can go (say so in ADR 020).
    const left = literalStoreStates('leave');
    expect(left, 'this Node keeps nextTick fast by itself').toContain('MEGAMORPHIC');
  });
});
