// `npm test`: unit and integration tests (PGlite, or PostgreSQL when TEST_DATABASE_URL is set), then the
// browser tests when Chromium is installed. Ends with one summary line: "N passed, N failed, N skipped".
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e-only');
const noE2e = args.includes('--no-e2e');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const reportDir = join(root, '.tmp', 'reports');
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
let exitCode = 0;

function firstLine(message) {
  const text = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '').trim();
  return (text.split('\n')[0] ?? '').slice(0, 300);
}

function run(label, projects) {
  const report = join(reportDir, `${label}.json`);
  const projectArgs = projects.flatMap((p) => ['--project', p]);
  const result = spawnSync(
    process.execPath,
    [vitest, 'run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  if (result.status !== 0) exitCode = result.status ?? 1;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests ?? 0;
    totals.failed += json.numFailedTests ?? 0;
    totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    // A file that failed to load has no tests but is still a failure.
    const brokenFiles = (json.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0);
    totals.failed += brokenFiles.length;
    // Named again at the very end, so the last lines of a long run say what failed and why.
    for (const file of json.testResults ?? []) {
      const where = file.name ? file.name.replace(`${root}/`, '') : '?';
      if (brokenFiles.includes(file)) failures.push(`${label}: ${where}: ${firstLine(file.message)}`);
      for (const test of file.assertionResults ?? []) {
        if (test.status === 'failed') failures.push(`${label}: ${where} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
      }
    }
  } else if (result.status !== 0) {
    totals.failed += 1;
  }
}

if (!e2eOnly) run('unit-int', ['unit', 'int']);
if (!noE2e) {
  if (existsSync(chromium)) {
    run('e2e', ['e2e']);
  } else if (process.env.RAPPORT_REQUIRE_E2E === '1') {
    console.log(`Browser tests required but there is no Chromium at ${chromium}.`);
    totals.failed += 1;
  } else {
    console.log(`Browser tests skipped: no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  }
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (process.env.RAPPORT_TOTALS_FILE) appendFileSync(process.env.RAPPORT_TOTALS_FILE, `${JSON.stringify({ ...totals, failures })}\n`);
process.exit(exitCode !== 0 || totals.failed > 0 ? 1 : 0);
