import { CIRCLES, SOURCES, STAGES, type Circle, type ContactDto } from '../../../shared/contracts/contacts';
import { defaultKeepInTouchDays } from '../../../shared/domain/cadence';
import { Button } from '../../components/ui/button';
import { FormError } from '../../components/ui/form-error';
import { ListField } from '../../components/ui/list-field';
import { Panel } from '../../components/ui/panel';
import { SelectField } from '../../components/ui/select-field';
import { TagField } from '../../components/ui/tag-field';
import { TextAreaField } from '../../components/ui/text-area-field';
import { TextField } from '../../components/ui/text-field';
import { useForm } from '../../lib/use-form';
import { useUnsavedChanges } from '../../lib/use-unsaved-changes';
import { circleOf, contactChecks, toContactBody, type ContactFormValues } from './contact-form-values';
import { frequencyOptionsWithDefault } from './frequency-options';
import { CIRCLE_LABELS, SOURCE_LABELS, STAGE_LABELS, circleDefaultLabel } from './labels';
import { ReferrerPicker } from './referrer-picker';
import './contact-form.css';

const CIRCLE_OPTIONS = CIRCLES.map((circle) => ({ value: circle, label: CIRCLE_LABELS[circle] }));
const STAGE_OPTIONS = STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }));
const SOURCE_OPTIONS = [{ value: '', label: 'Not set' }, ...SOURCES.map((source) => ({ value: source, label: SOURCE_LABELS[source] }))];

type ContactFormProps = {
  initialValues: ContactFormValues;
  /** The contact being edited; absent when adding someone. */
  contact?: ContactDto;
  submitLabel: string;
  onSave: (body: ReturnType<typeof toContactBody>) => Promise<ContactDto>;
  onSaved: (contact: ContactDto) => void;
  onCancel: () => void;
};

function circleHint(circle: Circle): string {
  const start = defaultKeepInTouchDays(circle) === null
    ? `${CIRCLE_LABELS[circle]} contacts have no catch-up reminder until you choose one.`
    : `${CIRCLE_LABELS[circle]} contacts start at ${circleDefaultLabel(circle)}.`;
  return `${start} Logging any interaction starts the count again.`;
}

/** Add or edit a contact: inline checks as you type, the server's issues on their fields, and a guard on leaving. */
export function ContactForm({ initialValues, contact, submitLabel, onSave, onSaved, onCancel }: ContactFormProps) {
  const form = useForm<ContactFormValues>({
    initialValues,
    validate: contactChecks,
    onSubmit: async (values) => {
      const saved = await onSave(toContactBody(values, contact === undefined));
      leave.allowLeave();
      onSaved(saved);
    },
  });
  const leave = useUnsavedChanges(form.dirty && !form.submitting);
  const circle = circleOf(form.values);

  return (
    <form className="contact-form" noValidate onSubmit={form.handleSubmit}>
      <Panel title="Who they are">
        <div className="form-grid">
          <TextField label="First name" autoComplete="off" required {...form.field('firstName')} />
          <TextField label="Last name" autoComplete="off" {...form.field('lastName')} />
          <TextField label="Organisation" autoComplete="off" {...form.field('organization')} />
          <TextField label="Role or title" autoComplete="off" {...form.field('title')} />
          <TextField label="Field or industry" autoComplete="off" {...form.field('field')} />
          <TextField label="Location" autoComplete="off" {...form.field('location')} />
        </div>
      </Panel>

      <Panel title="How to reach them">
        <div className="form-grid">
          <ListField list={form.list('emails')} label="Emails" itemLabel="Email" input={{ type: 'email', inputMode: 'email', autoCapitalize: 'none', autoComplete: 'off' }} />
          <ListField list={form.list('phones')} label="Phones" itemLabel="Phone" input={{ type: 'tel', inputMode: 'tel', autoComplete: 'off' }} />
          <TextField label="LinkedIn profile" type="url" inputMode="url" autoCapitalize="none" autoComplete="off" {...form.field('linkedinUrl')} />
          <ListField list={form.list('links')} label="Other links" itemLabel="Link" hint="A portfolio, a personal site, an article by them." input={{ type: 'url', inputMode: 'url', autoCapitalize: 'none', autoComplete: 'off' }} />
        </div>
      </Panel>

      <Panel title="How you know them">
        <div className="form-grid">
          <SelectField label="Circle" options={CIRCLE_OPTIONS} {...form.field('circle')} />
          <SelectField label="Stage" options={STAGE_OPTIONS} hint="Logging a call or meeting moves this forward for you." {...form.field('stage')} />
          <TextField label="How you met" hint="“Career fair, Oct 2026 — the data-science booth”" autoComplete="off" {...form.field('howMet')} />
          <SelectField label="Where you found them" options={SOURCE_OPTIONS} {...form.field('source')} />
          <ReferrerPicker
            id={form.idOf('referredById')}
            label="Referred by"
            hint="Someone in your network who introduced you."
            value={form.values.referredById}
            onChange={(id) => form.setValue('referredById', id)}
            excludeId={contact?.id}
            error={form.errorOf('referredById')}
          />
          <TagField list={form.list('tags')} label="Tags" hint="Press Enter or a comma after each, like “mentor” or “data science”." />
        </div>
        <TextAreaField label="Notes" hint="What you talked about, what they care about, what you promised." rows={5} {...form.field('notes')} />
      </Panel>

      <Panel title="Keeping in touch">
        <SelectField
          label="Remind me to catch up"
          hint={circleHint(circle)}
          options={frequencyOptionsWithDefault(circle, contact?.keepInTouchDays)}
          {...form.field('keepInTouchDays')}
        />
      </Panel>

      <FormError message={form.formError} />
      <div className="button-row form-actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {form.submitting ? 'Saving…' : submitLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      {leave.prompt}
    </form>
  );
}
