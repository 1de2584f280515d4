import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Kbd } from '../../components/ui/kbd';
import type { ShortcutMap } from './shortcuts';
import './shortcuts-dialog.css';

/** The list behind `?`: every shortcut, and what `/` and `n` do on this page. */
export function ShortcutsDialog({ open, onClose, shortcuts }: { open: boolean; onClose: () => void; shortcuts: ShortcutMap }) {
  const search = shortcuts['/'];
  const create = shortcuts.n;
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" description="They pause while you type in a field.">
      <dl className="shortcut-list">
        <div>
          <dt>
            <Kbd>/</Kbd>
          </dt>
          <dd>{search ? search.label : 'Search (on pages with a search box; none here)'}</dd>
        </div>
        <div>
          <dt>
            <Kbd>n</Kbd>
          </dt>
          <dd>{create ? `New: ${create.label}` : 'New (on pages where you can add something; none here)'}</dd>
        </div>
        <div>
          <dt>
            <Kbd>?</Kbd>
          </dt>
          <dd>Show this list</dd>
        </div>
        <div>
          <dt>
            <Kbd>Esc</Kbd>
          </dt>
          <dd>Close a dialog</dd>
        </div>
      </dl>
      <div className="button-row button-row--end">
        <Button variant="primary" data-autofocus onClick={onClose}>
          Done
        </Button>
      </div>
    </Dialog>
  );
}
