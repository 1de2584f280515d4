import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
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
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onPointer(event: PointerEvent) {
      if (root.current && event.target instanceof Node && !root.current.contains(event.target)) setOpen(false);
    }
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="disclosure-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((current) => !current)}
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
