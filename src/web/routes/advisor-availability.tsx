import { useEffect, useState, type FormEvent } from 'react';
import type { ExceptionDto, ExceptionKind } from '../../shared/contracts/advising';
import type { ReasonCodeDto } from '../../shared/contracts/reason-codes';
import { Button } from '../components/ui/button';
import { Checkbox } from '../components/ui/checkbox';
import { LiveStatus } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { Panel } from '../components/ui/panel';
import { SelectField } from '../components/ui/select-field';
import { TextField } from '../components/ui/text-field';
import { advisingApi, bookingApi } from '../features/appointments/appointments-api';
import { browserTimeZone } from '../features/appointments/zoned-time';
import { ApiError, messageOf } from '../lib/api';
import { usePageTitle } from '../lib/use-page-title';
import '../features/appointments/appointments.css';
import { ignoreBlur } from '../features/appointments/plain-field';

const WEEKDAYS = [
  { value: '1', label: 'Monday' },
  { value: '2', label: 'Tuesday' },
  { value: '3', label: 'Wednesday' },
  { value: '4', label: 'Thursday' },
  { value: '5', label: 'Friday' },
  { value: '6', label: 'Saturday' },
  { value: '7', label: 'Sunday' },
];

type Rule = { key: number; weekday: string; start: string; end: string };
type Status = { tone: 'success' | 'danger'; message: string } | null;
let nextKey = 1;

function issuesText(error: unknown): string {
  if (error instanceof ApiError && error.issues.length > 0) return `${error.message} ${error.issues.map((issue) => issue.message).join(' ')}`;
  return messageOf(error);
}

