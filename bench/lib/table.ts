import type { Cell, Table } from './types';

function render(cell: Cell): string {
  return typeof cell === 'number' ? String(cell) : cell;
}

/** Renders a table with a rule under the header; numeric columns are right-aligned. */
export function formatTable(table: Table): string {
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...table.rows.map((row) => render(row[i] ?? '').length)),
  );
  // A column whose cells all look like numbers ("12", "0.81", "-") is right-aligned so digits line up.
  const numeric = table.columns.map(
    (_, i) => table.rows.length > 0 && table.rows.every((row) => /^([-+]?\d|-$)/.test(render(row[i] ?? ''))),
  );
  const line = (cells: readonly Cell[]) =>
    cells
      .map((cell, i) => {
        const text = render(cell);
        const width = widths[i] ?? text.length;
        return numeric[i] ? text.padStart(width) : text.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const out = [table.title, line(table.columns), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of table.rows) out.push(line(row));
  for (const note of table.notes ?? []) out.push(`  ${note}`);
  return out.join('\n');
}

/** Fixed decimals for a number that goes into a table cell (keeps it numeric-looking but aligned). */
export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}
