import { useState } from 'react';
import type { MailDto } from '../../shared/contracts/admin';
import { Button } from '../components/ui/button';
import { EmptyState } from '../components/ui/empty-state';
import { LiveStatus, Notice } from '../components/ui/notice';
import { PageHeader } from '../components/ui/page-header';
import { ListLoadError, ShowMore } from '../components/ui/paged-list';
import { MailDialog } from '../features/office/mail-dialog';
import { outboxApi, type MailMode } from '../features/office/outbox-api';
import { OutboxTable } from '../features/office/outbox-table';
import { usePagedList } from '../lib/use-paged-list';
import { usePageTitle } from '../lib/use-page-title';

export function OfficeOutboxRoute() {
  usePageTitle('Outbox');
  const list = usePagedList<MailDto, MailMode>('outbox', (cursor) => outboxApi.list(cursor));
  const [openId, setOpenId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const open = list.items.find((mail) => mail.id === openId) ?? null;

  return (
    <>
      <PageHeader
        eyebrow="Office"
        title="Outbox"
        description="Every email Rapport sends, newest first."
        actions={
          <Button busy={list.status === 'loading'} onClick={() => void list.reload()}>
            {list.status === 'loading' ? 'Refreshing…' : 'Refresh'}
          </Button>
        }
      />
      {list.extra === 'outbox' ? (
        <Notice tone="info" title="No SMTP server is set: messages are kept here">
          <p>Nothing leaves Rapport by email. Open a message to read it, and pass on a link (such as a password reset) by hand.</p>
        </Notice>
      ) : null}
      <LiveStatus message={status} />
      <ListLoadError list={list} />
      {list.status === 'loading' && list.items.length === 0 ? (
        <p className="list-summary" role="status">
          Loading messages…
        </p>
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState title="No mail yet">Messages such as password-reset links appear here as soon as Rapport writes them.</EmptyState>
      ) : null}
      {list.items.length > 0 ? <OutboxTable mails={list.items} onOpen={(mail) => setOpenId(mail.id)} /> : null}
      <ShowMore list={list} />
      <MailDialog
        mail={open}
        onClose={() => setOpenId(null)}
        onRetried={(mail) => {
          setOpenId(null);
          setStatus(`“${mail.subject}” to ${mail.to} is queued to send again.`);
          void list.reload();
        }}
      />
    </>
  );
}
