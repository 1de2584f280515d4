import type { ReactNode } from 'react';
import './page-header.css';

type PageHeaderProps = { title: string; eyebrow?: string; description?: ReactNode; actions?: ReactNode };

/** The top of a page: its one heading (focused after navigation), a line of context and its main action. */
export function PageHeader({ title, eyebrow, description, actions }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div className="page-header-text">
        {eyebrow ? <p className="page-header-eyebrow">{eyebrow}</p> : null}
        <h1 tabIndex={-1}>{title}</h1>
        {description ? <p className="page-header-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header-actions">{actions}</div> : null}
    </div>
  );
}
