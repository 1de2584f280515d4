import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import type { BulkKind } from './bulk-dialogs';

type SelectionBarProps = {
  shown: number;
  selected: number;
  onSelectAll: (on: boolean) => void;
  onAction: (kind: BulkKind) => void;
  onClear: () => void;
};

/** The id of "Select all", where focus returns after a bulk action (its buttons are gone by then). */
export const SELECT_ALL_ID = 'network-select-all';

/** "Select all 25 shown", and once anyone is ticked: tag, circle, keep-in-touch, delete. */
export function SelectionBar({ shown, selected, onSelectAll, onAction, onClear }: SelectionBarProps) {
  const all = selected > 0 && selected === shown;
  return (
    <div className="selection-bar" role="group" aria-label="Selection">
      <Checkbox id={SELECT_ALL_ID} label={`Select all ${shown} shown`} checked={all} indeterminate={selected > 0 && !all} onChange={(event) => onSelectAll(event.target.checked)} />
      {selected > 0 ? (
        <>
          <span className="selection-count">{selected} selected</span>
          <div className="selection-actions">
            <Button onClick={() => onAction('tag')}>Tag</Button>
            <Button onClick={() => onAction('circle')}>Change circle</Button>
            <Button onClick={() => onAction('frequency')}>Keep in touch</Button>
            <Button variant="quiet" className="button--danger-text" onClick={() => onAction('delete')}>
              Delete
            </Button>
            <Button variant="quiet" onClick={onClear}>
              Clear selection
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
