import { useEffect, useMemo, useState } from 'react';
import type { ExceptionDto } from '../../shared/contracts/advising';
import type { ReasonCodeDto } from '../../shared/contracts/reason-codes';
import { PageNotices } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { Panel } from '../components/ui/panel';
import { advisingApi, bookingApi } from '../features/appointments/appointments-api';
import { BookingRulesForm, type BookingRules } from '../features/appointments/booking-rules-form';
import { CalendarFeedPanel } from '../features/appointments/calendar-feed-panel';
import { ExceptionsPanel } from '../features/appointments/exceptions-panel';
import { OfferedCodesForm } from '../features/appointments/offered-codes-form';
import { WeeklyHoursForm } from '../features/appointments/weekly-hours-form';
import { browserTimeZone } from '../features/appointments/zoned-time';
import { messageOf } from '../lib/api';
import { useUnsavedChanges } from '../lib/use-unsaved-changes';
import { usePageTitle } from '../lib/use-page-title';
import '../features/appointments/appointments.css';

type SetUp = {
  timezone: string;
  weekly: { weekday: number; start: string; end: string }[];
  rules: BookingRules;
  calendarFeed: boolean;
  codes: ReasonCodeDto[];
  offered: string[];
  exceptions: ExceptionDto[];
};

async function loadSetUp(): Promise<SetUp> {
  const [availability, settings, codes, offered, exceptions] = await Promise.all([
    advisingApi.availability(),
    advisingApi.settings(),
    bookingApi.reasonCodes(),
    advisingApi.offeredCodes(),
    advisingApi.exceptions(),
  ]);
  return {
    // A new advisor has no zone yet: the browser's is the likely one, and saving the hours stores it.
    timezone: availability.timezone ?? settings.timezone ?? browserTimeZone(),
    weekly: availability.weekly,
    rules: settings,
    calendarFeed: settings.calendarFeed,
    codes,
    offered,
    exceptions,
  };
}

/** "When can students book me?": weekly hours in my zone, reasons offered, booking rules, exceptions, my calendar. */
export function AdvisorAvailabilityRoute() {
  usePageTitle('Availability');
  const [setUp, setSetUp] = useState<SetUp | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // Four forms on one page: leaving asks first while any of them holds something not saved.
  const [dirty, setDirty] = useState<Record<string, boolean>>({});
  const report = useMemo(() => {
    const on = (name: string) => (value: boolean) => setDirty((current) => (current[name] === value ? current : { ...current, [name]: value }));
    return { weekly: on('weekly'), codes: on('codes'), rules: on('rules'), exceptions: on('exceptions') };
  }, []);
  const leave = useUnsavedChanges(Object.values(dirty).some(Boolean));

  useEffect(() => {
    loadSetUp().then(setSetUp, (cause: unknown) => setError(messageOf(cause)));
  }, []);

  const update = (patch: Partial<SetUp>) => setSetUp((current) => (current ? { ...current, ...patch } : current));

  return (
    <>
      <PageHeader eyebrow="Advising" title="Availability" description="Students book the open times these settings create." />
      <PageNotices status={status ? { message: status } : null} error={error} loading={setUp === null} loadingLabel="Loading your hours…" />
      {setUp ? (
        <div className="stack-lg">
          <Panel title="Weekly hours" description="Wall-clock hours in your time zone; they follow daylight-saving changes. A range across midnight is two ranges.">
            <WeeklyHoursForm
              availability={setUp}
              onDirtyChange={report.weekly}
              onSaved={(saved, message) => {
                update(saved);
                setStatus(message);
              }}
            />
          </Panel>
          <Panel title="Reasons you offer" description="Students see your open times only for these.">
            <OfferedCodesForm codes={setUp.codes} offered={setUp.offered} onSaved={setStatus} onDirtyChange={report.codes} />
          </Panel>
          <Panel title="Booking rules" description="How close together and how far ahead students can book you.">
            <BookingRulesForm
              rules={setUp.rules}
              timezone={setUp.timezone}
              onDirtyChange={report.rules}
              onSaved={(rules) => {
                update({ rules });
                setStatus('Booking rules saved.');
              }}
            />
          </Panel>
          <Panel title="Exceptions" description="Days off and extra hours that change one date only.">
            <ExceptionsPanel initial={setUp.exceptions} onStatus={setStatus} onDirtyChange={report.exceptions} />
          </Panel>
          <CalendarFeedPanel
            enabled={setUp.calendarFeed}
            onChange={(calendarFeed, message) => {
              update({ calendarFeed });
              setStatus(message);
            }}
          />
        </div>
      ) : null}
      {leave.prompt}
    </>
  );
}
