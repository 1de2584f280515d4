import { INTERACTION_KINDS, type ContactDto, type InteractionDto, type InteractionKind } from '../../../shared/contracts/contacts';
import { FormActions } from '../../components/ui/form-actions';
import { SelectField } from '../../components/ui/select-field';
import { TextAreaField } from '../../components/ui/text-area-field';
import { TextField } from '../../components/ui/text-field';
import { useForm } from '../../lib/use-form';
import { contactsApi } from './contacts-api';
import { KIND_LABELS } from './labels';
import { fromLocalInput, toLocalInput } from './local-time';

const KIND_OPTIONS = INTERACTION_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));
const DAY_MS = 86_400_000;

function isKind(value: string): value is InteractionKind {
  return (INTERACTION_KINDS as readonly string[]).includes(value);
}

function checkWhen(value: string): string | null {
  const iso = fromLocalInput(value);
  if (!iso) return 'Pick the date and time it happened.';
  return new Date(iso).getTime() > Date.now() + DAY_MS ? 'Pick today or an earlier date; plans go in your calendar.' : null;
}

type LogInteractionFormProps = {
  contact: ContactDto;
  onLogged: (interaction: InteractionDto, contact: ContactDto) => void;
};

/** The contact page's main action: what happened, when (now unless you say otherwise), and a line about it. */
export function LogInteractionForm({ contact, onLogged }: LogInteractionFormProps) {
  const fresh = () => ({ kind: 'email', occurredAt: toLocalInput(new Date()), summary: '' });
  const form = useForm({
    initialValues: fresh(),
    validate: {
      kind: (value) => (isKind(value) ? null : 'Choose what kind of contact it was.'),
      occurredAt: checkWhen,
      summary: (value) => (value.length > 5000 ? 'Keep it under 5,000 characters; the rest can go in notes.' : null),
    },
    onSubmit: async ({ kind, occurredAt, summary }): Promise<void> => {
      const iso = fromLocalInput(occurredAt);
      if (!isKind(kind) || !iso) return;
      const result = await contactsApi.logInteraction(contact.id, { kind, occurredAt: iso, summary: summary.trim() });
      form.reset(fresh());
      onLogged(result.interaction, result.contact);
    },
  });
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit} aria-label={`Log an interaction with ${contact.displayName}`}>
      <div className="log-grid">
        <SelectField label="What happened" options={KIND_OPTIONS} {...form.field('kind')} />
        <TextField label="When" type="datetime-local" {...form.field('occurredAt')} />
      </div>
      <TextAreaField label="What you talked about" className="log-summary" rows={2} {...form.field('summary')} />
      <FormActions form={form} label="Log it" busyLabel="Logging…" />
    </form>
  );
}
