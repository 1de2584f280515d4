import { useState } from 'react';
import { Link } from 'react-router';
import type { ImportPreviewRow, ImportResponse } from '../../../../shared/contracts/imports';
import { Badge } from '../../../components/ui/badge';
import { ChipGroup } from '../../../components/ui/chip-group';
import { Table } from '../../../components/ui/table';
import { plural } from '../../../lib/format';

type Show = 'all' | ImportPreviewRow['status'];

function name(row: ImportPreviewRow): string {
  const full = [row.contact.firstName, row.contact.lastName].filter(Boolean).join(' ');
  return full || '(no name)';
}

function Result({ row }: { row: ImportPreviewRow }) {
  if (row.status === 'new') return <Badge tone="success">New</Badge>;
  if (row.status === 'duplicate') {
    return (
      <span className="import-result-cell">
        <Badge tone="warning">Already in your network</Badge>
        {row.duplicateOf ? (
          <span className="muted">
            {' '}
            as <Link to={`/network/${row.duplicateOf.id}`}>{row.duplicateOf.displayName}</Link>
          </span>
        ) : null}
      </span>
    );
  }
  return (
    <span className="import-result-cell">
      <Badge tone="danger">Problem</Badge> <span>{row.message ?? 'This row cannot be read.'}</span>
    </span>
  );
}

/** The dry run in numbers and rows: what would be created, what is already there, and what needs fixing. */
export function DryRunReport({ report }: { report: ImportResponse }) {
  const [show, setShow] = useState<Show>('all');
  const problems = report.errors.length;
  const rows = show === 'all' ? report.preview : report.preview.filter((row) => row.status === show);
  const options: { value: Show; label: string }[] = [
    { value: 'all', label: `All ${report.total}` },
    { value: 'new', label: `New ${report.imported}` },
    { value: 'duplicate', label: `Already there ${report.duplicates}` },
    { value: 'error', label: `Problems ${problems}` },
  ];
  return (
    <div className="stack">
      <dl className="import-counts">
        <div className="import-count import-count--new">
          <dt>New</dt>
          <dd>{report.imported}</dd>
        </div>
        <div className="import-count import-count--duplicate">
          <dt>Already in your network</dt>
          <dd>{report.duplicates}</dd>
        </div>
        <div className="import-count import-count--error">
          <dt>Rows with a problem</dt>
          <dd>{problems}</dd>
        </div>
      </dl>
      {problems > 0 ? (
        <div className="import-problems" role="alert">
          <p>
            <strong>{plural(problems, 'row needs', 'rows need')} fixing before anything is imported.</strong> Nothing is added while a row has a problem, so
            you never end up with half an import. Fix {problems === 1 ? 'it' : 'them'} in the file and choose it again.
          </p>
          <ul className="import-problem-list">
            {report.errors.slice(0, 20).map((error) => (
              <li key={`${error.row}-${error.message}`}>
                Row {error.row}: {error.message}
              </li>
            ))}
          </ul>
          {problems > 20 ? <p className="muted">…and {problems - 20} more.</p> : null}
        </div>
      ) : null}
      <ChipGroup label="Show rows" options={options} value={show} onChange={setShow} />
      <p className="list-summary">
        {report.preview.length < report.total ? `Showing the first ${report.preview.length} of ${report.total} rows; the numbers above count them all. ` : ''}
        Rows are counted from the first contact, after the column names.
      </p>
      {rows.length > 0 ? (
        <Table caption="What the import would do, row by row">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Name</th>
              <th scope="col">Role and organisation</th>
              <th scope="col">Email</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row} data-status={row.status}>
                <td data-label="Row">{row.row}</td>
                <th scope="row" className="cell-strong cell-wrap">
                  {name(row)}
                </th>
                <td className="cell-wrap" data-label="Role">
                  {[row.contact.title, row.contact.organization].filter(Boolean).join(' @ ') || <span className="muted">—</span>}
                </td>
                <td className="cell-wrap" data-label="Email">
                  {row.contact.emails[0] ?? <span className="muted">—</span>}
                </td>
                <td data-label="Result">
                  <Result row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="muted">No rows of this kind.</p>
      )}
    </div>
  );
}
