import { afterEach, describe, expect, it } from 'vitest';
import { linkedinCsv } from '../../../../tests/fixtures/imports/generate';
import { AppError } from '../../lib/errors';
import type { CheckEvent, ImportFile, WritePlan } from './import-rows';
import { createRowChecker, type RowChecker } from './row-checker';

const checkers: RowChecker[] = [];
afterEach(async () => {
  await Promise.all(checkers.splice(0).map((checker) => checker.close()));
});

function checker(workerFromBytes: number, idleMs?: number): RowChecker {
  const created = createRowChecker({ workerFromBytes, ...(idleMs === undefined ? {} : { idleMs }) });
  checkers.push(created);
  return created;
}

async function events(from: RowChecker, file: ImportFile, plan?: WritePlan): Promise<CheckEvent[]> {
  const out: CheckEvent[] = [];
  for await (const event of from.check(file, plan)) out.push(event);
  return out;
}

/** The events with each COPY line's id (its first field, made at random) replaced by its row number. */
function withoutRandomIds(list: CheckEvent[]): unknown[] {
  return list.map((event) =>
    event.kind === 'head'
      ? event
      : {
          ...event,
          rows: event.rows.map((row) =>
            row.ok && row.write && 'line' in row.write ? { ...row, write: { line: row.write.line.replace(row.write.id, `id-of-row-${row.row}`) } } : row,
          ),
        },
  );
}

const csv = (rows: number, broken: number[] = []): ImportFile => ({
  format: 'linkedin',
  mapping: undefined,
  charset: undefined,
  body: Buffer.from(linkedinCsv(rows, { broken })),
});
const plan: WritePlan = { ownerId: '00000000-0000-4000-8000-000000000001', at: Date.parse('2026-11-30T08:00:00Z'), as: 'copy' };

describe('row checker: inline and in the worker thread', () => {
  it('gives the same events both ways: the head, then every row in order, 250 a chunk, with its COPY line', async () => {
    const file = csv(600, [300]);
    const inline = await events(checker(Number.POSITIVE_INFINITY), file, plan);
    const worker = await events(checker(0), file, plan);
    expect(inline.map((e) => (e.kind === 'head' ? 'head' : e.rows.length))).toEqual(['head', 250, 250, 100]);
    expect(withoutRandomIds(worker)).toEqual(withoutRandomIds(inline));
    const rows = inline.flatMap((e) => (e.kind === 'rows' ? e.rows : []));
    expect(rows.filter((r) => !r.ok).map((r) => r.row)).toEqual([300]);
    const first = rows[0];
    expect(first?.ok && first.write && 'line' in first.write && first.write.line.startsWith(`${first.write.id}\t${plan.ownerId}\t`)).toBe(true);
  });

  it('a file that cannot be read fails with the same AppError both ways', async () => {
    const file: ImportFile = { format: 'linkedin', mapping: undefined, charset: undefined, body: Buffer.from('Name,Email\nAda,ada@example.com\n') };
    const failures = await Promise.all(
      [checker(Number.POSITIVE_INFINITY), checker(0)].map((c) => events(c, file).then(() => undefined, (error: unknown) => error)),
    );
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(AppError);
      expect(failure).toMatchObject({ statusCode: 400, code: 'IMPORT_UNREADABLE' });
    }
    expect((failures[1] as AppError).message).toBe((failures[0] as AppError).message);
  });

  it('a worker that stops mid-file fails that file, and the next file gets a new worker', async () => {
    const rows = checker(0);
    const iterator = rows.check(csv(20_000), plan)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ kind: 'head', head: { total: 20_000 } });
    await rows.close();
    const rest = (async () => {
      for (;;) if ((await iterator.next()).done) return 'ended';
    })();
    await expect(rest).rejects.toThrow(/closing|stopped/);
    const again = await events(rows, csv(10), plan);
    expect(again.flatMap((e) => (e.kind === 'rows' ? e.rows : []))).toHaveLength(10);
  });

  it('an idle worker stops (it holds its memory while it lives) and the next file starts a new one', async () => {
    const rows = checker(0, 100);
    expect(rows.hasWorker()).toBe(false);
    await events(rows, csv(10), plan);
    expect(rows.hasWorker()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(rows.hasWorker()).toBe(false);
    const again = await events(rows, csv(10), plan);
    expect(again.flatMap((e) => (e.kind === 'rows' ? e.rows : []))).toHaveLength(10);
  });
});
