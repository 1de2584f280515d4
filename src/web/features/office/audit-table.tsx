import { Link } from 'react-router';
import type { AuditEventDto } from '../../../shared/contracts/audit';
import { Badge } from '../../components/ui/badge';
import { Table } from '../../components/ui/table';
import { formatDateTime } from '../../lib/format';
import { ROLE_LABELS } from '../account/role-labels';
import { AUDIT_ACTION_LABELS, personName, targetLabel } from './audit-labels';
import { auditTrailLink } from './audit-links';
import './office.css';

type AuditTableProps = {
  events: AuditEventDto[];
  /** The student the list is narrowed to, if any: their name is then plain text instead of a link to their trail. */
  studentId: string | null;
};

function StudentCell({ student, studentId }: { student: AuditEventDto['student']; studentId: string | null }) {
  const name = personName(student);
  if (!student.id || !student.name || student.id === studentId) return <>{name}</>;
  return (
    <Link {...auditTrailLink({ id: student.id, name: student.name })}>
      {name}
      <span className="visually-hidden"> (show only their entries)</span>
    </Link>
  );
}

/** Staff access to students' records, newest first: when, who (and as what), what they did, whose records. */
export function AuditTable({ events, studentId }: AuditTableProps) {
  return (
    <Table caption="Staff access to students’ records, newest first">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Staff member</th>
          <th scope="col">What they did</th>
          <th scope="col">Student</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const target = targetLabel(event.target);
          return (
            <tr key={event.id} data-audit-id={event.id}>
              <th scope="row" className="cell-nowrap">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </th>
              <td className="cell-wrap" data-label="Staff member">
                {personName(event.actor)} <Badge tone={event.actor.role === 'admin' ? 'accent' : 'neutral'}>{ROLE_LABELS[event.actor.role]}</Badge>
              </td>
              <td data-label="What they did">
                {AUDIT_ACTION_LABELS[event.action]}
                {target ? <span className="audit-target">{target}</span> : null}
              </td>
              <td className="cell-wrap" data-label="Student">
                <StudentCell student={event.student} studentId={studentId} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
