import { useRef, useState } from 'react';
import { CIRCLES, type BulkBody, type Circle } from '../../../shared/contracts/contacts';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { FormError } from '../../components/ui/form-error';
import { SelectField } from '../../components/ui/select-field';
import { TextField } from '../../components/ui/text-field';
import { messageOf } from '../../lib/api';
import { plural } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { contactsApi } from './contacts-api';
import { frequencyOptions, parseFrequency } from './frequency-options';
import { CIRCLE_LABELS, frequencyLabel } from './labels';

export type BulkKind = 'tag' | 'circle' | 'frequency' | 'delete';
/** What a finished bulk action reports: a sentence, and for a delete the ids to restore. */
export type BulkResult = { message: string; deletedIds?: string[] };

const CIRCLE_OPTIONS = CIRCLES.map((circle) => ({ value: circle, label: CIRCLE_LABELS[circle] }));

function isCircle(value: string): value is Circle {
  return (CIRCLES as readonly string[]).includes(value);
}

type FormProps = { ids: string[]; onDone: (result: BulkResult) => void; onCancel: () => void };

function Actions({ onCancel, submitting, label, busyLabel, variant = 'primary' }: { onCancel: () => void; submitting: boolean; label: string; busyLabel: string; variant?: 'primary' | 'danger' }) {
  return (
    <div className="button-row button-row--end">
      <Button onClick={onCancel} data-autofocus={variant === 'danger' ? true : undefined}>
        Cancel
      </Button>
      <Button type="submit" variant={variant} busy={submitting}>
        {submitting ? busyLabel : label}
      </Button>
    </div>
  );
}

function TagForm({ ids, onDone, onCancel }: FormProps) {
  // Two submit buttons: the one pressed is known before the submit event reads it.
  const actionRef = useRef<'tag' | 'untag'>('tag');
  const [action, setAction] = useState<'tag' | 'untag'>('tag');
  const choose = (next: 'tag' | 'untag') => {
    actionRef.current = next;
    setAction(next);
  };
  const form = useForm({
    initialValues: { tag: '' },
    validate: { tag: (value) => (value.trim() === '' ? 'Type the tag, for example “mentor”.' : value.trim().length > 40 ? 'Use at most 40 characters.' : null) },
    onSubmit: async ({ tag }) => {
      const clean = tag.trim().toLowerCase();
      const chosen = actionRef.current;
      const body: BulkBody = { action: chosen, ids, tag: clean };
      const affected = await contactsApi.bulk(body);
      onDone({ message: chosen === 'tag' ? `Tagged ${plural(affected, 'contact')} “${clean}”.` : `Removed “${clean}” from ${plural(affected, 'contact')}.` });
    },
  });
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit}>
      <TextField label="Tag" hint="One word or a short phrase; tags are saved in lower case." autoComplete="off" data-autofocus {...form.field('tag')} />
      <FormError message={form.formError} />
      <div className="button-row button-row--end">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" busy={form.submitting && action === 'untag'} onClick={() => choose('untag')}>
          Remove tag
        </Button>
        <Button type="submit" variant="primary" busy={form.submitting && action === 'tag'} onClick={() => choose('tag')}>
          Add tag
        </Button>
      </div>
    </form>
  );
}

function CircleForm({ ids, onDone, onCancel }: FormProps) {
  const form = useForm({
    initialValues: { circle: 'professional' },
    onSubmit: async ({ circle }) => {
      if (!isCircle(circle)) return;
      const affected = await contactsApi.bulk({ action: 'circle', ids, circle });
      onDone({ message: `Moved ${plural(affected, 'contact')} to ${CIRCLE_LABELS[circle]}.` });
    },
  });
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit}>
      <SelectField label="Circle" options={CIRCLE_OPTIONS} data-autofocus {...form.field('circle')} />
      <FormError message={form.formError} />
      <Actions onCancel={onCancel} submitting={form.submitting} label={`Move ${plural(ids.length, 'contact')}`} busyLabel="Moving…" />
    </form>
  );
}

function FrequencyForm({ ids, onDone, onCancel }: FormProps) {
  const form = useForm({
    initialValues: { frequency: '90' },
    onSubmit: async ({ frequency }) => {
      const keepInTouchDays = parseFrequency(frequency, 'professional');
      const affected = await contactsApi.bulk({ action: 'frequency', ids, keepInTouchDays });
      onDone({ message: `${plural(affected, 'contact')} now set to ${frequencyLabel(keepInTouchDays)}.` });
    },
  });
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit}>
      <SelectField label="Keep in touch" hint="Logging any interaction starts the count again." options={frequencyOptions()} data-autofocus {...form.field('frequency')} />
      <FormError message={form.formError} />
      <Actions onCancel={onCancel} submitting={form.submitting} label={`Set for ${plural(ids.length, 'contact')}`} busyLabel="Saving…" />
    </form>
  );
}

function DeleteForm({ ids, onDone, onCancel }: FormProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        contactsApi.bulk({ action: 'delete', ids }).then(
          (affected) => onDone({ message: `Deleted ${plural(affected, 'contact')}.`, deletedIds: ids }),
          (cause: unknown) => {
            setBusy(false);
            setError(messageOf(cause));
          },
        );
      }}
    >
      <FormError message={error} />
      <Actions onCancel={onCancel} submitting={busy} label={`Delete ${plural(ids.length, 'contact')}`} busyLabel="Deleting…" variant="danger" />
    </form>
  );
}

const TITLES: Record<BulkKind, (count: string) => { title: string; description: string }> = {
  tag: (count) => ({ title: `Tag ${count}`, description: 'Add a tag to everyone selected, or take one away.' }),
  circle: (count) => ({ title: `Move ${count} to another circle`, description: 'Their keep-in-touch frequency stays as it is.' }),
  frequency: (count) => ({ title: `Keep in touch with ${count}`, description: 'How often you would like to catch up with each of them.' }),
  delete: (count) => ({ title: `Delete ${count}?`, description: 'They leave your network with their history. You can undo this right after.' }),
};

/** The dialog of one bulk action on the selected contacts. */
export function BulkDialog({ kind, ids, onClose, onDone }: { kind: BulkKind | null; ids: string[]; onClose: () => void; onDone: (result: BulkResult) => void }) {
  const text = kind ? TITLES[kind](plural(ids.length, 'contact')) : { title: '', description: '' };
  const props = { ids, onDone, onCancel: onClose };
  return (
    <Dialog open={kind !== null} onClose={onClose} title={text.title} description={text.description}>
      {kind === 'tag' ? <TagForm {...props} /> : null}
      {kind === 'circle' ? <CircleForm {...props} /> : null}
      {kind === 'frequency' ? <FrequencyForm {...props} /> : null}
      {kind === 'delete' ? <DeleteForm {...props} /> : null}
    </Dialog>
  );
}
