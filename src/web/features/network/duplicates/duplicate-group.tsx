import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { ContactDto } from '../../../../shared/contracts/contacts';
import type { DuplicateGroup, MergeChoosableField } from '../../../../shared/contracts/network-tools';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/form-error';
import { messageOf } from '../../../lib/api';
import { plural } from '../../../lib/format';
import { lastContactWords } from '../contact-time';
import { CIRCLE_LABELS, SOURCE_LABELS, STAGE_LABELS, frequencyLabel, roleAt } from '../labels';
import { toolsApi } from '../tools-api';
import { defaultChoices, differingFields, keptFirst, mergeSteps, type Choices } from './merge-plan';

export const REASON_LABELS: Record<DuplicateGroup['reason'], string> = {
  email: 'Same email',
  linkedin: 'Same LinkedIn profile',
  name_org: 'Same name at the same organisation',
};

const FIELD_LABELS: Record<MergeChoosableField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  circle: 'Circle',
  organization: 'Organisation',
  title: 'Role or title',
  field: 'Field',
  location: 'Location',
  stage: 'Stage',
  keepInTouchDays: 'Keep in touch',
  howMet: 'How you met',
  source: 'Found through',
};

function shown(contact: ContactDto, field: MergeChoosableField): string {
  switch (field) {
    case 'circle':
      return CIRCLE_LABELS[contact.circle];
    case 'stage':
      return STAGE_LABELS[contact.stage];
    case 'keepInTouchDays':
      return frequencyLabel(contact.keepInTouchDays);
    case 'source':
      return contact.source ? SOURCE_LABELS[contact.source] : '—';
    default:
      return contact[field] || '—';
  }
}

/** One group of people who look the same: side by side, a choice where they differ, and one Merge. */
export function DuplicateGroupCard({ group, onMerged }: { group: DuplicateGroup; onMerged: (kept: ContactDto, merged: number) => void }) {
  const prefix = useId();
  const contacts = keptFirst(group.contacts);
  const fields = differingFields(contacts);
  const [choices, setChoices] = useState<Choices>(() => defaultChoices(contacts));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kept = contacts[0];
  if (!kept) return null;

  async function merge() {
    if (!kept) return;
    setBusy(true);
    setError(null);
    try {
      let result: ContactDto = kept;
      for (const step of mergeSteps(contacts, choices)) result = await toolsApi.merge(kept.id, step.otherId, step.use);
      onMerged(result, contacts.length - 1);
    } catch (cause) {
      setBusy(false);
      setError(`The merge stopped. ${messageOf(cause)} Reload to see where it got to.`);
    }
  }

  const headingId = `${prefix}-title`;
  return (
    <section className="panel duplicate-group" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>
          {REASON_LABELS[group.reason]}: {kept.displayName}
        </h2>
        <p className="muted duplicate-key">{group.key}</p>
      </div>
      <div className="table-frame">
        <table className="table merge-table">
          <caption className="visually-hidden">{`The ${contacts.length} contacts side by side`}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Field</span>
              </th>
              {contacts.map((contact, index) => (
                <th key={contact.id} scope="col">
                  <Link to={`/network/${contact.id}`}>{contact.displayName}</Link>
                  <span className="merge-column-note">{index === 0 ? 'Kept (added first)' : `Added ${lastContactWords(contact.createdAt)}`}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Role</th>
              {contacts.map((contact) => (
                <td key={contact.id}>{roleAt(contact) ?? '—'}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Emails</th>
              {contacts.map((contact) => (
                <td key={contact.id} className="cell-wrap">
                  {contact.emails.join(', ') || '—'}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Last contact</th>
              {contacts.map((contact) => (
                <td key={contact.id}>{lastContactWords(contact.lastInteractionAt)}</td>
              ))}
            </tr>
            {fields.map((field) => (
              <tr key={field} className="merge-choice-row">
                <th scope="row" id={`${prefix}-${field}`}>
                  {FIELD_LABELS[field]}
                </th>
                {contacts.map((contact, index) => (
                  <td key={contact.id}>
                    <label className="merge-choice">
                      <input
                        type="radio"
                        name={`${prefix}-${field}`}
                        checked={choices[field] === index}
                        onChange={() => setChoices((current) => ({ ...current, [field]: index }))}
                      />
                      <span>{shown(contact, field)}</span>
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {fields.length > 0 ? 'Pick the value to keep where they differ. ' : ''}Emails, phones, links, tags, notes, the timeline and gives and asks of
        everyone are kept together.
      </p>
      <FormError message={error} />
      <div className="button-row">
        <Button variant="primary" busy={busy} onClick={() => void merge()}>
          {busy ? 'Merging…' : `Merge ${plural(contacts.length, 'contact')} into one`}
        </Button>
      </div>
    </section>
  );
}
