import { cancelBody, type AgendaItemDto } from '../../../shared/contracts/appointments';
import { advisingApi } from './appointments-api';
import { NoteDialog } from './note-dialog';
import { formatTime, formatWhen } from './zoned-time';

type AdvisorCancelDialogProps = {
  item: AgendaItemDto | null;
  timeZone: string;
  onClose: () => void;
  onCancelled: (cancelled: AgendaItemDto) => void;
};

/** The advisor cancels for the student: names who and when, and says the student is emailed (and not penalised). */
export function AdvisorCancelDialog({ item, timeZone, onClose, onCancelled }: AdvisorCancelDialogProps) {
  const when = item ? `${formatWhen(item.start, timeZone)}–${formatTime(item.end, timeZone)}` : '';
  return (
    <NoteDialog
      open={item !== null}
      onClose={onClose}
      title={item ? `Cancel ${item.student.name}’s appointment?` : 'Cancel appointment?'}
      description={
        item
          ? `${item.reasonLabel}, ${when} (${timeZone}). We email ${item.student.name} at ${item.student.email} that you had to cancel and invite them to book another time. It does not count against them.`
          : ''
      }
      label="Reason (optional)"
      hint="Kept with the appointment for the office’s records; the email to the student does not include it."
      contract={cancelBody}
      field="reason"
      keepLabel="Keep appointment"
      confirmLabel="Cancel appointment"
      busyLabel="Cancelling…"
      tone="danger"
      onConfirm={async (reason) => {
        if (!item) return;
        onCancelled(await advisingApi.cancel(item.id, reason));
      }}
    />
  );
}
