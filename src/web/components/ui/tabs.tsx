import { useRef, type KeyboardEvent } from 'react';
import './tabs.css';

type TabsProps<T extends string> = {
  label: string;
  options: readonly { value: T; label: string; count?: number }[];
  value: T;
  onChange: (value: T) => void;
  /** The id of the one panel all tabs show (a list that changes with the tab). */
  panelId: string;
  idPrefix: string;
};

/**
 * Where the arrow keys, Home and End move in a row of `count` tabs from `index` (wrapping round); null for
 * any other key. Shared by every tab row, so they all move the same way.
 */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  const last = count - 1;
  if (key === 'ArrowRight') return index === last ? 0 : index + 1;
  if (key === 'ArrowLeft') return index === 0 ? last : index - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return null;
}

/**
 * Tabs over one panel (ARIA tabs pattern): Tab reaches the selected tab, arrow keys, Home and End move
 * between tabs and select them. A count after a label is part of the name ("Professional 12").
 */
export function Tabs<T extends string>({ label, options, value, onChange, panelId, idPrefix }: TabsProps<T>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function move(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const target = tabKeyTarget(event.key, index, options.length);
    if (target === null) return;
    event.preventDefault();
    const option = options[target];
    if (!option) return;
    onChange(option.value);
    refs.current[target]?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {options.map((option, index) => {
        const selected = option.value === value;
        return (
          <button
            key={option.value}
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-${option.value}`}
            className="tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(option.value)}
            onKeyDown={(event) => move(event, index)}
          >
            <span>{option.label}</span>{' '}
            {option.count === undefined ? null : <span className="tab-count">{option.count}</span>}
          </button>
        );
      })}
    </div>
  );
}
