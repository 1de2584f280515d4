import { useId, type RefObject } from 'react';
import type { ShownError } from '../../lib/use-form';
import './error-summary.css';

type ErrorSummaryProps = {
  errors: readonly ShownError[];
  /** Takes focus after a refused submit with several problems (useForm decides). */
  ref: RefObject<HTMLDivElement | null>;
};

function textOf(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * The name of a control as the page shows it: its label, after the legend of the group it sits in when
 * that says which one ("Range 2, Until"). Read from the page, where the field already is.
 */
function nameOf(control: HTMLElement): string {
  const own = control instanceof HTMLFieldSetElement ? textOf(control.querySelector(':scope > legend')) : textOf(document.querySelector(`label[for="${CSS.escape(control.id)}"]`));
  const group = control.parentElement?.closest('fieldset');
  const groupName = group ? textOf(group.querySelector(':scope > legend')) : '';
  return [groupName, own].filter(Boolean).join(', ');
}

function jumpTo(control: HTMLElement): void {
  control.scrollIntoView({ block: 'center' });
  control.focus({ preventScroll: true });
}

/**
 * Every problem of a form after a submit, each a link to its field, in the order of the page. It stays up to
 * date as problems are fixed and disappears with the last one.
 */
export function ErrorSummary({ errors, ref }: ErrorSummaryProps) {
  const titleId = useId();
  if (errors.length === 0) return null;
  // The fields are on the page already (the summary only follows a submit), so their order and names are read there.
  const items = errors
    .map((error) => ({ ...error, control: document.getElementById(error.id) }))
    .sort((a, b) => (a.control && b.control ? (a.control.compareDocumentPosition(b.control) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1) : a.control ? -1 : 1));
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} role="group" aria-labelledby={titleId}>
      <p id={titleId} className="error-summary-title">
        {items.length === 1 ? 'One thing to fix' : `${items.length} things to fix`}
      </p>
      <ul className="error-summary-list">
        {items.map(({ id, message, control }) => {
          const name = control ? nameOf(control) : '';
          return (
            <li key={id}>
              <a
                href={`#${id}`}
                onClick={(event) => {
                  if (!control) return;
                  event.preventDefault();
                  jumpTo(control);
                }}
              >
                {name ? `${name}: ${message}` : message}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
