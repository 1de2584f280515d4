import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { coalescedLookup } from './coalesced-lookup';

/** A lookup whose calls the test finishes by hand, recording what each call was asked. */
function controlledRun() {
  const calls: { keys: string[]; finish: (found?: Map<string, string>) => void; fail: (error: unknown) => void }[] = [];
  const run = (keys: string[]) =>
    new Promise<Map<string, string>>((resolve, reject) => {
      calls.push({ keys, finish: (found) => resolve(found ?? new Map(keys.map((k) => [k, `value of ${k}`]))), fail: reject });
    });
  return { calls, run };
}

describe('coalescedLookup', () => {
  it('asks once for everything asked in the same turn, each key once, and answers each caller', async () => {
    const { calls, run } = controlledRun();
    const look = coalescedLookup(run, (key: string) => key);
    const answers = Promise.all([look('a'), look('b'), look('a'), look('c')]);
    await nextTurn();
    expect(calls.map((c) => c.keys)).toEqual([['a', 'b', 'c']]);
    calls[0]?.finish(new Map([['a', 'A'], ['c', 'C']]));
    expect(await answers).toEqual(['A', undefined, 'A', 'C']);
  });

  it('never joins a call that has started: what is asked meanwhile goes into the next call', async () => {
    const { calls, run } = controlledRun();
    const look = coalescedLookup(run, (key: string) => key);
    const first = look('a');
    await nextTurn();
    const second = [look('a'), look('b')];
    await nextTurn();
    expect(calls.map((c) => c.keys)).toEqual([['a']]);
    calls[0]?.finish();
    expect(await first).toBe('value of a');
    await nextTurn();
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['a', 'b']]);
    calls[1]?.finish();
    expect(await Promise.all(second)).toEqual(['value of a', 'value of b']);
  });

  it('a failed call fails its callers only; the next call runs', async () => {
    const { calls, run } = controlledRun();
    const look = coalescedLookup(run, (key: string) => key);
    const failing = look('a');
    await nextTurn();
    const later = look('b');
    calls[0]?.fail(new Error('database gone'));
    await expect(failing).rejects.toThrow('database gone');
    await nextTurn();
    calls[1]?.finish();
    expect(await later).toBe('value of b');
  });

  it('splits a crowd into calls of at most maxPerCall questions', async () => {
    const { calls, run } = controlledRun();
    const look = coalescedLookup(run, (key: string) => key, 2);
    const answers = Promise.all(['a', 'b', 'c', 'd', 'e'].map((k) => look(k)));
    await nextTurn();
    calls[0]?.finish();
    await nextTurn();
    calls[1]?.finish();
    await nextTurn();
    calls[2]?.finish();
    expect(await answers).toEqual(['a', 'b', 'c', 'd', 'e'].map((k) => `value of ${k}`));
    expect(calls.map((c) => c.keys)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('keys questions by keyOf and hands run the questions themselves', async () => {
    const asked: { id: number }[][] = [];
    const look = coalescedLookup(
      async (questions: { id: number }[]) => {
        asked.push(questions);
        return new Map(questions.map((q) => [String(q.id), q.id * 10]));
      },
      (question) => String(question.id),
    );
    expect(await Promise.all([look({ id: 1 }), look({ id: 2 }), look({ id: 1 })])).toEqual([10, 20, 10]);
    expect(asked).toEqual([[{ id: 1 }, { id: 2 }]]);
  });
});
