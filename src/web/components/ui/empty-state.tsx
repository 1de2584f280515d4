import './misc.css';

import type { ReactNode } from 'react';

/** What to do when there is nothing to show yet: a sentence that teaches the next step, and maybe a button. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      <p className="muted">{children}</p>
      {action}
    </div>
  );
}
