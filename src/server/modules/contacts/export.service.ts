import { Readable, pipeline } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { EXPORT_FILES, type ExportFormat } from '../../../shared/contracts/network-tools';
import { displayName } from '../../../shared/domain/cadence';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { InteractionRow, LedgerRow } from './activity.repo';
import { csvStringifier, toCsvRecord, type CsvRecord } from './export-csv';
import { JSON_EXPORT_END, jsonExportStart, toExportedContact } from './export-json';
import { findContactsWithReferrer, listInteractionsOf, listLedgerOf, listLiveContactIds, type ExportContactRow } from './export.repo';
import { contactToVcard } from './export-vcard';

/**
 * Contacts are read and written a page at a time: three multi-row queries per page (contacts, interactions,
 * ledger), so memory stays flat for 100,000 contacts and, on the embedded database, other requests run
 * between pages instead of waiting for the whole export.
 */
const PAGE_SIZE = 250;

export type ExportFile = { filename: string; contentType: string; body: Readable };

function groupByContact<T extends { contactId: string }>(rows: T[]): Map<string, T[]> {
  const byContact = new Map<string, T[]>();
  for (const row of rows) {
    const list = byContact.get(row.contactId);
    if (list) list.push(row);
    else byContact.set(row.contactId, [row]);
  }
  return byContact;
}

export function createExportService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** The owner's live contacts in name order, a page at a time; a contact deleted meanwhile is skipped. */
  async function* contactPages(ownerId: string, ids: string[]): AsyncGenerator<ExportContactRow[]> {
    for (let start = 0; start < ids.length; start += PAGE_SIZE) {
      const pageIds = ids.slice(start, start + PAGE_SIZE);
      // The embedded database answers on this thread: let other requests in between pages.
      if (start > 0) await nextTurn();
      const rows = await findContactsWithReferrer(db, ownerId, pageIds);
      const byId = new Map(rows.map((row) => [row.contact.id, row]));
      yield pageIds.map((id) => byId.get(id)).filter((row): row is ExportContactRow => row !== undefined);
    }
  }

  async function* vcards(ownerId: string, ids: string[]): AsyncGenerator<string> {
    for await (const page of contactPages(ownerId, ids)) {
      if (page.length > 0) yield page.map((row) => contactToVcard(row.contact)).join('');
    }
  }

  async function* csvRecords(ownerId: string, ids: string[]): AsyncGenerator<CsvRecord> {
    for await (const page of contactPages(ownerId, ids)) {
      for (const row of page) {
        const referrer = row.referrerFirstName === null ? null : displayName(row.referrerFirstName, row.referrerLastName ?? '');
        yield toCsvRecord(row.contact, referrer);
      }
    }
  }

  async function* jsonDocument(ownerId: string, ids: string[], exportedAt: Date): AsyncGenerator<string> {
    yield jsonExportStart(exportedAt);
    let first = true;
    for await (const page of contactPages(ownerId, ids)) {
      const pageIds = page.map((row) => row.contact.id);
      const interactionsOf = groupByContact<InteractionRow>(await listInteractionsOf(db, ownerId, pageIds));
      const ledgerOf = groupByContact<LedgerRow>(await listLedgerOf(db, ownerId, pageIds));
      const parts = page.map((row) =>
        JSON.stringify(toExportedContact(row.contact, interactionsOf.get(row.contact.id) ?? [], ledgerOf.get(row.contact.id) ?? [])),
      );
      if (parts.length === 0) continue;
      yield (first ? '' : ',') + parts.join(',');
      first = false;
    }
    yield JSON_EXPORT_END;
  }

  return {
    /**
     * The owner's export as a download. The id list is read before anything is sent, so a failing database
     * answers with a normal error; a failure later ends the download early (the file is then incomplete).
     */
    async open(ownerId: string, format: ExportFormat): Promise<ExportFile> {
      const now = clock.now();
      const ids = await listLiveContactIds(db, ownerId);
      const file = EXPORT_FILES[format];
      const filename = `rapport-contacts-${now.toISOString().slice(0, 10)}.${file.extension}`;
      let body: Readable;
      if (format === 'vcard') {
        body = Readable.from(vcards(ownerId, ids));
      } else if (format === 'json') {
        body = Readable.from(jsonDocument(ownerId, ids, now));
      } else {
        const stringifier = csvStringifier();
        // A failure destroys the stringifier with the error, which ends the response and is logged there.
        pipeline(Readable.from(csvRecords(ownerId, ids)), stringifier, () => {});
        body = stringifier;
      }
      return { filename, contentType: file.contentType, body };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
