// `npm run bench [-- --only=name[,name]] [-- --quick]`: runs the benchmarks, prints one table each and a
// verdict summary, and writes everything to .tmp/bench/results.json. Adding a benchmark: import it and add
// it to BENCHMARKS.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coldStart } from './cold-start';
import { contactImport } from './contact-import';
import { contactList } from './contact-list';
import { contactSearch } from './contact-search';
import { httpOverhead } from './http-overhead';
import { bookingStorm } from './booking-storm';
import { httpStackProfile } from './http-stack-profile';
import { describeMachine, machineLine } from './lib/machine';
import { slotSearch } from './slot-search';
import { fixed, formatTable } from './lib/table';
import type { BenchContext, BenchResult, Benchmark, Table } from './lib/types';

const BENCHMARKS: readonly Benchmark[] = [httpOverhead, coldStart, contactSearch, contactList, contactImport, slotSearch, bookingStorm, httpStackProfile];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = join(root, '.tmp', 'bench', 'results.json');

type Options = { quick: boolean; only: string[] | undefined };

function usage(): string {
  const list = BENCHMARKS.map((b) => `  ${b.name.padEnd(16)} ${b.description}${b.onlyWhenNamed ? ' (only with --only)' : ''}`);
  return ['usage: npm run bench -- [--quick] [--only=name[,name…]]', '', 'benchmarks:', ...list].join('\n');
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { quick: false, only: undefined };
  for (const arg of argv) {
    if (arg === '--quick') options.quick = true;
    else if (arg.startsWith('--only=')) options.only = arg.slice('--only='.length).split(',').filter(Boolean);
    else if (arg === '--help' || arg === '-h') {
      console.log(usage());
      process.exit(0);
    } else {
      console.error(`unknown argument ${arg}\n\n${usage()}`);
      process.exit(64);
    }
  }
  const unknown = (options.only ?? []).filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) {
    console.error(`no benchmark named ${unknown.join(', ')}\n\n${usage()}`);
    process.exit(64);
  }
  return options;
}

function selected(options: Options): Benchmark[] {
  const only = options.only;
  return only ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS.filter((b) => !b.onlyWhenNamed);
}

function verdictTable(results: { name: string; result: BenchResult }[], quick: boolean): Table {
  return {
    title: 'Targets',
    columns: ['benchmark', 'measure', 'value', 'target', 'result'],
    rows: results.flatMap(({ name, result }) =>
      result.verdicts.map((v) => [name, v.name, Number.isInteger(v.value) ? v.value : fixed(v.value, 3), v.target, v.pass ? 'PASS' : 'FAIL']),
    ),
    notes: quick ? ['--quick: durations are too short for the numbers to mean much; this run only shows the benchmarks work.'] : [],
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const machine = describeMachine(root);
  const scratchDir = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  process.on('exit', () => rmSync(scratchDir, { recursive: true, force: true }));
  // Ctrl-C must still run the exit handlers that stop the servers this run started.
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));

  const context: BenchContext = {
    quick: options.quick,
    root,
    scratchDir,
    progress: (message) => process.stderr.write(`  … ${message}\n`),
  };

  console.log(`Rapport benchmarks${options.quick ? ' (--quick)' : ''}: ${machineLine(machine)}\n`);
  const results: { name: string; result: BenchResult }[] = [];
  const failures: { name: string; error: string }[] = [];
  for (const benchmark of selected(options)) {
    process.stderr.write(`${benchmark.name}: ${benchmark.description}\n`);
    try {
      const result = await benchmark.run(context);
      results.push({ name: benchmark.name, result });
      for (const table of result.tables) console.log(`${formatTable(table)}\n`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ name: benchmark.name, error: message });
      console.log(`${benchmark.name} FAILED: ${message}\n`);
    }
  }
  if (results.some((r) => r.result.verdicts.length > 0)) console.log(formatTable(verdictTable(results, options.quick)));

  mkdirSync(dirname(resultsFile), { recursive: true });
  const json = { machine, quick: options.quick, only: options.only ?? null, results: Object.fromEntries(results.map((r) => [r.name, r.result])), failures };
  writeFileSync(resultsFile, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nresults: ${resultsFile}`);

  // A crashed benchmark always fails; a missed target fails a full run only (quick numbers are noise).
  const missed = results.some((r) => r.result.verdicts.some((v) => !v.pass));
  process.exitCode = failures.length > 0 ? 1 : missed && !options.quick ? 2 : 0;
}

await main();
