import { useId, type ReactNode } from 'react';
import { useDisclosure } from '../../lib/use-disclosure';
import './disclosure-menu.css';

type DisclosureMenuProps = {
  label: string;
  /** Each item is a link or a button; choosing one closes the menu. */
  children: ReactNode;
  align?: 'start' | 'end';
};

/**
 * A button that shows a short list of links (Export → vCard, CSV, JSON). A disclosure rather than an ARIA
 * menu: Tab moves through the items, Escape or a click elsewhere closes it and focus returns to the button.
 */
export function DisclosureMenu({ label, children, align = 'end' }: DisclosureMenuProps) {
  const { open, setOpen, toggle, root, button } = useDisclosure();
  const listId = useId();

  return (
    <div className="disclosure-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={listId}
        onClick={toggle}
      >
        {label}
        <span className="disclosure-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div
        id={listId}
        className={`disclosure-menu-list disclosure-menu-list--${align}`}
        hidden={!open}
        onClick={(event) => {
          if (event.target instanceof Element && event.target.closest('a, button')) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}
