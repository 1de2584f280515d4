import { z } from 'zod';
import { outboxResponse, type MailDto } from '../../../shared/contracts/admin';
import { api } from '../../lib/api';
import type { Page } from '../../lib/use-paged-list';

export type MailMode = 'outbox' | 'smtp';
export const OUTBOX_PAGE_SIZE = 25;

/** The mail outbox: /api/v1/admin/outbox (admins only). */
export const outboxApi = {
  list: async (cursor: string | undefined): Promise<Page<MailDto> & { extra: MailMode }> => {
    const body = await api.get('/api/v1/admin/outbox', outboxResponse, { query: { cursor, limit: OUTBOX_PAGE_SIZE } });
    return { items: body.items, nextCursor: body.nextCursor, extra: body.mode };
  },
  retry: (id: string): Promise<void> =>
    api.post(`/api/v1/admin/outbox/${encodeURIComponent(id)}/retry`, z.object({ id: z.string() })).then(() => undefined),
};
