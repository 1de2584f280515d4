import { useCallback, useId, useRef, useState, type ChangeEvent, type FormEvent, type RefObject } from 'react';
import type { FieldIssue } from '../../shared/contracts/errors';
import { afterPointerRelease } from './after-pointer';
import { ApiError } from './api';

/** One row of a repeated group of fields (a weekly range: day, from, until); `key` only tells rows apart. */
export type Row = { key: string } & Record<string, string>;
/** A form holds text fields, lists of text (a contact's emails, tags) and rows of fields (weekly hours). */
type Values = Record<string, string | string[] | Row[]>;
type Validator<V, T> = (value: T, values: V) => string | null;
/** Checks of a list field: each item on its own (next to that item) and the list as a whole. */
export type ListCheck<V> = { item?: Validator<V, string>; list?: Validator<V, string[]> };
type ServerError = { code: ApiError['code']; message: string };

type TextName<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
type ListName<V> = { [K in keyof V]: V[K] extends string[] ? K : never }[keyof V] & string;
type RowsName<V> = { [K in keyof V]: V[K] extends Row[] ? K : never }[keyof V] & string;

export type FormOptions<V extends Values> = {
  initialValues: V;
  /** Client-side checks per field; each returns a message that says what to do, or null. */
  validate?: { [K in keyof V]?: V[K] extends string ? Validator<V, string> : V[K] extends string[] ? ListCheck<V> : never };
  /**
   * Checks of the whole form, by path in the request body: usually the shared contract the server parses with
   * (`contractIssues`), so both sides refuse the same values. A field's own `validate` message wins over these.
   */
  check?: (values: V) => readonly FieldIssue[];
  /**
   * Where an issue of the request body (from `check` or from the server) belongs in this form, when its path is
   * not a field's name (`minimumNoticeMinutes` → `notice`, `terms.2.endsOn` → `terms` with "Line 3: …").
   * Undefined falls back to the field of the same name; an issue no field takes goes above the button.
   */
  placeIssue?: (issue: FieldIssue, values: V) => FieldIssue | undefined;
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

/** Rows of fields: each row's fields have their own ids and errors; rows can be added and removed. */
export type RowsProps = {
  /** The id for the whole group (a fieldset); an error about the group focuses it. */
  id: string;
  name: string;
  rows: Row[];
  /** An error about the whole group ("at most 70 ranges"). */
  error: string | undefined;
  field: (index: number, key: string) => FieldProps;
  /** Adds a row; its first field other than `key` takes the cursor. */
  add: (row: Row) => void;
  remove: (index: number) => void;
};

/** One shown error: the field path, the id of the control it belongs to and the message. */
export type ShownError = { path: string; id: string; message: string };

type PathMap<T> = Record<string, T | undefined>;

/** After row `removed` of list `name` goes, the paths of the rows below it (`name.3`, `name.3.end`) move up by one. */
function shiftPaths<T>(map: PathMap<T>, name: string, removed: number): PathMap<T> {
  const next: PathMap<T> = {};
  for (const [path, value] of Object.entries(map)) {
    const [indexText, ...rest] = path.startsWith(`${name}.`) ? path.slice(name.length + 1).split('.') : [];
    const index = indexText === undefined ? Number.NaN : Number(indexText);
    const tail = rest.length > 0 ? `.${rest.join('.')}` : '';
    if (Number.isNaN(index)) next[path] = value;
    else if (index < removed) next[path] = value;
    else if (index > removed) next[`${name}.${index - 1}${tail}`] = value;
  }
  return next;
}

function isRows(value: unknown): value is Row[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null);
}

/** The value at a form path (`timezone`, `emails.1`, `weekly.2.end`). */
function valueAt(values: Values, path: string): string | undefined {
  const [name = '', index, key] = path.split('.');
  const value = values[name];
  if (typeof value === 'string') return index === undefined ? value : undefined;
  if (index === undefined) return undefined;
  const item = value?.[Number(index)];
  if (typeof item === 'string') return key === undefined ? item : undefined;
  return key === undefined ? undefined : item?.[key];
}

