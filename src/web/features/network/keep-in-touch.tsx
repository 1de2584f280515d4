import { useId, useState } from 'react';
import type { ContactDto } from '../../../shared/contracts/contacts';
import { messageOf } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { lastContactWords, nextDueWords } from './contact-time';
import { contactsApi } from './contacts-api';
import { frequencyOptions, frequencyValue, parseFrequency } from './frequency-options';
import { frequencyLabel } from './labels';

type KeepInTouchProps = { contact: ContactDto; onChange: (contact: ContactDto) => void; onMessage: (message: string) => void };

/** "Last contact · Next catch-up" at a glance, and the frequency, changed in place (CAD-08). */
export function KeepInTouch({ contact, onChange, onMessage }: KeepInTouchProps) {
  const selectId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = new Date();
  const due = nextDueWords(contact.nextDueAt, now);

  async function change(value: string) {
    const keepInTouchDays = parseFrequency(value, contact.circle);
    setBusy(true);
    setError(null);
    try {
      const saved = await contactsApi.update(contact.id, { keepInTouchDays });
      onChange(saved);
      const next = nextDueWords(saved.nextDueAt, new Date());
      onMessage(keepInTouchDays === null ? `No catch-up reminders for ${saved.firstName}.` : `Catching up ${frequencyLabel(keepInTouchDays)}; next one ${next.words}.`);
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dl className="cadence">
      <div>
        <dt>Last contact</dt>
        <dd className="cadence-fact">
          {contact.lastInteractionAt ? (
            <time dateTime={contact.lastInteractionAt} title={formatDate(contact.lastInteractionAt)}>
              {lastContactWords(contact.lastInteractionAt, now)}
            </time>
          ) : (
            'never'
          )}
        </dd>
      </div>
      <div>
        <dt>Next catch-up</dt>
        <dd className={`cadence-fact cadence-due--${due.tone}`}>
          {contact.nextDueAt ? (
            <time dateTime={contact.nextDueAt} title={formatDate(contact.nextDueAt)}>
              {due.words}
            </time>
          ) : (
            due.words
          )}
        </dd>
      </div>
      <div className="cadence-control">
        <dt>
          <label htmlFor={selectId}>Keep in touch</label>
        </dt>
        <dd>
          <select
            id={selectId}
            className="input select"
            value={frequencyValue(contact.keepInTouchDays)}
            aria-busy={busy || undefined}
            onChange={(event) => void change(event.target.value)}
          >
            {frequencyOptions(contact.keepInTouchDays, contact.circle).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </dd>
      </div>
    </dl>
  );
}
