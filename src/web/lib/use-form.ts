import { useCallback, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from './api';

type Values = Record<string, string>;
type Validator<V extends Values> = (value: string, values: V) => string | null;
type ServerError = { code: ApiError['code']; message: string };

export type FormOptions<V extends Values> = {
  initialValues: V;
  /** Client-side checks per field; each returns a message that says what to do, or null. */
  validate?: { [K in keyof V]?: Validator<V> };
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

/**
 * The one form pattern: values, errors next to each field (from the client as you type once a field was
 * left, and from the server's `issues`), a message for the rest, and focus on the first field to fix.
 */
export function useForm<V extends Values>(options: FormOptions<V>) {
  const { initialValues, validate, onSubmit, mapError } = options;
  type Name = keyof V & string;
  const idPrefix = useId();
  const [values, setValues] = useState<V>(initialValues);
  const [touched, setTouched] = useState<Partial<Record<Name, boolean>>>({});
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Name, ServerError>>>({});
  const [formError, setFormError] = useState<ServerError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);
  const names = Object.keys(initialValues) as Name[];

  const idOf = useCallback((name: string) => `${idPrefix}-${name}`, [idPrefix]);
  const clientError = (name: Name): string | null => validate?.[name]?.(values[name] ?? '', values) ?? null;

  function focusField(name: string): void {
    // After React has rendered the error, so the field's description already holds it when read out.
    requestAnimationFrame(() => document.getElementById(idOf(name))?.focus());
  }

  function field(name: Name): FieldProps {
    const shown = fieldErrors[name]?.message ?? (touched[name] ? clientError(name) : null);
    return {
      id: idOf(name),
      name,
      value: values[name] ?? '',
      error: shown ?? undefined,
      onChange: (event) => {
        const value = event.target.value;
        setValues((current) => ({ ...current, [name]: value }));
        setFieldErrors((current) => (current[name] === undefined ? current : { ...current, [name]: undefined }));
      },
      onBlur: () => {
        // Tabbing past an empty field is not a mistake yet; leaving one you typed in is checked.
        if ((values[name] ?? '') !== (initialValues[name] ?? '')) setTouched((current) => ({ ...current, [name]: true }));
      },
    };
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submittingRef.current) return;
    setTouched(Object.fromEntries(names.map((name) => [name, true])) as Partial<Record<Name, boolean>>);
    setFormError(null);
    const firstInvalid = names.find((name) => clientError(name) !== null);
    if (firstInvalid) {
      focusField(firstInvalid);
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
      const next: Partial<Record<Name, ServerError>> = {};
      if (mapped?.field) {
        next[mapped.field] = { code: error.code, message: mapped.message };
      } else if (!mapped) {
        for (const issue of error.issues) {
          const name = names.find((candidate) => candidate === issue.path);
          if (name && next[name] === undefined) next[name] = { code: error.code, message: issue.message };
        }
      }
      const first = names.find((name) => next[name] !== undefined);
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
    setTouched({});
    setFieldErrors({});
    setFormError(null);
  }

  return {
    values,
    field,
    handleSubmit,
    submitting,
    reset,
    formError: formError?.message ?? null,
    formErrorCode: formError?.code ?? null,
    /** The API code behind a field's server error (EMAIL_TAKEN), to offer the right next step. */
    fieldErrorCode: (name: Name) => fieldErrors[name]?.code ?? null,
  };
}
