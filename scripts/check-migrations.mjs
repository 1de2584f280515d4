// Fails when the Drizzle schema and the committed migrations disagree: generating must produce nothing.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'drizzle';
const journal = join(dir, 'meta', '_journal.json');
const list = () => new Set([...readdirSync(dir), ...readdirSync(join(dir, 'meta')).map((f) => `meta/${f}`)]);
const before = list();
const journalBefore = readFileSync(journal, 'utf8');

const result = spawnSync(process.execPath, ['node_modules/drizzle-kit/bin.cjs', 'generate', '--name', 'uncommitted_change'], {
  encoding: 'utf8',
});
const added = [...list()].filter((f) => !before.has(f));
if (added.length > 0 || readFileSync(journal, 'utf8') !== journalBefore) {
  for (const file of added) rmSync(join(dir, file));
  writeFileSync(journal, journalBefore);
  console.error(`The schema changed without a migration: drizzle-kit would generate ${added.join(', ')}.`);
  console.error('Run `npm run db:generate` and commit the result.');
  process.exit(1);
}
if (result.status !== 0) {
  console.error(result.stdout, result.stderr);
  process.exit(result.status ?? 1);
}
console.log('Migrations match the schema.');
