import type { ReactNode } from 'react';
import './notice.css';

type Tone = 'info' | 'success' | 'warning' | 'danger';

type NoticeProps = {
  tone?: Tone;
  title?: string;
  children: ReactNode;
  /** `alert` for errors that need attention now, `status` for confirmations; none for static text. */
  live?: 'alert' | 'status' | 'none';
  className?: string;
};

/** A calm box for a message: what happened and what to do next. */
export function Notice({ tone = 'info', title, children, live = 'none', className }: NoticeProps) {
  const role = live === 'none' ? undefined : live;
  return (
    <div className={['notice', `notice--${tone}`, className ?? ''].filter(Boolean).join(' ')} role={role}>
      {title ? <p className="notice-title">{title}</p> : null}
      <div className="notice-body">{children}</div>
    </div>
  );
}

/**
 * A polite live region that is always in the page, so messages placed in it later are announced
 * (a region that appears together with its text is often skipped by screen readers).
 */
export function LiveStatus({ message, tone = 'success' }: { message: string | null; tone?: Tone }) {
  return (
    <div className="live-status" role="status">
      {message ? <div className={`notice notice--${tone}`}>{message}</div> : null}
    </div>
  );
}

/**
 * The top of a page that loads its data: the live status line, the load or save error (announced at once),
 * and a loading line while nothing has arrived and nothing has failed.
 */
export function PageNotices({
  status,
  error,
  loading,
  loadingLabel,
}: {
  status: { message: string; tone?: Tone } | null;
  error: string | null;
  loading: boolean;
  loadingLabel: string;
}) {
  return (
    <>
      <LiveStatus message={status?.message ?? null} tone={status?.tone ?? 'success'} />
      {error ? (
        <Notice tone="danger" live="alert">
          {error}
        </Notice>
      ) : null}
      {loading && !error ? <p role="status">{loadingLabel}</p> : null}
    </>
  );
}
