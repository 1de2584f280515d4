import { useId } from 'react';
import type { ColumnMapping } from '../../../../shared/contracts/imports';
import { Table } from '../../../components/ui/table';
import { MAPPING_OPTIONS, SKIP, isMappableField } from './field-labels';

type ColumnMappingProps = {
  columns: string[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  busy: boolean;
};

/** For "another CSV": each column of the file and the contact field it fills, first as Rapport guessed. */
export function ColumnMappingStep({ columns, mapping, onChange, busy }: ColumnMappingProps) {
  const prefix = useId();
  const named = Object.values(mapping);
  const hasName = named.includes('firstName') || named.includes('fullName');
  return (
    <section className="stack" aria-labelledby={`${prefix}-title`}>
      <div className="stack-sm">
        <h3 id={`${prefix}-title`}>Match your columns</h3>
        <p className="muted">We guessed from the column names. Change any that are wrong; the check below updates as you go.</p>
        {hasName ? null : (
          <p className="field-error" role="alert">
            Choose which column holds the first name (or the full name) — every contact needs one.
          </p>
        )}
      </div>
      <div aria-busy={busy || undefined}>
        <Table caption="Columns in your file and the field each one fills">
          <thead>
            <tr>
              <th scope="col">Column in your file</th>
              <th scope="col">Import as</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column, index) => {
              const id = `${prefix}-${index}`;
              return (
                <tr key={`${column}-${index}`}>
                  <th scope="row" className="cell-wrap">
                    <label htmlFor={id}>{column || `Column ${index + 1} (no name)`}</label>
                  </th>
                  <td>
                    <select
                      id={id}
                      className="input select"
                      value={mapping[column] ?? SKIP}
                      onChange={(event) => {
                        const next: ColumnMapping = { ...mapping };
                        const value = event.target.value;
                        if (isMappableField(value)) next[column] = value;
                        else delete next[column];
                        onChange(next);
                      }}
                    >
                      {MAPPING_OPTIONS.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </div>
    </section>
  );
}
