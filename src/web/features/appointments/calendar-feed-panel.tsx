import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { CopyField } from '../../components/ui/copy-field';
import { FormError } from '../../components/ui/form-error';
import { Panel } from '../../components/ui/panel';
import { useDialogAction } from '../../lib/use-dialog-action';
import { advisingApi } from './appointments-api';

type Confirming = 'rotate' | 'revoke' | null;

const APPS = [
  {
    name: 'Google Calendar',
    steps: ['On a computer, open Google Calendar.', 'Beside “Other calendars”, choose + and then “From URL”.', 'Paste the address and choose “Add calendar”.'],
  },
  {
    name: 'Apple Calendar',
    steps: [
      'On a Mac: File → New Calendar Subscription, paste the address, choose Subscribe.',
      'On an iPhone or iPad: Settings → Apps → Calendar → Calendar Accounts → Add Account → Other → Add Subscribed Calendar, then paste the address.',
    ],
  },
  {
    name: 'Outlook',
    steps: [
      'Outlook on the web and the new Outlook for Windows: Calendar → Add calendar → Subscribe from web, paste the address, choose Import.',
      'Classic Outlook for Windows: Home → Add Calendar → From Internet, paste the address, choose OK.',
    ],
  },
] as const;

function HowToAdd() {
  return (
    <div className="feed-apps">
      <p className="field-label">How to add it</p>
      {APPS.map((app) => (
        <details key={app.name} className="feed-app">
          <summary>{app.name}</summary>
          <ol>
            {app.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </details>
      ))}
      <p className="muted">Calendar apps check for changes on their own schedule, from every few minutes to once a day; Rapport stays the place to see changes at once.</p>
    </div>
  );
}

type CalendarFeedPanelProps = {
  /** Whether a subscription address exists (the address itself is shown only when it is made). */
  enabled: boolean;
  onChange: (enabled: boolean, message: string) => void;
};

/**
 * The advisor's agenda in their own calendar app: a secret iCalendar address, made here, shown once with a
 * copy button and how to add it, replaced (the old one stops working) or turned off, each confirmed first.
 */
export function CalendarFeedPanel({ enabled, onChange }: CalendarFeedPanelProps) {
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  // The same busy-and-error runner the confirmations use, for the one action outside them.
  const create = useDialogAction(() => undefined);
  const dialog = useDialogAction(() => setConfirming(null));
  const fieldId = useId();
  const makeButton = useRef<HTMLButtonElement>(null);
  // After a change the cursor goes to what replaced the pressed button: the new address, ready to copy, or
  // the button that makes one again.
  const [focusNext, setFocusNext] = useState<'address' | 'make' | null>(null);

  useEffect(() => {
    if (focusNext === 'address') document.getElementById(fieldId)?.focus();
    if (focusNext === 'make') makeButton.current?.focus();
    if (focusNext) setFocusNext(null);
  }, [focusNext, fieldId]);

  async function makeAddress(message: string) {
    const made = await advisingApi.createFeed();
    setUrl(made);
    setConfirming(null);
    setFocusNext('address');
    onChange(true, message);
  }

  async function turnOff() {
    await advisingApi.revokeFeed();
    setUrl(null);
    setConfirming(null);
    setFocusNext('make');
    onChange(false, 'Calendar subscription turned off. The address no longer works.');
  }

  return (
    <Panel title="Calendar subscription" description="See your Rapport appointments in Google Calendar, Apple Calendar or Outlook, kept up to date.">
      <div className="stack">
        {!enabled ? (
          <>
            <p>Rapport makes a private address for your agenda. Your calendar app reads it, so new bookings and cancellations show up there without you doing anything.</p>
            <FormError message={create.error} />
            <div className="appt-actions">
              <Button ref={makeButton} variant="primary" busy={create.busy} onClick={() => void create.run(() => makeAddress('Calendar address made. Copy it into your calendar app.'))}>
                {create.busy ? 'Making the address…' : 'Make a calendar address'}
              </Button>
            </div>
          </>
        ) : (
          <>
            {url ? (
              <CopyField
                id={fieldId}
                label="Your private calendar address"
                hint="Anyone with this address can see your appointments, with students’ names: keep it to yourself. It is shown only now."
                value={url}
                copiedMessage="Address copied. Paste it into your calendar app."
              />
            ) : (
              <p>
                Your calendar subscription is on. For your privacy the address is shown only when it is made; if you need it again, make a new one — the old
                one then stops working.
              </p>
            )}
            {url ? <HowToAdd /> : null}
            <div className="appt-actions">
              <Button onClick={() => setConfirming('rotate')}>Make a new address</Button>
              <Button variant="quiet" className="button--danger-text" onClick={() => setConfirming('revoke')}>
                Turn off
              </Button>
            </div>
          </>
        )}
      </div>
      <ConfirmDialog
        open={confirming === 'rotate'}
        onClose={dialog.close}
        title="Make a new calendar address?"
        description="The address your calendar apps use now stops working at once. You will add the new one to each app again. Use this if the address was shared by mistake."
        keepLabel="Keep the current one"
        confirmLabel="Make a new address"
        busyLabel="Making it…"
        busy={dialog.busy}
        error={dialog.error}
        onConfirm={() => void dialog.run(() => makeAddress('New calendar address made. The old one no longer works; add this one to your calendar app.'))}
      />
      <ConfirmDialog
        open={confirming === 'revoke'}
        onClose={dialog.close}
        title="Turn off the calendar subscription?"
        description="The address stops working at once: calendar apps stop getting your appointments, and some remove the ones they show. You can make a new address later."
        keepLabel="Keep it on"
        confirmLabel="Turn off"
        busyLabel="Turning off…"
        tone="danger"
        busy={dialog.busy}
        error={dialog.error}
        onConfirm={() => void dialog.run(turnOff)}
      />
    </Panel>
  );
}
