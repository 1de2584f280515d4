import { useEffect, useState } from 'react';
import type { FieldIssue } from '../../shared/contracts/errors';
import { officePolicyBody, type OfficePolicyDto } from '../../shared/contracts/reason-codes';
import { CANCELLATION_CUTOFFS } from '../../shared/domain/appointment-policy';
import { Checkbox } from '../components/ui/checkbox';
import { ErrorSummary } from '../components/ui/error-summary';
import { FormActions } from '../components/ui/form-actions';
import { PageNotices } from '../components/ui/notice';
import { NumberField } from '../components/ui/number-field';
import { PageHeader } from '../components/ui/page-header';
import { Panel } from '../components/ui/panel';
import { SelectField } from '../components/ui/select-field';
import { TextAreaField } from '../components/ui/text-area-field';
import { CUTOFF_LABELS } from '../features/appointments/appointment-labels';
import { reasonCodesAdminApi } from '../features/appointments/appointments-api';
import { TimeZoneField } from '../features/appointments/time-zone-field';
import { messageOf } from '../lib/api';
import { contractIssues, toNumber } from '../lib/contract-check';
import { useForm } from '../lib/use-form';
import { useUnsavedChanges } from '../lib/use-unsaved-changes';
import { usePageTitle } from '../lib/use-page-title';
import '../features/appointments/appointments.css';

type Values = {
  timezone: string;
  cutoff: string;
  documentLeadHours: string;
  noShowAfterMinutes: string;
  notice: string;
  warning: string;
  blocked: string;
  termCap: string;
  terms: string;
  holidays: string;
  /** 'true' or 'false': the checkbox, as the form's text values keep it. */
  advisorsMayBook: string;
};

const shape = officePolicyBody.shape;
const ladder = shape.noShowLadder.shape;

