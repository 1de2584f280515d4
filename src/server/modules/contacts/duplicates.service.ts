import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ContactDto } from '../../../shared/contracts/contacts';
import type { DuplicateGroup, DuplicateReason } from '../../../shared/contracts/network-tools';
import type { Db } from '../../db/client';
import { toContactDto } from './contact-mapping';
import { findContactsByIds } from './contacts.repo';
import { groupLinks, type LinkedGroup } from './duplicates-grouping';
import { emailLinks, linkedinLinks, nameOrgLinks } from './duplicates.repo';

/** Groups per reason in one answer; a network with more shows the rest once some are merged. */
export const MAX_GROUPS_PER_REASON = 200;

export function createDuplicatesService(deps: { db: Db }) {
  const { db } = deps;

  return {
    /** Likely duplicates among the owner's live contacts, per reason; a contact is in at most one group per reason. */
    async find(ownerId: string): Promise<{ groups: DuplicateGroup[]; truncated: boolean }> {
      const found: [DuplicateReason, LinkedGroup[]][] = [];
      for (const [reason, query] of [
        ['email', emailLinks],
        ['linkedin', linkedinLinks],
        ['name_org', nameOrgLinks],
      ] as const) {
        // The embedded database answers on this thread: let other requests in between the three queries.
        if (found.length > 0) await nextTurn();
        found.push([reason, groupLinks(await query(db, ownerId))]);
      }
      const truncated = found.some(([, groups]) => groups.length > MAX_GROUPS_PER_REASON);
      const kept = found.map(([reason, groups]) => [reason, groups.slice(0, MAX_GROUPS_PER_REASON)] as const);

      const ids = [...new Set(kept.flatMap(([, groups]) => groups.flatMap((group) => group.ids)))];
      const byId = new Map<string, ContactDto>((await findContactsByIds(db, ownerId, ids)).map((row) => [row.id, toContactDto(row)]));
      // Oldest first: the one a merge usually keeps.
      const byAge = (a: ContactDto, b: ContactDto) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

      const groups: DuplicateGroup[] = [];
      for (const [reason, linked] of kept) {
        for (const group of linked) {
          const contacts = group.ids.map((id) => byId.get(id)).filter((c): c is ContactDto => c !== undefined);
          // A contact deleted between the queries can leave a group of one, which is no longer a duplicate.
          if (contacts.length > 1) groups.push({ reason, key: group.key, contacts: contacts.sort(byAge) });
        }
      }
      return { groups, truncated };
    },
  };
}

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;
