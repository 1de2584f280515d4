import { useState, type KeyboardEvent } from 'react';
import type { ListProps } from '../../lib/use-form';
import { FieldFrame, fieldAria } from './field-frame';

/** Tags as chips: type and press Enter or a comma to add one; each chip has its own remove button. */
export function TagField({ list, label, hint }: { list: ListProps; label: string; hint?: string }) {
  const [draft, setDraft] = useState('');
  const id = list.id;

  function commit(): void {
    const tags = draft
      .split(',')
      .map((tag) => tag.trim().toLowerCase())
      .filter((tag) => tag !== '' && !list.items.includes(tag));
    if (tags.length > 0) list.set([...list.items, ...new Set(tags)]);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && list.items.length > 0) {
      list.remove(list.items.length - 1);
    }
  }

  const error = list.error ?? list.items.map((_, index) => list.itemError(index)).find(Boolean);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {list.items.length > 0 ? (
        <ul className="chip-list" aria-label={`${label} added`}>
          {list.items.map((tag, index) => (
            <li key={tag} className="chip-list-item">
              <span>{tag}</span>
              <button type="button" className="chip-remove" onClick={() => list.remove(index)}>
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">{`Remove tag ${tag}`}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        className="input"
        value={draft}
        autoComplete="off"
        {...fieldAria(id, hint, error)}
        onChange={(event) => {
          if (event.target.value.endsWith(',')) {
            setDraft(event.target.value.slice(0, -1));
            return;
          }
          setDraft(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
    </FieldFrame>
  );
}