function toValues(policy: OfficePolicyDto): Values {
  return {
    timezone: policy.timezone,
    cutoff: policy.cancellationCutoff,
    documentLeadHours: String(policy.documentLeadHours),
    noShowAfterMinutes: String(policy.noShowAfterMinutes),
    notice: String(policy.noShowLadder.notice),
    warning: String(policy.noShowLadder.warning),
    blocked: String(policy.noShowLadder.blocked),
    termCap: policy.termCap === null ? '' : String(policy.termCap),
    terms: policy.terms.map((term) => `${term.name}, ${term.startsOn}, ${term.endsOn}`).join('\n'),
    holidays: policy.holidays.join('\n'),
    advisorsMayBook: String(policy.advisorsMayBook),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** "Name, 2026-01-12, 2026-05-08" per line → terms. */
function parseTerms(text: string) {
  return lines(text).map((line) => {
    const parts = line.split(',').map((part) => part.trim());
    return { name: parts.length > 2 ? parts.slice(0, -2).join(', ') : '', startsOn: parts.at(-2) ?? '', endsOn: parts.at(-1) ?? '' };
  });
}

const parseHolidays = (text: string) => text.split(/[\s,]+/).filter(Boolean);

function toBody(values: Values) {
  return {
    timezone: values.timezone,
    cancellationCutoff: values.cutoff,
    documentLeadHours: toNumber(values.documentLeadHours),
    noShowAfterMinutes: toNumber(values.noShowAfterMinutes),
    noShowLadder: { notice: toNumber(values.notice), warning: toNumber(values.warning), blocked: toNumber(values.blocked) },
    termCap: values.termCap.trim() === '' ? null : toNumber(values.termCap),
    terms: parseTerms(values.terms),
    holidays: parseHolidays(values.holidays),
    advisorsMayBook: values.advisorsMayBook === 'true',
  };
}

/** The contract's paths as this form's fields; a term or holiday issue says which line or date it is about. */
function placeIssue(issue: FieldIssue, values: Values): FieldIssue | undefined {
  const [head, index, key] = issue.path.split('.');
  const at = Number(index);
  if (head === 'cancellationCutoff') return { ...issue, path: 'cutoff' };
  if (head === 'noShowLadder') {
    return index ? { ...issue, path: index } : { path: 'warning', message: 'Keep the steps in order: notice at or before warning, warning at or before blocked.' };
  }
  if (head === 'terms' && Number.isInteger(at)) {
    const what = key === 'name' ? 'start with the term’s name, then its first and last day' : issue.message.replace(/\.$/, '').toLowerCase();
    return { path: 'terms', message: `Line ${at + 1}: ${what}.` };
  }
  if (head === 'holidays' && Number.isInteger(at)) return { path: 'holidays', message: `“${parseHolidays(values.holidays)[at] ?? ''}”: ${issue.message}` };
  return undefined;
}

/** "1st no-show: a notice · 2nd: a warning · 3rd: booking blocked" for the numbers as typed. */
function ladderPreview(values: Values): string {
  const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;
  const steps = [
    [toNumber(values.notice), 'a friendly notice'],
    [toNumber(values.warning), 'a warning'],
    [toNumber(values.blocked), 'booking blocked until a staff meeting'],
  ] as const;
  if (steps.some(([n]) => !Number.isInteger(n) || n < 1)) return 'Each step takes a number of no-shows in a term, from 1 to 20.';
  return `In a term: ${steps.map(([n, what]) => `${ordinal(n)} no-show → ${what}`).join(' · ')}.`;
}

function PolicyForm({ policy, onSaved }: { policy: OfficePolicyDto; onSaved: (policy: OfficePolicyDto) => void }) {
  const form = useForm<Values>({
    initialValues: toValues(policy),
    validate: {
      timezone: (value) => (value.trim() === '' ? 'Enter the office’s time zone, like America/New_York.' : null),
    },
    check: (values) => contractIssues(officePolicyBody, toBody(values)),
    placeIssue,
    onSubmit: async (values) => {
      const saved = await reasonCodesAdminApi.savePolicy(officePolicyBody.parse(toBody(values)));
      form.reset(toValues(saved));
      onSaved(saved);
    },
  });

  const leave = useUnsavedChanges(form.dirty && !form.submitting);

  return (
    <form className="stack-lg" onSubmit={form.handleSubmit} noValidate aria-label="Office policy">
      <ErrorSummary {...form.summary} />
      <Panel title="Cancelling and documents">
        <TimeZoneField
          label="Office time zone"
          hint="Business days, holidays and term dates are read in this zone."
          onUse={(zone) => form.setValue('timezone', zone)}
          {...form.field('timezone')}
        />
        <SelectField
          label="Cancellation cutoff"
          hint="Cancelling later than this before the start is recorded as a late cancellation; moving is no longer possible."
          options={CANCELLATION_CUTOFFS.map((value) => ({ value, label: CUTOFF_LABELS[value] }))}
          {...form.field('cutoff')}
        />
        <NumberField
          label="Document lead time (hours)"
          hint="A required document (a résumé) is due this long before the appointment."
          range={shape.documentLeadHours}
          {...form.field('documentLeadHours')}
        />
      </Panel>
      <Panel title="No-shows and limits">
        <NumberField
          label="No-show after (minutes)"
          hint="A student who has not arrived this long after the start can be marked a no-show."
          range={shape.noShowAfterMinutes}
          {...form.field('noShowAfterMinutes')}
        />
        <fieldset className="ladder">
          <legend className="field-label">No-show ladder</legend>
          <div className="form-row">
            <NumberField label="Notice at" hint="No-shows this term before a friendly notice." range={ladder.notice} {...form.field('notice')} />
            <NumberField label="Warning at" hint="No-shows before a warning." range={ladder.warning} {...form.field('warning')} />
            <NumberField label="Blocked at" hint="No-shows before booking is blocked until a staff member clears it." range={ladder.blocked} {...form.field('blocked')} />
          </div>
          <p className="muted" aria-live="polite">
            {ladderPreview(form.values)}
          </p>
        </fieldset>
        <NumberField label="Appointments per term (optional)" hint="Leave empty for no limit." range={shape.termCap.unwrap()} {...form.field('termCap')} />
      </Panel>
      <Panel title="Booking by advisors">
        <div className="field">
          <Checkbox
            label="Advisors may book for students"
            checked={form.values.advisorsMayBook === 'true'}
            aria-describedby="advisors-may-book-hint"
            onChange={(event) => form.setValue('advisorsMayBook', String(event.target.checked))}
          />
          <p className="field-hint" id="advisors-may-book-hint">
            An advisor can then book a student into one of their own open times from the agenda; the student is emailed, and adds any document themselves.
          </p>
        </div>
      </Panel>
      <Panel title="Calendar">
        <TextAreaField
          label="Terms"
          hint="One per line: name, first day, last day — e.g. Spring 2027, 2027-01-11, 2027-05-07."
          {...form.field('terms')}
        />
        <TextAreaField label="Holidays" hint="One date per line, like 2026-12-24. They do not count as business days." {...form.field('holidays')} />
      </Panel>
      <FormActions form={form} className="appt-actions" label="Save policy" busyLabel="Saving…" />
      {leave.prompt}
    </form>
  );
}

/** "Is the office set up?": the appointment policy, each rule explained beside its field. */
export function OfficePolicyRoute() {
  usePageTitle('Office policy');
  const [policy, setPolicy] = useState<OfficePolicyDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    reasonCodesAdminApi.policy().then(setPolicy, (cause: unknown) => setError(messageOf(cause)));
  }, []);

  return (
    <>
      <PageHeader eyebrow="Office" title="Office policy" description="The rules every booking follows. Students see them explained when they apply." />
      <PageNotices status={status ? { message: status } : null} error={error} loading={policy === null} loadingLabel="Loading the policy…" />
      {policy ? (
        <PolicyForm
          policy={policy}
          onSaved={(saved) => {
            setPolicy(saved);
            setStatus('Office policy saved.');
          }}
        />
      ) : null}
    </>
  );
}
