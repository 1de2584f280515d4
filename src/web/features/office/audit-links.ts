/** What a link to one student's audit trail carries: the id in the address, the name in the history entry. */
export type AuditLinkState = { studentName: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `<Link {...auditTrailLink(student)}>`: the audit page filtered to this student, named at once without a lookup. */
export function auditTrailLink(student: { id: string; name: string }): { to: string; state: AuditLinkState } {
  return { to: `/office/audit?studentId=${encodeURIComponent(student.id)}`, state: { studentName: student.name } };
}

/** The student's name a link brought along, if any (a typed-in address brings none). */
export function studentNameFrom(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('studentName' in state)) return null;
  return typeof state.studentName === 'string' && state.studentName !== '' ? state.studentName : null;
}

/** Whether `?studentId=` names an account at all (the server refuses anything else with a 400). */
export function isStudentId(value: string): boolean {
  return UUID.test(value);
}
