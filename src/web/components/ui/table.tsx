import type { ReactNode } from 'react';
import './table.css';

/**
 * A data table that stays a table on a laptop and becomes a stack of cards on a phone; cells carry a
 * `data-label` so each value keeps its column name when the header row is hidden.
 */
export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="table-frame">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
