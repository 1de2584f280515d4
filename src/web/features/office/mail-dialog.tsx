import type { MailDto } from '../../../shared/contracts/admin';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { FormError } from '../../components/ui/form-error';
import { formatDateTime, humanize } from '../../lib/format';
import { useDialogAction } from '../../lib/use-dialog-action';
import { CopyLinks } from './copy-links';
import { MailStatus } from './mail-status';
import { outboxApi } from './outbox-api';

type MailDialogProps = { mail: MailDto | null; onClose: () => void; onRetried: (mail: MailDto) => void };

/** One message in full: headers, attachments, the text exactly as sent, and Retry when it failed. */
export function MailDialog({ mail, onClose, onRetried }: MailDialogProps) {
  const { busy, error, run, close } = useDialogAction(onClose);
  const retry = (target: MailDto) =>
    run(async () => {
      await outboxApi.retry(target.id);
      onRetried(target);
    });
  return (
    <Dialog open={mail !== null} onClose={close} title={mail?.subject ?? 'Message'} size="large">
      {mail ? (
        <>
          <dl className="mail-meta">
            <dt>To</dt>
            <dd>{mail.to}</dd>
            <dt>Kind</dt>
            <dd>{humanize(mail.kind)}</dd>
            <dt>Status</dt>
            <dd>
              <MailStatus status={mail.status} />
            </dd>
            <dt>Created</dt>
            <dd>{formatDateTime(mail.createdAt)}</dd>
            {mail.sentAt ? (
              <>
                <dt>Sent</dt>
                <dd>{formatDateTime(mail.sentAt)}</dd>
              </>
            ) : null}
            {mail.attempts > 0 ? (
              <>
                <dt>Attempts</dt>
                <dd>{mail.attempts}</dd>
              </>
            ) : null}
            {mail.lastError ? (
              <>
                <dt>Last error</dt>
                <dd>{mail.lastError}</dd>
              </>
            ) : null}
          </dl>
          {mail.attachments.length > 0 ? (
            <div>
              <h3>Attachments</h3>
              <ul className="attachment-list">
                {mail.attachments.map((attachment) => (
                  <li key={attachment.filename}>
                    {attachment.filename} <span className="muted">({attachment.contentType})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <pre className="mail-text" tabIndex={0} role="region" aria-label="Message text" data-testid="mail-text">
            {mail.text}
          </pre>
          <CopyLinks text={mail.text} />
          <FormError message={error} />
          <div className="button-row button-row--end">
            {mail.status === 'failed' ? (
              <Button variant="primary" busy={busy} onClick={() => void retry(mail)}>
                {busy ? 'Retrying…' : 'Retry'}
              </Button>
            ) : null}
            <Button data-autofocus onClick={close}>
              Close
            </Button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
