import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import type { ReasonCodeDto } from '../../../shared/contracts/reason-codes';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { DOCUMENT_LABELS } from './appointment-labels';

type ReasonStepProps = {
  codes: ReasonCodeDto[];
  value: string;
  /** The list is shown (choosing) rather than the one chosen with a way to change it. */
  open: boolean;
  onSelect: (code: string) => void;
  /** A reason is settled: by a click on it, or by "Show open times" after moving through them with the keyboard. */
  onDone: (code: string) => void;
  onReopen: () => void;
};

/** Above this many reasons the list gets a box that narrows it. */
const FILTER_FROM = 8;

/** Lower case without accents: "resume" finds "Résumé". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Every word typed appears in the reason's label or description. */
function matches(code: ReasonCodeDto, query: string): boolean {
  const haystack = folded(`${code.label} ${code.description}`);
  return folded(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

function details(code: ReasonCodeDto): string {
  return `${code.defaultMinutes} minutes.${code.needsDocument ? ` Bring your ${DOCUMENT_LABELS[code.needsDocument]}.` : ''}`;
}

/**
 * Step 1 of booking: the reasons with what each is for. A click settles one and folds the list away, so the
 * open times come straight into view; arrow keys only move the choice, and Enter or the button settles it.
 */
export function ReasonStep({ codes, value, open, onSelect, onDone, onReopen }: ReasonStepProps) {
  const list = useRef<HTMLFieldSetElement>(null);
  const wasOpen = useRef(open);
  const [query, setQuery] = useState('');
  const filterId = useId();
  const chosen = codes.find((code) => code.code === value);
  const shown = query.trim() ? codes.filter((code) => matches(code, query)) : codes;

  useEffect(() => {
    // Back to the list: the cursor goes to the reason chosen before.
    if (open && !wasOpen.current) (list.current?.querySelector<HTMLInputElement>('input:checked') ?? list.current?.querySelector<HTMLInputElement>('input'))?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open && chosen) {
    return (
      <div className="reason-chosen">
        <p>
          <strong>{chosen.label}</strong> <span className="muted">{details(chosen)}</span>
        </p>
        <Button variant="quiet" onClick={onReopen}>
          Change reason
        </Button>
      </div>
    );
  }

  // A pointer click has a click count; keyboard choices (Space, arrows) have none and leave the list open.
  const settleOnClick = (code: string) => (event: MouseEvent) => {
    if (event.detail > 0) onDone(code);
  };

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        // Enter in the search box with one reason left takes that one.
        const only = shown.length === 1 ? shown[0] : undefined;
        if (value && shown.some((code) => code.code === value)) onDone(value);
        else if (only) onDone(only.code);
      }}
    >
      {codes.length > FILTER_FROM ? (
        <TextField
          id={filterId}
          name="reason-filter"
          label="Find a reason"
          hint="A word or two: résumé, part-time, interview…"
          type="search"
          autoComplete="off"
          value={query}
          error={undefined}
          onBlur={() => undefined}
          onChange={(event) => setQuery(event.target.value)}
        />
      ) : null}
      <fieldset ref={list} className="choice-list">
        <legend>What would you like help with?</legend>
        {shown.length === 0 ? (
          <p className="muted" role="status">
            No reason matches “{query.trim()}”.{' '}
            <Button variant="quiet" onClick={() => setQuery('')}>
              Show all {codes.length}
            </Button>
          </p>
        ) : null}
        {shown.map((code) => (
          <label key={code.code} className="choice" onClick={settleOnClick(code.code)}>
            <input type="radio" name="reason" value={code.code} checked={value === code.code} onChange={() => onSelect(code.code)} />
            <span className="choice-text">
              <span className="choice-title">{code.label}</span>
              <span className="muted choice-description">
                {code.description} {details(code)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="appt-actions">
        <Button type="submit" variant="primary" aria-disabled={!value || undefined}>
          Show open times
        </Button>
        {!value ? <p className="muted">Choose a reason first.</p> : null}
      </div>
    </form>
  );
}
