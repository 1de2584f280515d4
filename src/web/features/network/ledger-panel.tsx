import { useEffect, useRef, useState } from 'react';
import type { ContactDto, LedgerEntryDto } from '../../../shared/contracts/contacts';
import { Button } from '../../components/ui/button';
import { FormError } from '../../components/ui/form-error';
import { Notice } from '../../components/ui/notice';
import { TextField } from '../../components/ui/text-field';
import { messageOf } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { contactsApi, type Ledger } from './contacts-api';
import { DIRECTION_LABELS } from './labels';
import { balanceWords, giveSuggestion } from './reciprocity';

type LedgerPanelProps = {
  contact: ContactDto;
  /** Reports a change in the counts so the rest of the page agrees. */
  onCounts: (gives: number, asks: number) => void;
  onMessage: (message: string, undo?: () => Promise<void>) => void;
};

/** Gives and asks with this person: the balance, a gentle suggestion when it is all asks, and the list. */
export function LedgerPanel({ contact, onCounts, onMessage }: LedgerPanelProps) {
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    contactsApi.ledger(contact.id).then(
      (answer) => current && setLedger(answer),
      (cause: unknown) => current && setError(messageOf(cause)),
    );
    return () => {
      current = false;
    };
  }, [contact.id]);

  // The latest ledger, for changes that finish after an await (an undo while another entry was added).
  const latest = useRef<Ledger | null>(null);
  latest.current = ledger;

  function apply(next: Ledger) {
    latest.current = next;
    setLedger(next);
    onCounts(next.gives, next.asks);
  }

  async function add(direction: 'give' | 'ask', description: string, occurredAt?: string): Promise<LedgerEntryDto> {
    const entry = await contactsApi.addLedgerEntry(contact.id, { direction, description, ...(occurredAt ? { occurredAt } : {}) });
    const base = latest.current ?? { items: [], gives: 0, asks: 0 };
    apply({
      items: [entry, ...base.items],
      gives: base.gives + (direction === 'give' ? 1 : 0),
      asks: base.asks + (direction === 'ask' ? 1 : 0),
    });
    return entry;
  }

  async function remove(entry: LedgerEntryDto) {
    setBusyId(entry.id);
    try {
      await contactsApi.removeLedgerEntry(contact.id, entry.id);
      const ledger = latest.current ?? { items: [], gives: 0, asks: 0 };
      apply({
        items: ledger.items.filter((item) => item.id !== entry.id),
        gives: ledger.gives - (entry.direction === 'give' ? 1 : 0),
        asks: ledger.asks - (entry.direction === 'ask' ? 1 : 0),
      });
      // Its Remove button is gone; the box for the next give or ask keeps the place.
      requestAnimationFrame(() => document.getElementById(form.idOf('description'))?.focus());
      onMessage(`Removed “${entry.description}”.`, async () => {
        await add(entry.direction, entry.description, entry.occurredAt);
        onMessage(`“${entry.description}” is back.`);
      });
    } catch (cause) {
      onMessage(`Could not remove it. ${messageOf(cause)}`);
    } finally {
      setBusyId(null);
    }
  }

  // Two submit buttons: the one pressed is known before the submit event reads it.
  const directionRef = useRef<'give' | 'ask'>('give');
  const form = useForm({
    initialValues: { description: '' },
    validate: { description: (value) => (value.trim() === '' ? 'Say what it was, like “sent the article on hiring trends”.' : value.length > 500 ? 'Use at most 500 characters.' : null) },
    onSubmit: async ({ description }): Promise<void> => {
      const direction = directionRef.current;
      await add(direction, description.trim());
      form.reset();
      onMessage(direction === 'give' ? `Noted what you gave ${contact.firstName}.` : `Noted what you asked ${contact.firstName}.`);
    },
  });

  const suggestion = ledger ? giveSuggestion(contact.firstName, ledger.gives, ledger.asks) : null;
  const sorted = ledger ? [...ledger.items].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)) : [];

  return (
    <div className="stack">
      {error ? <FormError message={error} /> : null}
      <p className="ledger-balance">
        <span className="visually-hidden">Balance: </span>
        {ledger ? balanceWords(ledger.gives, ledger.asks) : 'Loading…'}
      </p>
      {suggestion ? (
        <Notice tone="info" title="A small give goes a long way">
          <p>{suggestion}</p>
        </Notice>
      ) : null}
      <form className="stack" noValidate onSubmit={form.handleSubmit} aria-label="Record a give or an ask">
        <TextField label="What was it?" hint="“Introduced her to Sam at Northwind” · “Asked for a résumé review”" autoComplete="off" {...form.field('description')} />
        <FormError message={form.formError} />
        <div className="button-row">
          <Button type="submit" busy={form.submitting} onClick={() => (directionRef.current = 'give')}>
            I gave this
          </Button>
          <Button type="submit" busy={form.submitting} onClick={() => (directionRef.current = 'ask')}>
            I asked this
          </Button>
        </div>
      </form>
      {sorted.length > 0 ? (
        <ul className="ledger-list" aria-label="Gives and asks, newest first">
          {sorted.map((entry) => (
            <li key={entry.id} className={`ledger-item ledger-item--${entry.direction}`}>
              <span className="ledger-direction">{DIRECTION_LABELS[entry.direction]}</span>
              <span className="ledger-description">{entry.description}</span>
              <time className="ledger-when" dateTime={entry.occurredAt}>
                {formatDate(entry.occurredAt)}
              </time>
              <Button variant="quiet" className="button--danger-text" busy={busyId === entry.id} onClick={() => void remove(entry)}>
                Remove<span className="visually-hidden">{` “${entry.description}”`}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