function WeeklyHours({ onStatus }: { onStatus: (status: Status) => void }) {
  const [timezone, setTimezone] = useState(browserTimeZone());
  const [rules, setRules] = useState<Rule[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    advisingApi.availability().then(
      (availability) => {
        if (availability.timezone) setTimezone(availability.timezone);
        setRules(availability.weekly.map((rule) => ({ key: nextKey++, weekday: String(rule.weekday), start: rule.start, end: rule.end })));
      },
      (cause: unknown) => onStatus({ tone: 'danger', message: messageOf(cause) }),
    );
  }, [onStatus]);

  const update = (key: number, patch: Partial<Rule>) => setRules((current) => current?.map((rule) => (rule.key === key ? { ...rule, ...patch } : rule)) ?? null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!rules) return;
    setBusy(true);
    try {
      const saved = await advisingApi.saveAvailability({ timezone, weekly: rules.map((rule) => ({ weekday: Number(rule.weekday), start: rule.start, end: rule.end })) });
      onStatus({ tone: 'success', message: `Weekly hours saved (${saved.weekly.length} ${saved.weekly.length === 1 ? 'range' : 'ranges'}, ${saved.timezone ?? timezone}).` });
    } catch (cause) {
      onStatus({ tone: 'danger', message: issuesText(cause) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel title="Weekly hours" description="Wall-clock hours in your time zone; they follow daylight-saving changes. A range across midnight is two ranges.">
      {rules === null ? (
        <p role="status">Loading your hours…</p>
      ) : (
        <form className="stack" onSubmit={(event) => void save(event)} noValidate>
          <TextField id="avail-zone" name="avail-zone" onBlur={ignoreBlur} label="Time zone" hint="An IANA name, like Europe/Berlin or America/New_York." value={timezone} error={undefined} onChange={(event) => setTimezone(event.target.value)} />
          {rules.length === 0 ? <p className="muted">No hours yet: add the times students can book.</p> : null}
          {rules.map((rule, index) => (
            <div key={rule.key} className="rule-row">
              <SelectField id={`rule-${rule.key}-day`} name={`rule-${rule.key}-day`} onBlur={ignoreBlur} label={`Day ${index + 1}`} value={rule.weekday} error={undefined} options={WEEKDAYS} onChange={(event) => update(rule.key, { weekday: event.target.value })} />
              <TextField id={`rule-${rule.key}-start`} name={`rule-${rule.key}-start`} onBlur={ignoreBlur} label="From" type="time" value={rule.start} error={undefined} onChange={(event) => update(rule.key, { start: event.target.value })} />
              <TextField id={`rule-${rule.key}-end`} name={`rule-${rule.key}-end`} onBlur={ignoreBlur} label="Until" type="time" value={rule.end} error={undefined} onChange={(event) => update(rule.key, { end: event.target.value })} />
              <Button variant="quiet" onClick={() => setRules(rules.filter((item) => item.key !== rule.key))}>
                Remove<span className="visually-hidden"> range {index + 1}</span>
              </Button>
            </div>
          ))}
          <div className="appt-actions">
            <Button onClick={() => setRules([...rules, { key: nextKey++, weekday: '1', start: '09:00', end: '17:00' }])}>Add hours</Button>
            <Button type="submit" variant="primary" busy={busy}>
              {busy ? 'Saving…' : 'Save weekly hours'}
            </Button>
          </div>
        </form>
      )}
    </Panel>
  );
}

function Settings({ onStatus }: { onStatus: (status: Status) => void }) {
  const [values, setValues] = useState<{ timezone: string; buffer: string; notice: string; horizon: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    advisingApi.settings().then(
      (settings) =>
        setValues({
          timezone: settings.timezone ?? browserTimeZone(),
          buffer: String(settings.bufferMinutes),
          notice: String(settings.minimumNoticeMinutes / 60),
          horizon: String(settings.horizonDays),
        }),
      (cause: unknown) => onStatus({ tone: 'danger', message: messageOf(cause) }),
    );
  }, [onStatus]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!values) return;
    setBusy(true);
    try {
      await advisingApi.saveSettings({
        timezone: values.timezone,
        bufferMinutes: Number(values.buffer),
        minimumNoticeMinutes: Math.round(Number(values.notice) * 60),
        horizonDays: Number(values.horizon),
      });
      onStatus({ tone: 'success', message: 'Booking rules saved.' });
    } catch (cause) {
      onStatus({ tone: 'danger', message: issuesText(cause) });
    } finally {
      setBusy(false);
    }
  }

  if (!values) return null;
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  return (
    <Panel title="Booking rules" description="How close together and how far ahead students can book you.">
      <form className="stack" onSubmit={(event) => void save(event)} noValidate>
        <div className="form-row">
          <TextField id="set-buffer" name="set-buffer" onBlur={ignoreBlur} label="Buffer (minutes)" hint="Kept free before and after each appointment." type="number" min={0} max={120} value={values.buffer} error={undefined} onChange={(event) => set({ buffer: event.target.value })} />
          <TextField id="set-notice" name="set-notice" onBlur={ignoreBlur} label="Minimum notice (hours)" hint="No one can book sooner than this." type="number" min={0} value={values.notice} error={undefined} onChange={(event) => set({ notice: event.target.value })} />
          <TextField id="set-horizon" name="set-horizon" onBlur={ignoreBlur} label="Horizon (days)" hint="How far ahead students can book." type="number" min={1} max={365} value={values.horizon} error={undefined} onChange={(event) => set({ horizon: event.target.value })} />
        </div>
        <div className="appt-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? 'Saving…' : 'Save booking rules'}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

function OfferedCodes({ onStatus }: { onStatus: (status: Status) => void }) {
  const [codes, setCodes] = useState<ReasonCodeDto[] | null>(null);
  const [offered, setOffered] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([bookingApi.reasonCodes(), advisingApi.offeredCodes()]).then(
      ([all, mine]) => {
        setCodes(all);
        setOffered(new Set(mine));
      },
      (cause: unknown) => onStatus({ tone: 'danger', message: messageOf(cause) }),
    );
  }, [onStatus]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const saved = await advisingApi.saveOfferedCodes([...offered]);
      onStatus({ tone: 'success', message: `You offer ${saved.length} ${saved.length === 1 ? 'reason' : 'reasons'}.` });
    } catch (cause) {
      onStatus({ tone: 'danger', message: issuesText(cause) });
    } finally {
      setBusy(false);
    }
  }

  if (!codes) return null;
  return (
    <Panel title="Reasons you offer" description="Students see your open times only for these.">
      <form className="stack" onSubmit={(event) => void save(event)}>
        <fieldset className="choice-list">
          <legend className="visually-hidden">Reasons you offer</legend>
          {codes.map((code) => (
            <Checkbox
              key={code.code}
              label={code.label}
              checked={offered.has(code.code)}
              onChange={(event) => {
                const next = new Set(offered);
                if (event.target.checked) next.add(code.code);
                else next.delete(code.code);
                setOffered(next);
              }}
            />
          ))}
        </fieldset>
        <div className="appt-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? 'Saving…' : 'Save reasons'}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

const EXCEPTION_OPTIONS: { value: ExceptionKind; label: string }[] = [
  { value: 'day_off', label: 'Day off' },
  { value: 'extra_hours', label: 'Extra hours' },
];

function describeException(item: ExceptionDto): string {
  if (item.kind === 'day_off') return `Day off on ${item.date ?? ''}`;
  if (item.kind === 'extra_hours') return `Extra hours on ${item.date ?? ''}, ${item.startTime ?? ''}–${item.endTime ?? ''}`;
  return `Time off from ${item.start ?? ''} to ${item.end ?? ''}`;
}

function Exceptions({ onStatus }: { onStatus: (status: Status) => void }) {
  const [items, setItems] = useState<ExceptionDto[] | null>(null);
  const [kind, setKind] = useState<ExceptionKind>('day_off');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('12:00');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    advisingApi.exceptions().then(setItems, (cause: unknown) => onStatus({ tone: 'danger', message: messageOf(cause) }));
  }, [onStatus]);

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const created = await advisingApi.addException(kind === 'extra_hours' ? { kind, date, start, end, note: '' } : { kind: 'day_off', date, note: '' });
      setItems([...(items ?? []), created]);
      onStatus({ tone: 'success', message: `${describeException(created)} added.` });
    } catch (cause) {
      onStatus({ tone: 'danger', message: issuesText(cause) });
    } finally {
      setBusy(false);
    }
  }

  async function remove(item: ExceptionDto) {
    try {
      await advisingApi.removeException(item.id);
      setItems((items ?? []).filter((other) => other.id !== item.id));
      onStatus({ tone: 'success', message: `${describeException(item)} removed.` });
    } catch (cause) {
      onStatus({ tone: 'danger', message: messageOf(cause) });
    }
  }

  return (
    <Panel title="Exceptions" description="Days off and extra hours that change one date only.">
      {items && items.length > 0 ? (
        <ul className="appt-list">
          {items.map((item) => (
            <li key={item.id} className="appt-card">
              <span>{describeException(item)}</span>
              <div className="appt-actions">
                <Button variant="quiet" onClick={() => void remove(item)}>
                  Remove<span className="visually-hidden"> {describeException(item)}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No exceptions planned.</p>
      )}
      <form className="stack" onSubmit={(event) => void add(event)} noValidate>
        <div className="form-row">
          <SelectField id="exc-kind" name="exc-kind" onBlur={ignoreBlur} label="Kind" value={kind} error={undefined} options={EXCEPTION_OPTIONS} onChange={(event) => setKind(event.target.value as ExceptionKind)} />
          <TextField id="exc-date" name="exc-date" onBlur={ignoreBlur} label="Date" type="date" value={date} error={undefined} onChange={(event) => setDate(event.target.value)} />
          {kind === 'extra_hours' ? (
            <>
              <TextField id="exc-start" name="exc-start" onBlur={ignoreBlur} label="From" type="time" value={start} error={undefined} onChange={(event) => setStart(event.target.value)} />
              <TextField id="exc-end" name="exc-end" onBlur={ignoreBlur} label="Until" type="time" value={end} error={undefined} onChange={(event) => setEnd(event.target.value)} />
            </>
          ) : null}
        </div>
        <div className="appt-actions">
          <Button type="submit" busy={busy}>
            {busy ? 'Adding…' : 'Add exception'}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

/** "When can students book me?": weekly hours in my zone, booking rules, reasons offered, exceptions. */
export function AdvisorAvailabilityRoute() {
  usePageTitle('Availability');
  const [status, setStatus] = useState<Status>(null);
  return (
    <>
      <PageHeader eyebrow="Advising" title="Availability" description="Students book the open times these settings create." />
      <LiveStatus message={status?.message ?? null} tone={status?.tone ?? 'success'} />
      <div className="stack-lg">
        <WeeklyHours onStatus={setStatus} />
        <OfferedCodes onStatus={setStatus} />
        <Settings onStatus={setStatus} />
        <Exceptions onStatus={setStatus} />
      </div>
    </>
  );
}
