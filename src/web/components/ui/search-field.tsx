import type { ReactNode, Ref } from 'react';
import { TextField } from './text-field';

type SearchFieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  onSearch: (value: string) => void;
  /** For the page's "/" shortcut, which focuses this box. */
  ref?: Ref<HTMLInputElement>;
};

/** The search box in a list's toolbar: filters as you type and is never marked as wrong. */
export function SearchField({ id, label, hint, value, onSearch, ref }: SearchFieldProps) {
  return (
    <TextField
      ref={ref}
      className="search-field"
      label={label}
      hint={hint}
      type="search"
      id={id}
      name="q"
      value={value}
      error={undefined}
      onChange={(event) => onSearch(event.target.value)}
      onBlur={() => undefined}
      autoComplete="off"
      aria-keyshortcuts="/"
    />
  );
}
