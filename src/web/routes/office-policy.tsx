import { useEffect, useState, type FormEvent } from 'react';
import type { OfficePolicyDto } from '../../shared/contracts/reason-codes';
import { CANCELLATION_CUTOFFS, type CancellationCutoff } from '../../shared/domain/appointment-policy';
import { Button } from '../components/ui/button';
import { PageNotices } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { Panel } from '../components/ui/panel';
import { SelectField } from '../components/ui/select-field';
import { TextAreaField } from '../components/ui/text-area-field';
import { TextField } from '../components/ui/text-field';
import { CUTOFF_LABELS } from '../features/appointments/appointment-labels';
import { reasonCodesAdminApi } from '../features/appointments/appointments-api';
import { ignoreBlur } from '../features/appointments/plain-field';
import { ApiError, messageOf } from '../lib/api';
import { usePageTitle } from '../lib/use-page-title';
import '../features/appointments/appointments.css';

type Values = {
  timezone: string;
  cutoff: CancellationCutoff;
  documentLeadHours: string;
  noShowAfterMinutes: string;
  notice: string;
  warning: string;
  blocked: string;
  termCap: string;
  terms: string;
  holidays: string;
};

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
  };
}

/** "Name, 2026-01-12, 2026-05-08" per line → terms. */
function parseTerms(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const parts = line.split(',').map((part) => part.trim());
      return { name: parts.slice(0, -2).join(', '), startsOn: parts.at(-2) ?? '', endsOn: parts.at(-1) ?? '' };
    });
}

/** "Is the office set up?": the appointment policy, each rule explained beside its field. */
export function OfficePolicyRoute() {
  usePageTitle('Office policy');
  const [values, setValues] = useState<Values | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ tone: 'success' | 'danger'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    reasonCodesAdminApi.policy().then((policy) => setValues(toValues(policy)), (cause: unknown) => setError(messageOf(cause)));
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!values) return;
    setBusy(true);
    setStatus(null);
    try {
      const saved = await reasonCodesAdminApi.savePolicy({
        timezone: values.timezone,
        cancellationCutoff: values.cutoff,
        documentLeadHours: Number(values.documentLeadHours),
        noShowAfterMinutes: Number(values.noShowAfterMinutes),
        noShowLadder: { notice: Number(values.notice), warning: Number(values.warning), blocked: Number(values.blocked) },
        termCap: values.termCap.trim() === '' ? null : Number(values.termCap),
        terms: parseTerms(values.terms),
        holidays: values.holidays.split(/\s+/).filter(Boolean),
      });
      setValues(toValues(saved));
      setStatus({ tone: 'success', message: 'Office policy saved.' });
    } catch (cause) {
      const detail = cause instanceof ApiError && cause.issues.length > 0 ? ` ${cause.issues.map((issue) => `${issue.path}: ${issue.message}`).join(' ')}` : '';
      setStatus({ tone: 'danger', message: `${messageOf(cause)}${detail}` });
    } finally {
      setBusy(false);
    }
  }

  const set = (patch: Partial<Values>) => setValues((current) => (current ? { ...current, ...patch } : current));
  const number = (id: keyof Values, label: string, hint: string) =>
    values ? (
      <TextField id={`policy-${id}`} name={id} onBlur={ignoreBlur} label={label} hint={hint} type="number" min={0} value={values[id]} error={undefined} onChange={(event) => set({ [id]: event.target.value })} />
    ) : null;

  return (
    <>
      <PageHeader eyebrow="Office" title="Office policy" description="The rules every booking follows. Students see them explained when they apply." />
      <PageNotices status={status} error={error} loading={values === null} loadingLabel="Loading the policy…" />
      {values ? (
        <form className="stack-lg" onSubmit={(event) => void save(event)} noValidate>
          <Panel title="Cancelling and documents">
            <TextField id="policy-timezone" name="timezone" onBlur={ignoreBlur} label="Office time zone" hint="Business days, holidays and term dates are read in this zone." value={values.timezone} error={undefined} onChange={(event) => set({ timezone: event.target.value })} />
            <SelectField
              id="policy-cutoff"
              name="cutoff"
              onBlur={ignoreBlur}
              label="Cancellation cutoff"
              hint="Cancelling later than this before the start is recorded as a late cancellation; moving is no longer possible."
              value={values.cutoff}
              error={undefined}
              options={CANCELLATION_CUTOFFS.map((value) => ({ value, label: CUTOFF_LABELS[value] }))}
              onChange={(event) => set({ cutoff: event.target.value as CancellationCutoff })}
            />
            {number('documentLeadHours', 'Document lead time (hours)', 'A required document (a résumé) is due this long before the appointment.')}
          </Panel>
          <Panel title="No-shows and limits">
            {number('noShowAfterMinutes', 'No-show after (minutes)', 'A student who has not arrived this long after the start can be marked a no-show.')}
            <div className="form-row">
              {number('notice', 'Notice at', 'No-shows this term before a friendly notice.')}
              {number('warning', 'Warning at', 'No-shows before a warning.')}
              {number('blocked', 'Blocked at', 'No-shows before booking is blocked until a staff member clears it.')}
            </div>
            <TextField id="policy-termCap" name="termCap" onBlur={ignoreBlur} label="Appointments per term (optional)" hint="Leave empty for no limit." type="number" min={1} value={values.termCap} error={undefined} onChange={(event) => set({ termCap: event.target.value })} />
          </Panel>
          <Panel title="Calendar">
            <TextAreaField id="policy-terms" name="terms" onBlur={ignoreBlur} label="Terms" hint="One per line: name, first day, last day — e.g. Spring 2027, 2027-01-11, 2027-05-07." value={values.terms} error={undefined} onChange={(event) => set({ terms: event.target.value })} />
            <TextAreaField id="policy-holidays" name="holidays" onBlur={ignoreBlur} label="Holidays" hint="One date per line, like 2026-12-24. They do not count as business days." value={values.holidays} error={undefined} onChange={(event) => set({ holidays: event.target.value })} />
          </Panel>
          <div className="appt-actions">
            <Button type="submit" variant="primary" busy={busy}>
              {busy ? 'Saving…' : 'Save policy'}
            </Button>
          </div>
        </form>
      ) : null}
    </>
  );
}
