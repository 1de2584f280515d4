import { useEffect, useRef, type ReactNode } from 'react';
import './toast.css';

/** A message without an action leaves on its own after this long; one with Undo stays until replaced. */
const READ_TIME_MS = 8_000;

type ToastProps = {
  message: string | null;
  tone?: 'success' | 'danger';
  /** The one action the message offers ("Undo"); stays until the message is replaced or dismissed. */
  action?: ReactNode;
  onDismiss: () => void;
};

/**
 * A message pinned to the bottom of the screen after an action, with one follow-up (Undo). It lives in a
 * polite live region that is always in the page, so it is read out, and it never takes focus.
 */
export function Toast({ message, tone = 'success', action, onDismiss }: ToastProps) {
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  const hasAction = action !== undefined && action !== null;

  useEffect(() => {
    if (!message || hasAction) return;
    const timer = setTimeout(() => dismiss.current(), READ_TIME_MS);
    return () => clearTimeout(timer);
  }, [message, hasAction]);

  return (
    <div className="toast-region" role="status">
      {message ? (
        <div className={`toast toast--${tone}`}>
          <p className="toast-message">{message}</p>
          {action}
          <button type="button" className="toast-close" onClick={onDismiss}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">Dismiss</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
