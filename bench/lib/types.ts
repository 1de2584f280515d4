/** One cell of a printed table: numbers are right-aligned, text left-aligned. */
export type Cell = string | number;

export type Table = {
  title: string;
  columns: readonly string[];
  rows: Cell[][];
  /** Lines printed under the table: settings, caveats, how to read it. */
  notes?: string[];
};

/** A target a benchmark checks against, e.g. "Rapport/bare req/s ≥ 0.75". */
export type Verdict = {
  name: string;
  value: number;
  target: string;
  pass: boolean;
};

export type BenchResult = {
  tables: Table[];
  verdicts: Verdict[];
  /** Raw measurements kept in results.json for later comparison. */
  data?: unknown;
};

export type BenchContext = {
  /** Shorter durations and fewer runs: a smoke run for CI, not a number to compare. */
  quick: boolean;
  /** Repository root (where package.json lives). */
  root: string;
  /** Scratch directory of this run, removed at the end; benchmarks make their own subdirectories. */
  scratchDir: string;
  /** Progress line on stderr, so stdout stays the tables. */
  progress(message: string): void;
};

export type Benchmark = {
  /** Used by `--only=<name>`. */
  name: string;
  description: string;
  /** Not part of a plain `npm run bench`; runs only when named with --only (slow diagnostics). */
  onlyWhenNamed?: boolean;
  run(context: BenchContext): Promise<BenchResult>;
};
