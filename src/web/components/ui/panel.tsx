import { useId, type ReactNode } from 'react';
import './panel.css';

type PanelProps = { title: string; description?: ReactNode; children: ReactNode };

/** A titled section of a page, a landmark region named by its heading. */
export function Panel({ title, description, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>{title}</h2>
        {description ? <p className="muted">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
