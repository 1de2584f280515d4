import { useCallback, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from './api';

/** A form holds text fields and lists of text (a contact's emails, tags). */
type Values = Record<string, string | string[]>;
type Validator<V, T> = (value: T, values: V) => string | null;
/** Checks of a list field: each item on its own (next to that item) and the list as a whole. */
export type ListCheck<V> = { item?: Validator<V, string>; list?: Validator<V, string[]> };
type ServerError = { code: ApiError['code']; message: string };

type TextName<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
type ListName<V> = { [K in keyof V]: V[K] extends string[] ? K : never }[keyof V] & string;

export type FormOptions<V extends Values> = {
  initialValues: V;
  /** Client-side checks per field; each returns a message that says what to do, or null. */
  validate?: { [K in keyof V]?: V[K] extends string[] ? ListCheck<V> : Validator<V, string> };
  onSubmit: (values: V) => Promise<void>;
  /**
   * Places an API error that names no field (EMAIL_TAKEN) on one, or rewrites its message; return
   * undefined to fall back to the field issues of the answer and then to a message above the button.
   */
  mapError?: (error: ApiError) => { field?: keyof V & string; message: string } | undefined;
};

export type FieldProps = {
  id: string;
  name: string;
  value: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  onBlur: () => void;
};

/** A list field's rows: each item has its own id and error, and rows can be added and removed. */
export type ListProps = {
  /** The id for the whole list (a fieldset, or a tag input); an error about the list focuses it. */
  id: string;
  name: string;
  items: string[];
  /** An error about the whole list ("at most 10"). */
  error: string | undefined;
  itemId: (index: number) => string;
  itemError: (index: number) => string | undefined;
  setItem: (index: number, value: string) => void;
  blurItem: (index: number) => void;
  add: (value?: string) => void;
  remove: (index: number) => void;
  set: (items: string[]) => void;
};

type PathMap<T> = Record<string, T | undefined>;

/** After row `removed` of list `name` goes, the paths of the rows below it move up by one. */
function shiftPaths<T>(map: PathMap<T>, name: string, removed: number): PathMap<T> {
  const next: PathMap<T> = {};
  for (const [path, value] of Object.entries(map)) {
    const match = path.startsWith(`${name}.`) ? Number(path.slice(name.length + 1)) : Number.NaN;
    if (Number.isNaN(match)) next[path] = value;
    else if (match < removed) next[path] = value;
    else if (match > removed) next[`${name}.${match - 1}`] = value;
  }
  return next;
}

function same(a: Values, b: Values): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The one form pattern: values, errors next to each field (from the client as you type once a field was
 * left, and from the server's `issues`), a message for the rest, and focus on the first field to fix.
 * List fields (`emails.1`) get the same treatment per row.
 */
export function useForm<V extends Values>(options: FormOptions<V>) {
  const { initialValues, validate, onSubmit, mapError } = options;
  type Name = keyof V & string;
  const idPrefix = useId();
  const [values, setValues] = useState<V>(initialValues);
  const [baseline, setBaseline] = useState<V>(initialValues);
  const [touched, setTouched] = useState<PathMap<boolean>>({});
  const [showAll, setShowAll] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<PathMap<ServerError>>({});
  const [formError, setFormError] = useState<ServerError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);
  const names = Object.keys(initialValues) as Name[];

  const idOf = useCallback((path: string) => `${idPrefix}-${path.replace(/\./g, '-')}`, [idPrefix]);

  /** Every client-side problem of these values, by path (`firstName`, `emails`, `emails.1`), in field order. */
  function clientErrors(current: V): [string, string][] {
    const found: [string, string][] = [];
    for (const name of names) {
      const value = current[name];
      const check: unknown = validate?.[name];
      if (!check) continue;
      if (Array.isArray(value)) {
        const { item, list } = check as ListCheck<V>;
        const whole = list?.(value, current);
        if (whole) found.push([name, whole]);
        value.forEach((entry, index) => {
          const message = item?.(entry, current);
          if (message) found.push([`${name}.${index}`, message]);
        });
      } else {
        const message = (check as Validator<V, string>)(value ?? '', current);
        if (message) found.push([name, message]);
      }
    }
    return found;
  }

  const client = new Map(clientErrors(values));
  const shownAt = (path: string): string | undefined =>
    fieldErrors[path]?.message ?? ((showAll || touched[path]) ? client.get(path) : undefined) ?? undefined;

  function clearServerError(...paths: string[]): void {
    setFieldErrors((current) => (paths.every((path) => current[path] === undefined) ? current : { ...current, ...Object.fromEntries(paths.map((path) => [path, undefined])) }));
  }

  function focusField(path: string): void {
    // After React has rendered the error, so the field's description already holds it when read out.
    requestAnimationFrame(() => document.getElementById(idOf(path))?.focus());
  }

  function field(name: TextName<V>): FieldProps {
    return {
      id: idOf(name),
      name,
      value: (values[name] as string | undefined) ?? '',
      error: shownAt(name),
      onChange: (event) => setValue(name, event.target.value),
      onBlur: () => {
        // Tabbing past an empty field is not a mistake yet; leaving one you typed in is checked.
        if (values[name] !== baseline[name]) setTouched((current) => ({ ...current, [name]: true }));
      },
    };
  }

  /** Sets a text field from a control that is not a plain input (a picker). */
  function setValue(name: TextName<V>, value: string): void {
    setValues((current) => ({ ...current, [name]: value }));
    clearServerError(name);
  }

  function list(name: ListName<V>): ListProps {
    const items = (values[name] as string[] | undefined) ?? [];
    const update = (next: (current: string[]) => string[]) =>
      setValues((current) => ({ ...current, [name]: next((current[name] as string[] | undefined) ?? []) }));
    return {
      id: idOf(name),
      name,
      items,
      error: shownAt(name),
      itemId: (index) => idOf(`${name}.${index}`),
      itemError: (index) => shownAt(`${name}.${index}`),
      setItem: (index, value) => {
        update((current) => current.map((item, at) => (at === index ? value : item)));
        clearServerError(`${name}.${index}`, name);
      },
      blurItem: (index) => {
        if ((items[index] ?? '') !== '') setTouched((current) => ({ ...current, [`${name}.${index}`]: true }));
      },
      add: (value = '') => {
        update((current) => [...current, value]);
        clearServerError(name);
        // A new empty row takes the cursor; a chip added from a text box leaves it where it was.
        if (value === '') focusField(`${name}.${items.length}`);
      },
      remove: (index) => {
        update((current) => current.filter((_, at) => at !== index));
        setTouched((current) => shiftPaths(current, name, index));
        setFieldErrors((current) => shiftPaths({ ...current, [name]: undefined }, name, index));
      },
      set: (next) => {
        update(() => next);
        clearServerError(name);
      },
    };
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submittingRef.current) return;
    setShowAll(true);
    setFormError(null);
    const firstInvalid = clientErrors(values)[0];
    if (firstInvalid) {
      focusField(firstInvalid[0]);
      return;
    }
    submittingRef.current = true;
    setSubmitting(true);
    setFieldErrors({});
    try {
      await onSubmit(values);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const mapped = mapError?.(error);
      const next: PathMap<ServerError> = {};
      const order: string[] = [];
      const place = (path: string, message: string) => {
        if (next[path] !== undefined) return;
        next[path] = { code: error.code, message };
        order.push(path);
      };
      if (mapped?.field) {
        place(mapped.field, mapped.message);
      } else if (!mapped) {
        for (const issue of error.issues) {
          const [head, index] = issue.path.split('.');
          const name = names.find((candidate) => candidate === head);
          if (!name) continue;
          const value = values[name];
          const row = index === undefined ? undefined : Number(index);
          if (Array.isArray(value) && row !== undefined && Number.isInteger(row) && row < value.length) place(`${name}.${row}`, issue.message);
          else place(name, issue.message);
        }
      }
      const first = order[0];
      if (first) {
        setFieldErrors(next);
        focusField(first);
      } else {
        setFormError({ code: error.code, message: mapped?.message ?? error.message });
      }
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  }

  /** Back to a clean form (after a success), optionally with new starting values. */
  function reset(next: V = initialValues): void {
    setValues(next);
    setBaseline(next);
    setTouched({});
    setShowAll(false);
    setFieldErrors({});
    setFormError(null);
  }

  return {
    values,
    field,
    list,
    setValue,
    handleSubmit,
    submitting,
    reset,
    /** True once anything differs from the starting values (leaving asks first). */
    dirty: !same(values, baseline),
    /** The error shown for any field path, for controls that render their own (a picker). */
    errorOf: shownAt,
    idOf,
    formError: formError?.message ?? null,
    formErrorCode: formError?.code ?? null,
    /** The API code behind a field's server error (EMAIL_TAKEN), to offer the right next step. */
    fieldErrorCode: (name: Name) => fieldErrors[name]?.code ?? null,
  };
}
