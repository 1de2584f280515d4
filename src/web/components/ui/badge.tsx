import type { ReactNode } from 'react';
import './badge.css';

type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

/** A short label (a role, a status). Meaning is in the words; colour only repeats it. */
export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
