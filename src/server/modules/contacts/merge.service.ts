import type { MergeBody } from '../../../shared/contracts/network-tools';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { errors } from '../../lib/errors';
import type { ContactRow } from './contacts.repo';
import { mergeContactFields } from './merge-fields';
import { deleteMergedContact, lockLiveContacts, moveActivity, repointReferrals, writeMergedContact } from './merge.repo';

export function createMergeService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /**
     * Merges `body.otherId` into `keepId` in one transaction: fields per `body.use`, the other's interactions,
     * ledger entries and referrals move to the kept contact, then the other is deleted. Either contact not
     * the owner's (or deleted) → 404, and nothing changes.
     */
    async merge(ownerId: string, keepId: string, body: MergeBody): Promise<ContactRow> {
      if (body.otherId === keepId) {
        throw errors.validation('A contact cannot be merged with itself.', [{ path: 'otherId', message: 'Choose another contact.' }]);
      }
      return db.transaction(async (tx) => {
        const locked = await lockLiveContacts(tx, ownerId, [keepId, body.otherId]);
        const keep = locked.find((c) => c.id === keepId);
        const other = locked.find((c) => c.id === body.otherId);
        if (!keep || !other) throw errors.notFound('This contact');

        await moveActivity(tx, ownerId, other.id, keep.id);
        await repointReferrals(tx, ownerId, other.id, keep.id);
        const merged = await writeMergedContact(tx, ownerId, keep.id, mergeContactFields(keep, other, body.use ?? {}, clock.now()));
        if (!merged) throw errors.notFound('This contact');
        await deleteMergedContact(tx, ownerId, other.id);
        return merged;
      });
    },
  };
}

export type MergeService = ReturnType<typeof createMergeService>;
