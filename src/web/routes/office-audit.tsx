import { useEffect, useRef } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { AuditEventDto } from '../../shared/contracts/audit';
import { Button } from '../components/ui/button';
import { EmptyState } from '../components/ui/empty-state';
import { Notice } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { ListLoadError, ShowMore } from '../components/ui/paged-list';
import { auditApi } from '../features/office/audit-api';
import { WHAT_IS_RECORDED } from '../features/office/audit-labels';
import { auditTrailLink, isStudentId, studentNameFrom } from '../features/office/audit-links';
import { AuditTable } from '../features/office/audit-table';
import { StudentPicker } from '../features/office/student-picker';
import { useShortcut } from '../features/shell/shortcuts';
import { plural } from '../lib/format';
import { usePagedList } from '../lib/use-paged-list';
import { usePageTitle } from '../lib/use-page-title';

const VIEWER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Showing 25 entries, newest first; there are more." (the line above the list names the student, if any) */
function summary(count: number, more: boolean): string {
  return `Showing ${plural(count, 'entry', 'entries')}, newest first${more ? '; there are more.' : '.'}`;
}

/** "Who looked at which student's records, and when?" — the office's audit of staff access (ADR 014). */
export function OfficeAuditRoute() {
  usePageTitle('Audit');
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const asked = params.get('studentId');
  const studentId = asked !== null && isStudentId(asked) ? asked : null;
  const list = usePagedList<AuditEventDto>(`audit|${studentId ?? ''}`, (cursor) => auditApi.list({ studentId, cursor }));
  const studentName = studentId ? (studentNameFrom(location.state) ?? list.items.find((event) => event.student.id === studentId)?.student.name ?? null) : null;
  const searchRef = useRef<HTMLInputElement>(null);
  const filterRef = useRef<HTMLParagraphElement>(null);
  const shownFor = useRef(studentId);

  useShortcut('/', 'Find a student', () => searchRef.current?.focus());

  // The control that changed the filter (a match, a name in the list, "Show all") is gone or moved: say where we are.
  useEffect(() => {
    if (shownFor.current === studentId) return;
    shownFor.current = studentId;
    (studentId ? filterRef.current : searchRef.current)?.focus();
  }, [studentId]);

  const showAll = () => void navigate('/office/audit');
  const empty = list.status === 'ready' && list.items.length === 0;

  return (
    <>
      <PageHeader
        eyebrow="Office"
        title="Audit"
        description={`Who on the staff looked at or changed a student’s records, and when. Newest first, in your time zone (${VIEWER_ZONE}).`}
        actions={
          <Button busy={list.status === 'loading'} onClick={() => void list.reload()}>
            {list.status === 'loading' ? 'Refreshing…' : 'Refresh'}
          </Button>
        }
      />
      {asked !== null && studentId === null ? (
        <Notice tone="warning" title="That link does not name a student">
          <p>Everyone’s entries are shown instead. Find the student below, or open their trail from Office → Users.</p>
        </Notice>
      ) : null}
      <StudentPicker
        inputRef={searchRef}
        onChoose={(student) => {
          const link = auditTrailLink(student);
          void navigate(link.to, { state: link.state });
        }}
      />
      {studentId ? (
        <div className="audit-filter">
          <p ref={filterRef} tabIndex={-1}>
            {studentName ? (
              <>
                Showing only <strong>{studentName}</strong>’s records.
              </>
            ) : (
              'Showing only one student’s records.'
            )}
          </p>
          <Button onClick={showAll}>Show all students</Button>
        </div>
      ) : null}
      <ListLoadError list={list} />
      {/* Announces each new result; when there is nothing, the empty state below says so on screen. */}
      <p className={empty ? 'visually-hidden' : 'list-summary'} role="status">
        {list.status === 'loading' && list.items.length === 0
          ? 'Loading the audit trail…'
          : list.status === 'ready'
            ? list.items.length === 0
              ? 'Nothing recorded yet.'
              : summary(list.items.length, list.nextCursor !== null)
            : ''}
      </p>
      {empty ? (
        <EmptyState title={studentId ? `Nothing recorded for ${studentName ?? 'this student'} yet` : 'Nothing recorded yet'}>
          {WHAT_IS_RECORDED}
        </EmptyState>
      ) : null}
      {list.items.length > 0 ? (
        <div className={list.status === 'loading' ? 'table-busy' : undefined} aria-busy={list.status === 'loading' || undefined}>
          <AuditTable events={list.items} studentId={studentId} />
        </div>
      ) : null}
      <ShowMore list={list} />
      {list.items.length > 0 ? (
        <details className="audit-help">
          <summary>What gets recorded</summary>
          <p className="muted">{WHAT_IS_RECORDED}</p>
        </details>
      ) : null}
    </>
  );
}
