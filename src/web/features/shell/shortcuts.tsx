import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ShortcutsDialog } from './shortcuts-dialog';

/** The page-level shortcuts: `/` jumps to the page's search, `n` starts its "new" action. */
export type ShortcutKey = '/' | 'n';
export type Shortcut = { label: string; run: () => void };
export type ShortcutMap = Partial<Record<ShortcutKey, Shortcut>>;

type ShortcutsValue = { register: (key: ShortcutKey, shortcut: Shortcut) => () => void; openHelp: () => void };
const ShortcutsContext = createContext<ShortcutsValue | null>(null);

const TEXT_INPUTS_WITHOUT_TYPING = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !TEXT_INPUTS_WITHOUT_TYPING.has(target.type);
}

/** Listens for the keyboard shortcuts of UX.md; they pause while typing in a field or inside a dialog. */
export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const [shortcuts, setShortcuts] = useState<ShortcutMap>({});
  const [helpOpen, setHelpOpen] = useState(false);
  const current = useRef(shortcuts);
  current.current = shortcuts;

  const register = useCallback((key: ShortcutKey, shortcut: Shortcut) => {
    setShortcuts((map) => ({ ...map, [key]: shortcut }));
    return () => setShortcuts((map) => (map[key] === shortcut ? { ...map, [key]: undefined } : map));
  }, []);
  const openHelp = useCallback(() => setHelpOpen(true), []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      if (event.key === '?') {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      if (event.key === '/' || event.key === 'n') {
        const shortcut = current.current[event.key];
        if (!shortcut) return;
        event.preventDefault();
        shortcut.run();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const value = useMemo(() => ({ register, openHelp }), [register, openHelp]);
  return (
    <ShortcutsContext.Provider value={value}>
      {children}
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} shortcuts={shortcuts} />
    </ShortcutsContext.Provider>
  );
}

/** Gives the current page a shortcut while it is shown: `useShortcut('n', 'Add account', openForm)`. */
export function useShortcut(key: ShortcutKey, label: string, run: () => void): void {
  const context = useContext(ShortcutsContext);
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => context?.register(key, { label, run: () => latest.current() }), [context, key, label]);
}

export function useShortcutHelp(): () => void {
  return useContext(ShortcutsContext)?.openHelp ?? (() => undefined);
}
