import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { ContactDto, InteractionDto } from '../../shared/contracts/contacts';
import { Badge } from '../components/ui/badge';
import { Button } from '../components/ui/button';
import { FormError } from '../components/ui/form-error';
import { PageHeader } from '../components/ui/page-header';
import { Panel } from '../components/ui/panel';
import { Toast } from '../components/ui/toast';
import { noticeFrom } from '../features/auth/landing';
import { ContactDetails } from '../features/network/contact-details';
import { DeleteContactDialog } from '../features/network/delete-contact-dialog';
import { ContactPending } from '../features/network/contact-missing';
import { nextDueWords } from '../features/network/contact-time';
import { contactsApi } from '../features/network/contacts-api';
import { KeepInTouch } from '../features/network/keep-in-touch';
import { CIRCLE_LABELS, KIND_LABELS, STAGE_LABELS, roleAt } from '../features/network/labels';
import { LedgerPanel } from '../features/network/ledger-panel';
import { LogInteractionForm } from '../features/network/log-interaction-form';
import { Referrals } from '../features/network/referrals';
import { Timeline } from '../features/network/timeline';
import { useContact } from '../features/network/use-contact';
import { useShortcut } from '../features/shell/shortcuts';
import { messageOf } from '../lib/api';
import { usePageTitle } from '../lib/use-page-title';
import '../features/network/contact-page.css';

type ToastState = { message: string; tone: 'success' | 'danger'; undo?: () => Promise<void> } | null;

function ContactPage({ contact, setContact }: { contact: ContactDto; setContact: (contact: ContactDto) => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [interactions, setInteractions] = useState<InteractionDto[] | null>(null);
  const [timelineError, setTimelineError] = useState<string | null>(null);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [toast, setToast] = useState<ToastState>(null);
  const [undoing, setUndoing] = useState(false);
  usePageTitle(contact.displayName);
  useShortcut('n', 'Log an interaction', () => document.getElementById('log-interaction')?.querySelector<HTMLElement>('select, input, textarea')?.focus());

  useEffect(() => {
    let current = true;
    setInteractions(null);
    contactsApi.interactions(contact.id).then(
      (items) => current && setInteractions(items),
      (cause: unknown) => current && setTimelineError(messageOf(cause)),
    );
    return () => {
      current = false;
    };
  }, [contact.id]);

  // A one-line notice handed over by the form ("Priya is in your network.").
  useEffect(() => {
    const notice = noticeFrom(location.state);
    if (!notice) return;
    setToast({ message: notice, tone: 'success' });
    void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  const say = (message: string, undo?: () => Promise<void>) => setToast({ message, tone: 'success', undo });

  function logged(interaction: InteractionDto, updated: ContactDto) {
    setInteractions((current) => [interaction, ...(current ?? [])]);
    setContact(updated);
    const due = nextDueWords(updated.nextDueAt);
    say(`Logged your ${KIND_LABELS[interaction.kind].toLowerCase()} with ${updated.firstName}.${updated.nextDueAt ? ` Next catch-up ${due.words}.` : ''}`);
  }

  async function removeInteraction(interaction: InteractionDto) {
    setRemovingId(interaction.id);
    try {
      const updated = await contactsApi.removeInteraction(contact.id, interaction.id);
      setInteractions((current) => (current ?? []).filter((item) => item.id !== interaction.id));
      setContact(updated);
      // Its Remove button is gone; the timeline's heading keeps the place.
      requestAnimationFrame(() => document.getElementById('timeline-title')?.focus());
      say(`Removed the ${KIND_LABELS[interaction.kind].toLowerCase()}.`, async () => {
        const again = await contactsApi.logInteraction(contact.id, { kind: interaction.kind, occurredAt: interaction.occurredAt, summary: interaction.summary });
        setInteractions((current) => [again.interaction, ...(current ?? [])]);
        setContact(again.contact);
        say(`The ${KIND_LABELS[interaction.kind].toLowerCase()} is back.`);
      });
    } catch (cause) {
      setToast({ message: `Could not remove it. ${messageOf(cause)}`, tone: 'danger' });
    } finally {
      setRemovingId(null);
    }
  }

  async function undo(run: () => Promise<void>) {
    setUndoing(true);
    try {
      await run();
    } catch (cause) {
      setToast({ message: `Could not undo. ${messageOf(cause)}`, tone: 'danger' });
    } finally {
      setUndoing(false);
    }
  }

  const role = roleAt(contact);
  return (
    <>
      <PageHeader
        eyebrow="Network"
        title={contact.displayName}
        description={
          <span className="contact-summary">
            {role ? <span className="contact-summary-role">{role}</span> : null}
            <span className="contact-badges">
              <Badge tone="accent">{CIRCLE_LABELS[contact.circle]}</Badge>
              <Badge>{STAGE_LABELS[contact.stage]}</Badge>
            </span>
          </span>
        }
        actions={
          <>
            <Link className="button button--secondary" to={`/network/${contact.id}/edit`}>
              Edit
            </Link>
            <Button variant="quiet" className="button--danger-text" onClick={() => setDeleting(true)}>
              Delete
            </Button>
          </>
        }
      />

      <KeepInTouch contact={contact} onChange={setContact} onMessage={(message) => say(message)} />
      <div className="contact-layout">
        <div className="contact-main">
          <section className="panel" id="log-interaction" aria-labelledby="log-interaction-title">
            <h2 id="log-interaction-title">Log an interaction</h2>
            <LogInteractionForm contact={contact} onLogged={logged} />
          </section>
          <section className="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title" tabIndex={-1}>
              Your story
            </h2>
            {timelineError ? <FormError message={timelineError} /> : null}
            <Timeline interactions={interactions} firstName={contact.firstName} busyId={removingId} onRemove={(interaction) => void removeInteraction(interaction)} />
          </section>
        </div>
        <div className="contact-side">
          <Panel title="Details">
            <ContactDetails contact={contact} />
          </Panel>
          <Panel title="Gives and asks" description="Networking works both ways: note what you did for them, and what you asked.">
            <LedgerPanel contact={contact} onCounts={(gives, asks) => setContact({ ...contact, gives, asks })} onMessage={say} />
          </Panel>
          <Panel title="Introductions">
            <Referrals contact={contact} />
          </Panel>
        </div>
      </div>

      <DeleteContactDialog contact={contact} open={deleting} onClose={() => setDeleting(false)} />
      <Toast
        message={toast?.message ?? null}
        tone={toast?.tone}
        onDismiss={() => setToast(null)}
        action={
          toast?.undo ? (
            <Button busy={undoing} onClick={() => void undo(toast.undo ?? (async () => undefined))}>
              {undoing ? 'Undoing…' : 'Undo'}
            </Button>
          ) : undefined
        }
      />
    </>
  );
}

export function NetworkContactRoute() {
  const { id = '' } = useParams();
  const { state, reload, set } = useContact(id);
  usePageTitle(state.status === 'ready' ? state.contact.displayName : 'Contact');
  if (state.status !== 'ready') return <ContactPending state={state} onRetry={() => void reload()} />;
  return <ContactPage key={state.contact.id} contact={state.contact} setContact={set} />;
}
