import type { InteractionDto } from '../../../shared/contracts/contacts';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { formatDateTime } from '../../lib/format';
import { lastContactWords } from './contact-time';
import { KIND_LABELS } from './labels';

type TimelineProps = {
  interactions: InteractionDto[] | null;
  firstName: string;
  busyId: string | null;
  onRemove: (interaction: InteractionDto) => void;
};

/** Everything logged with this person, newest first. */
export function Timeline({ interactions, firstName, busyId, onRemove }: TimelineProps) {
  if (interactions === null) {
    return (
      <p className="list-summary" role="status">
        Loading your story…
      </p>
    );
  }
  if (interactions.length === 0) {
    return <EmptyState title="Nothing logged yet">Log your first email, call or coffee with {firstName} above — the keep-in-touch reminder counts from there.</EmptyState>;
  }
  const now = new Date();
  const sorted = [...interactions].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <ol className="timeline" aria-label="Interactions, newest first">
      {sorted.map((interaction) => (
        <li key={interaction.id} className="timeline-item" data-interaction-id={interaction.id}>
          <div className="timeline-head">
            <span className="timeline-kind">{KIND_LABELS[interaction.kind]}</span>
            <time dateTime={interaction.occurredAt} className="timeline-when">
              {formatDateTime(interaction.occurredAt)} · {lastContactWords(interaction.occurredAt, now)}
            </time>
            <Button variant="quiet" className="button--danger-text timeline-remove" busy={busyId === interaction.id} onClick={() => onRemove(interaction)}>
              Remove<span className="visually-hidden">{` the ${KIND_LABELS[interaction.kind].toLowerCase()} of ${formatDateTime(interaction.occurredAt)}`}</span>
            </Button>
          </div>
          {interaction.summary ? <p className="timeline-summary">{interaction.summary}</p> : null}
        </li>
      ))}
    </ol>
  );
}
