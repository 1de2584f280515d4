import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { DocumentFileDto } from '../../../shared/contracts/documents';
import { Button } from '../../components/ui/button';
import { FieldError, fieldAria, fieldIds } from '../../components/ui/field-frame';
import { messageOf } from '../../lib/api';
import { DOCUMENT_ACCEPT, DOCUMENT_TYPES_HINT, documentProblem, formatSize, uploadDocument } from './document-upload';

type DocumentFileFieldProps = {
  id: string;
  label: string;
  /** The file uploaded for this form, if any. */
  value: DocumentFileDto | null;
  onChange: (file: DocumentFileDto | null) => void;
  /** True while a file is on its way (the form waits for it). */
  onBusyChange?: (busy: boolean) => void;
  /** An error the form has about the document as a whole. */
  error?: string | undefined;
};

/**
 * A file for an appointment: picked, checked here for type and size, uploaded at once with its progress shown;
 * the server's refusals (too large, not the type it claims) stay beside the field.
 */
export function DocumentFileField({ id, label, value, onChange, onBusyChange, error }: DocumentFileFieldProps) {
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const { hintId } = fieldIds(id);
  const shown = problem ?? error;

  useEffect(() => () => abort.current?.abort(), []);

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setProblem(null);
    if (!file) return;
    const wrong = documentProblem(file);
    if (wrong) {
      setProblem(wrong);
      event.target.value = '';
      return;
    }
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setProgress(0);
    onBusyChange?.(true);
    try {
      onChange(await uploadDocument(file, setProgress, controller.signal));
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') return;
      setProblem(messageOf(cause));
      if (input.current) input.current.value = '';
    } finally {
      if (abort.current === controller) {
        abort.current = null;
        setProgress(null);
        onBusyChange?.(false);
      }
    }
  }

  function remove() {
    onChange(null);
    setProblem(null);
    if (input.current) {
      input.current.value = '';
      input.current.focus();
    }
  }

  // Picking another file while one is on its way replaces it (the first upload is stopped); the input stays focusable.
  const uploading = progress !== null;
  return (
    <div className={['field', shown ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="field-hint" id={hintId}>
        {DOCUMENT_TYPES_HINT}
      </div>
      <input
        ref={input}
        id={id}
        type="file"
        className="file-input"
        accept={DOCUMENT_ACCEPT}
        onChange={(event) => void pick(event)}
        {...fieldAria(id, DOCUMENT_TYPES_HINT, shown ?? undefined)}
      />
      <div aria-live="polite" className="file-status">
        {uploading ? (
          <p className="file-progress">
            <label htmlFor={`${id}-progress`}>Uploading… {Math.round((progress ?? 0) * 100)}%</label>
            <progress id={`${id}-progress`} max={1} value={progress ?? 0} />
          </p>
        ) : value ? (
          <p className="file-chosen">
            <span>
              Attached: <strong className="file-name">{value.filename}</strong> <span className="muted">({formatSize(value.size)})</span>
            </span>
            <Button variant="quiet" onClick={remove}>
              Remove<span className="visually-hidden"> {value.filename}</span>
            </Button>
          </p>
        ) : null}
      </div>
      <FieldError id={fieldIds(id).errorId} error={shown ?? undefined} />
    </div>
  );
}
