import { clearanceBody } from '../../../shared/contracts/appointments';
import { standingApi } from './appointments-api';
import { NoteDialog } from './note-dialog';

export type Student = { id: string; name: string };

type NoShowClearanceDialogProps = {
  student: Student | null;
  onClose: () => void;
  onCleared: (student: Student, clearedAt: string) => void;
};

/**
 * APPT-05 for staff (advisors and admins): records the meeting that lifts a student's no-show booking block.
 * Says what it does before it is done: earlier no-shows this term stop counting, later ones count again.
 */
export function NoShowClearanceDialog({ student, onClose, onCleared }: NoShowClearanceDialogProps) {
  return (
    <NoteDialog
      open={student !== null}
      onClose={onClose}
      title={student ? `Record your no-show meeting with ${student.name}?` : 'Record a no-show meeting?'}
      description={`Use this once you have talked with ${student?.name ?? 'the student'} about missed appointments. Their no-shows so far stop counting toward a notice, a warning or a booking block, so they can book again at once; a later no-show counts from one.`}
      label="Note (optional)"
      hint="What you agreed, for the office’s records. The student does not see it."
      contract={clearanceBody}
      field="note"
      keepLabel="Not yet"
      confirmLabel="Record meeting"
      busyLabel="Recording…"
      tone="primary"
      onConfirm={async (note) => {
        if (!student) return;
        const cleared = await standingApi.clearNoShows(student.id, note);
        onCleared(student, cleared.clearedAt);
      }}
    />
  );
}
