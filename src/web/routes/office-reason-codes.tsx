import { useEffect, useState } from 'react';
import { Badge } from '../components/ui/badge';
import { Button } from '../components/ui/button';
import { PageNotices } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { Table } from '../components/ui/table';
import { DOCUMENT_LABELS, MODE_LABELS } from '../features/appointments/appointment-labels';
import { reasonCodesAdminApi } from '../features/appointments/appointments-api';
import { ReasonCodeDialog, type AdminReasonCode } from '../features/office/reason-code-dialog';
import { messageOf } from '../lib/api';
import { usePageTitle } from '../lib/use-page-title';
import '../features/office/office.css';

type Status = { tone: 'success' | 'danger'; message: string } | null;

/** "Is the office set up?": every reason students can book for, with edit and retire. */
export function OfficeReasonCodesRoute() {
  usePageTitle('Reason codes');
  const [codes, setCodes] = useState<AdminReasonCode[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AdminReasonCode | null>(null);
  const [busyCode, setBusyCode] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    reasonCodesAdminApi.list().then(setCodes, (cause: unknown) => setError(messageOf(cause)));
  }, []);

  const replace = (code: AdminReasonCode) => setCodes((current) => current?.map((item) => (item.code === code.code ? code : item)) ?? null);

  async function toggle(code: AdminReasonCode) {
    setBusyCode(code.code);
    setStatus(null);
    try {
      const saved = await reasonCodesAdminApi.update(code.code, { active: !code.active });
      replace(saved);
      setStatus({ tone: 'success', message: saved.active ? `${saved.label} is offered again.` : `${saved.label} is retired: students no longer see it; booked appointments stay.` });
    } catch (cause) {
      setStatus({ tone: 'danger', message: messageOf(cause) });
    } finally {
      setBusyCode(null);
    }
  }

  return (
    <>
      <PageHeader eyebrow="Office" title="Reason codes" description="What students can book an advisor for. The description helps them choose; retire a code instead of deleting it." />
      <PageNotices status={status} error={error} loading={codes === null} loadingLabel="Loading reason codes…" />
      {codes ? (
        <Table caption={`${codes.length} reason codes`}>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Code</th>
              <th scope="col">Default length</th>
              <th scope="col">Modes</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {codes.map((code) => (
              <tr key={code.code} data-code={code.code}>
                <th scope="row" className="cell-strong cell-wrap">
                  {code.label}
                  {code.needsDocument ? <span className="row-note"> · needs {DOCUMENT_LABELS[code.needsDocument]}</span> : null}
                </th>
                <td className="cell-wrap" data-label="Code">
                  <code>{code.code}</code>
                </td>
                <td data-label="Default length">{code.defaultMinutes} min</td>
                <td className="cell-wrap" data-label="Modes">
                  {code.modes.map((mode) => MODE_LABELS[mode]).join(', ')}
                </td>
                <td data-label="Status">{code.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Retired</Badge>}</td>
                <td className="cell-actions">
                  <Button variant="quiet" onClick={() => setEditing(code)}>
                    Edit<span className="visually-hidden"> {code.label}</span>
                  </Button>
                  <Button variant="quiet" className={code.active ? 'button--danger-text' : undefined} busy={busyCode === code.code} onClick={() => void toggle(code)}>
                    {code.active ? 'Retire' : 'Reactivate'}
                    <span className="visually-hidden"> {code.label}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <ReasonCodeDialog
        code={editing}
        onClose={() => setEditing(null)}
        onSaved={(code) => {
          setEditing(null);
          replace(code);
          setStatus({ tone: 'success', message: `${code.label} saved.` });
        }}
      />
    </>
  );
}
