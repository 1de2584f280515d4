import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { ContactDto } from '../../../shared/contracts/contacts';
import { FieldFrame, fieldAria, fieldDescribedBy } from '../../components/ui/field-frame';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { contactsApi } from './contacts-api';
import { roleAt } from './labels';

type ReferrerPickerProps = {
  id: string;
  label: string;
  hint?: string;
  /** The chosen contact's id, or '' for nobody. */
  value: string;
  onChange: (id: string) => void;
  /** The contact being edited: nobody refers themself. */
  excludeId?: string;
  error: string | undefined;
};

/**
 * "Referred by": a search among your own contacts (ARIA combobox with a list box). Arrow keys move through
 * the matches, Enter chooses, Escape closes; a chosen person shows as their name with a button to change.
 */
export function ReferrerPicker({ id, label, hint, value, onChange, excludeId, error }: ReferrerPickerProps) {
  const listId = useId();
  const [chosen, setChosen] = useState<ContactDto | null>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [matches, setMatches] = useState<ContactDto[]>([]);
  const [searching, setSearching] = useState(false);
  const q = useDebouncedValue(text.trim(), 150);

  // The name of someone chosen earlier (editing a contact) comes from the server once.
  useEffect(() => {
    if (!value) {
      setChosen(null);
      return;
    }
    if (chosen?.id === value) return;
    let current = true;
    contactsApi.get(value).then(
      (contact) => current && setChosen(contact),
      () => current && setChosen(null),
    );
    return () => {
      current = false;
    };
  }, [value, chosen?.id]);

  useEffect(() => {
    if (!q) {
      setMatches([]);
      return;
    }
    let current = true;
    setSearching(true);
    contactsApi.list({ q, circle: null, due: false }, undefined, 8).then(
      (page) => {
        if (!current) return;
        setMatches(page.items.filter((contact) => contact.id !== excludeId));
        setActive(0);
        setSearching(false);
      },
      () => current && setSearching(false),
    );
    return () => {
      current = false;
    };
  }, [q, excludeId]);

  function choose(contact: ContactDto) {
    setChosen(contact);
    onChange(contact.id);
    setText('');
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (matches.length === 0) return;
      setActive((current) => (event.key === 'ArrowDown' ? (current + 1) % matches.length : (current - 1 + matches.length) % matches.length));
    } else if (event.key === 'Enter' && open && matches[active]) {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const showList = open && q !== '';
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className="picker">
      {value && chosen ? (
        <div className="picker-chosen">
          <span className="picker-chosen-name">
            {chosen.displayName}
            {roleAt(chosen) ? <span className="muted"> · {roleAt(chosen)}</span> : null}
          </span>
          <button
            type="button"
            id={id}
            className="field-addon"
            aria-describedby={fieldDescribedBy(id, hint, error)}
            onClick={() => {
              onChange('');
              setChosen(null);
              requestAnimationFrame(() => document.getElementById(id)?.focus());
            }}
          >
            Change<span className="visually-hidden">{` who referred them (now ${chosen.displayName})`}</span>
          </button>
        </div>
      ) : (
        <div className="picker-control">
          <input
            id={id}
            className="input"
            role="combobox"
            aria-expanded={showList}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={showList && matches[active] ? `${listId}-${matches[active].id}` : undefined}
            {...fieldAria(id, hint, error)}
            autoComplete="off"
            placeholder="Type a name"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setOpen(true);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          <ul id={listId} role="listbox" aria-label="Matching people" className="picker-list" hidden={!showList}>
            {matches.map((contact, index) => (
              <li
                key={contact.id}
                id={`${listId}-${contact.id}`}
                role="option"
                aria-selected={index === active}
                className="picker-option"
                // Chosen on pointer down, before the input's blur closes the list.
                onPointerDown={(event) => {
                  event.preventDefault();
                  choose(contact);
                }}
              >
                <span className="picker-option-name">{contact.displayName}</span>
                {roleAt(contact) ? <span className="picker-option-role">{roleAt(contact)}</span> : null}
              </li>
            ))}
            {matches.length === 0 ? (
              <li className="picker-empty" role="option" aria-selected={false} aria-disabled="true">
                {searching ? 'Searching…' : 'Nobody in your network matches.'}
              </li>
            ) : null}
          </ul>
        </div>
      )}
    </FieldFrame>
  );
}
