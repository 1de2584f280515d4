import { Link } from 'react-router';
import type { ContactDto } from '../../../shared/contracts/contacts';
import { Badge } from '../../components/ui/badge';
import { Checkbox } from '../../components/ui/checkbox';
import { Table } from '../../components/ui/table';
import { formatDate } from '../../lib/format';
import { lastContactWords, nextDueWords, type DueState } from './contact-time';
import { CIRCLE_LABELS, roleAt } from './labels';
import './network.css';

const DUE_TONE: Record<DueState['tone'], 'neutral' | 'warning' | 'danger' | null> = { none: null, later: 'neutral', soon: 'warning', overdue: 'danger' };

/** The next catch-up as a badge whose words carry the meaning: "overdue by 3 days", "due in 5 days". */
export function DueBadge({ nextDueAt, now }: { nextDueAt: string | null; now: Date }) {
  const due = nextDueWords(nextDueAt, now);
  const tone = DUE_TONE[due.tone];
  if (!tone || !nextDueAt) return <span className="muted">{due.words}</span>;
  return (
    <time dateTime={nextDueAt} title={formatDate(nextDueAt)}>
      <Badge tone={tone}>{due.words}</Badge>
    </time>
  );
}

type ContactTableProps = {
  contacts: ContactDto[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  showCircle: boolean;
  caption: string;
};

/** One row per person: who, role @ organisation, last contact and next catch-up in words, tags. */
export function ContactTable({ contacts, selected, onToggle, showCircle, caption }: ContactTableProps) {
  const now = new Date();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Selected</span>
          </th>
          <th scope="col">Name</th>
          <th scope="col">Last contact</th>
          <th scope="col">Next catch-up</th>
          <th scope="col">Tags</th>
        </tr>
      </thead>
      <tbody className="contact-rows">
        {contacts.map((contact) => {
          const role = roleAt(contact);
          return (
            <tr key={contact.id} data-contact-id={contact.id} className={selected.has(contact.id) ? 'row-selected' : undefined}>
              <td className="cell-select">
                <Checkbox label={`Select ${contact.displayName}`} hideLabel checked={selected.has(contact.id)} onChange={(event) => onToggle(contact.id, event.target.checked)} />
              </td>
              <th scope="row" className="cell-strong cell-wrap contact-name-cell">
                <Link to={`/network/${contact.id}`} className="contact-link">
                  {contact.displayName}
                </Link>
                {role || showCircle ? (
                  <span className="contact-meta">
                    {role}
                    {role && showCircle ? ' · ' : null}
                    {showCircle ? CIRCLE_LABELS[contact.circle] : null}
                  </span>
                ) : null}
              </th>
              <td className="cell-nowrap" data-label="Last contact">
                {contact.lastInteractionAt ? (
                  <time dateTime={contact.lastInteractionAt} title={formatDate(contact.lastInteractionAt)}>
                    {lastContactWords(contact.lastInteractionAt, now)}
                  </time>
                ) : (
                  <span className="muted">never</span>
                )}
              </td>
              <td className="cell-nowrap" data-label="Next catch-up">
                <DueBadge nextDueAt={contact.nextDueAt} now={now} />
              </td>
              <td className={contact.tags.length === 0 ? 'cell-empty' : undefined} data-label="Tags">
                {contact.tags.length > 0 ? (
                  <ul className="tag-list" aria-label="Tags">
                    {contact.tags.map((tag) => (
                      <li key={tag} className="tag">
                        {tag}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="visually-hidden">none</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