/** Elements in the order they appear on the page (ids not on the page go last). */
function inPageOrder(ids: readonly string[]): HTMLElement[] {
  return ids
    .map((id) => document.getElementById(id))
    .filter((element): element is HTMLElement => element !== null)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

function same(a: Values, b: Values): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The one form pattern: values, errors next to each field (from the client as you type once a field was
 * left, and from the server's `issues`), a message for the rest, and focus on what to fix. List fields
 * (`emails.1`) and rows of fields (`weekly.2.end`) get the same treatment per item.
 *
 * A form that renders `<ErrorSummary {...form.summary} />` lists every problem after a submit: with one problem
 * its field takes the cursor (the message is read with it); with several the summary does, so you hear how
 * many there are and can jump to each.
 */
export function useForm<V extends Values>(options: FormOptions<V>) {
  const { initialValues, validate, check, placeIssue, onSubmit, mapError } = options;
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
  const summaryRef = useRef<HTMLDivElement>(null);
  const names = Object.keys(initialValues) as Name[];

  const idOf = useCallback((path: string) => `${idPrefix}-${path.replace(/\./g, '-')}`, [idPrefix]);

  /** The field an issue of the request body belongs to, by its own rule or by name; undefined when none. */
  function place(issue: FieldIssue, current: V): FieldIssue | undefined {
    const placed = placeIssue?.(issue, current) ?? issue;
    const [head, index, key] = placed.path.split('.');
    const name = names.find((candidate) => candidate === head);
    if (!name) return undefined;
    const value = current[name];
    const row = index === undefined ? Number.NaN : Number(index);
    if (!Array.isArray(value) || !Number.isInteger(row) || row < 0 || row >= value.length) return { path: name, message: placed.message };
    if (!isRows(value)) return { path: `${name}.${row}`, message: placed.message };
    return key !== undefined && key in (value[row] ?? {}) ? { path: `${name}.${row}.${key}`, message: placed.message } : { path: name, message: placed.message };
  }

  /** Every client-side problem of these values, by path (`firstName`, `emails.1`, `weekly.2.end`). */
  function clientErrors(current: V): Map<string, string> {
    const found = new Map<string, string>();
    for (const name of names) {
      const value = current[name];
      // Rows have no rule of their own (their checks come from `check`), so an array with a rule is a list.
      const rule: unknown = validate?.[name];
      if (!rule) continue;
      if (Array.isArray(value)) {
        const items = value as string[];
        const { item, list } = rule as ListCheck<V>;
        const whole = list?.(items, current);
        if (whole) found.set(name, whole);
        items.forEach((entry, index) => {
          const message = item?.(entry, current);
          if (message) found.set(`${name}.${index}`, message);
        });
      } else {
        const message = (rule as Validator<V, string>)((value as string | undefined) ?? '', current);
        if (message) found.set(name, message);
      }
    }
    for (const issue of check?.(current) ?? []) {
      const placed = place(issue, current);
      if (placed && !found.has(placed.path)) found.set(placed.path, placed.message);
    }
    return found;
  }

  const client = clientErrors(values);
  const shownAt = (path: string): string | undefined =>
    fieldErrors[path]?.message ?? ((showAll || touched[path]) ? client.get(path) : undefined) ?? undefined;

  function clearServerError(...paths: string[]): void {
    setFieldErrors((current) => (paths.every((path) => current[path] === undefined) ? current : { ...current, ...Object.fromEntries(paths.map((path) => [path, undefined])) }));
  }

  function focusField(path: string): void {
    // After React has rendered the error, so the field's description already holds it when read out.
    requestAnimationFrame(() => document.getElementById(idOf(path))?.focus());
  }

  /** After a refused submit: the summary when it lists several problems, else the first field on the page. */
  function focusProblems(paths: readonly string[]): void {
    requestAnimationFrame(() => {
      const summary = summaryRef.current;
      if (summary && paths.length > 1) {
        summary.focus();
        return;
      }
      inPageOrder(paths.map(idOf))[0]?.focus();
    });
  }

  /** Marks a field checked once it is left with a value other than its starting one (after a click that left it). */
  function blur(path: string): void {
    // Tabbing past an empty field is not a mistake yet; leaving one you typed in is checked.
    if ((valueAt(values, path) ?? '') !== (valueAt(baseline, path) ?? '')) afterPointerRelease(() => setTouched((current) => ({ ...current, [path]: true })));
  }

  function field(name: TextName<V>): FieldProps {
    return {
      id: idOf(name),
      name,
      value: (values[name] as string | undefined) ?? '',
      error: shownAt(name),
      onChange: (event) => setValue(name, event.target.value),
      onBlur: () => blur(name),
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
        if ((items[index] ?? '') !== '') afterPointerRelease(() => setTouched((current) => ({ ...current, [`${name}.${index}`]: true })));
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

  function rows(name: RowsName<V>): RowsProps {
    const items = (values[name] as Row[] | undefined) ?? [];
    const update = (next: (current: Row[]) => Row[]) => setValues((current) => ({ ...current, [name]: next((current[name] as Row[] | undefined) ?? []) }));
    return {
      id: idOf(name),
      name,
      rows: items,
      error: shownAt(name),
      field: (index, key) => {
        const path = `${name}.${index}.${key}`;
        return {
          id: idOf(path),
          name: path,
          value: items[index]?.[key] ?? '',
          error: shownAt(path),
          onChange: (event) => {
            const value = event.target.value;
            update((current) => current.map((row, at) => (at === index ? { ...row, [key]: value } : row)));
            clearServerError(path, name);
          },
          onBlur: () => blur(path),
        };
      },
      add: (row) => {
        update((current) => [...current, row]);
        clearServerError(name);
        const first = Object.keys(row).find((key) => key !== 'key');
        if (first) focusField(`${name}.${items.length}.${first}`);
      },
      remove: (index) => {
        update((current) => current.filter((_, at) => at !== index));
        setTouched((current) => shiftPaths(current, name, index));
        setFieldErrors((current) => shiftPaths({ ...current, [name]: undefined }, name, index));
      },
    };
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submittingRef.current) return;
    setShowAll(true);
    setFormError(null);
    const problems = [...clientErrors(values).keys()];
    if (problems.length > 0) {
      focusProblems(problems);
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
      const put = (path: string, message: string) => {
        if (next[path] === undefined) next[path] = { code: error.code, message };
      };
      if (mapped?.field) {
        put(mapped.field, mapped.message);
      } else if (!mapped) {
        for (const issue of error.issues) {
          const placed = place(issue, values);
          if (placed) put(placed.path, placed.message);
        }
      }
      const paths = Object.keys(next);
      if (paths.length > 0) {
        setFieldErrors(next);
        focusProblems(paths);
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

  /** Every error on show, server ones first for a path, for the summary; only once a submit was tried. */
  const shown: ShownError[] = [];
  if (showAll || Object.values(fieldErrors).some(Boolean)) {
    const paths = new Set([...Object.keys(fieldErrors).filter((path) => fieldErrors[path]), ...(showAll ? client.keys() : [])]);
    for (const path of paths) {
      const message = shownAt(path);
      if (message) shown.push({ path, id: idOf(path), message });
    }
  }

  return {
    values,
    field,
    list,
    rows,
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
    /** Props of `<ErrorSummary>`: the problems on show after a submit, and the ref that takes focus. */
    summary: { errors: shown, ref: summaryRef as RefObject<HTMLDivElement | null> },
  };
}
