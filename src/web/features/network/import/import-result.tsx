import type { Ref } from 'react';
import { Link } from 'react-router';
import type { ImportResponse } from '../../../../shared/contracts/imports';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { plural } from '../../../lib/format';

/** The wizard's progress line: a native progress bar, indeterminate while the server works. */
export function Working({ label }: { label: string }) {
  return (
    <div className="import-working" role="status">
      <progress className="progress" aria-label={label} />
      <p>{label}</p>
    </div>
  );
}

export type ImportOutcome = { kind: 'done'; result: ImportResponse } | { kind: 'undone'; count: number };

type ImportResultProps = {
  outcome: ImportOutcome;
  headingRef: Ref<HTMLHeadingElement>;
  error: string | null;
  undoing: boolean;
  onUndo: (ids: string[]) => void;
  onAgain: () => void;
};

/** How it went: imported, skipped as already there, and an undo that removes exactly what was added. */
export function ImportResult({ outcome, headingRef, error, undoing, onUndo, onAgain }: ImportResultProps) {
  const ids = outcome.kind === 'done' ? (outcome.result.importedIds ?? []) : [];
  return (
    <Panel title="Result">
      <h2 className="visually-hidden" tabIndex={-1} ref={headingRef}>
        {outcome.kind === 'done' ? 'Import finished' : 'Import undone'}
      </h2>
      {outcome.kind === 'done' ? (
        <Notice tone="success" title={`Imported ${plural(outcome.result.imported, 'contact')}`}>
          <p>
            {outcome.result.duplicates > 0
              ? `Skipped ${plural(outcome.result.duplicates, 'person', 'people')} already in your network, so nobody is there twice.`
              : 'Nobody was already in your network.'}{' '}
            Changed your mind? Undo removes exactly the people this import added.
          </p>
        </Notice>
      ) : (
        <Notice tone="info" title="Import undone">
          <p>{`Removed the ${plural(outcome.count, 'contact')} this import added.`}</p>
        </Notice>
      )}
      <FormError message={error} />
      <div className="button-row">
        <Link className="button button--primary" to="/network">
          See your network
        </Link>
        {ids.length > 0 ? (
          <Button busy={undoing} onClick={() => onUndo(ids)}>
            {undoing ? 'Undoing…' : 'Undo this import'}
          </Button>
        ) : null}
        <Button variant="quiet" onClick={onAgain}>
          Import another file
        </Button>
      </div>
    </Panel>
  );
}
