import { useId, type ReactNode, type Ref } from 'react';
import './panel.css';

type PanelProps = {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Given when the page moves the cursor to this section (the next step of a flow); the heading takes it. */
  headingRef?: Ref<HTMLHeadingElement>;
};

/** A titled section of a page, a landmark region named by its heading. */
export function Panel({ title, description, children, headingRef }: PanelProps) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
          {title}
        </h2>
        {description ? <p className="muted">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
