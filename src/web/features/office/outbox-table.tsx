import type { MailDto } from '../../../shared/contracts/admin';
import { Table } from '../../components/ui/table';
import { formatDateTime, humanize } from '../../lib/format';
import { MailStatus } from './mail-status';
import './office.css';

/** The outbox, newest first; the subject opens the whole message. */
export function OutboxTable({ mails, onOpen }: { mails: MailDto[]; onOpen: (mail: MailDto) => void }) {
  return (
    <Table caption="Messages, newest first">
      <thead>
        <tr>
          <th scope="col">Subject</th>
          <th scope="col">To</th>
          <th scope="col">Kind</th>
          <th scope="col">Status</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {mails.map((mail) => (
          <tr key={mail.id}>
            <th scope="row">
              <button type="button" className="link-button" onClick={() => onOpen(mail)}>
                {mail.subject}
              </button>
            </th>
            <td className="cell-wrap" data-label="To">
              {mail.to}
            </td>
            <td data-label="Kind">{humanize(mail.kind)}</td>
            <td data-label="Status">
              <MailStatus status={mail.status} />
            </td>
            <td className="cell-nowrap" data-label="Created">
              <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
