import { sql } from 'drizzle-orm';
import { customType, index, integer, pgEnum, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { CIRCLES, INTERACTION_KINDS, LEDGER_DIRECTIONS, SOURCES, STAGES } from '../../../shared/contracts/contacts';
import { users } from './users';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A column's words as a tsvector in which every word starts with a tag of the owner's id and `kind` (the search
 * query tags its words with the same expression, in contacts-search.repo.ts). The tag goes in with replace() on the
 * vector's text, where every word follows " '" once a space leads (a word never holds a space): a regular expression
 * there cost a 10,000-row import ~350 ms on PGlite. Runs of 200+ characters without a space are cut first; only a
 * text that long can hold one, so the regular expression that cuts them runs on those texts alone.
 */
function searchWords(column: 'search_names' | 'search_text', kind: 'n_' | '_') {
  const text = `(case when length(${column}) < 200 then ${column} else regexp_replace(${column}, '\\S{200,}', '', 'g') end)`;
  return sql.raw(`replace(' ' || to_tsvector('simple'::regconfig, ${text})::text, ' ''', ' ''' || right(owner_id::text, 8) || '${kind}')::tsvector`);
}

export const circleEnum = pgEnum('contact_circle', CIRCLES);
export const stageEnum = pgEnum('contact_stage', STAGES);
export const sourceEnum = pgEnum('contact_source', SOURCES);
export const interactionKindEnum = pgEnum('interaction_kind', INTERACTION_KINDS);
export const ledgerDirectionEnum = pgEnum('ledger_direction', LEDGER_DIRECTIONS);

/** A student's private contacts: every query is scoped by owner_id. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    firstName: text().notNull(),
    lastName: text().notNull().default(''),
    circle: circleEnum().notNull().default('new'),
    organization: text(),
    title: text(),
    field: text(),
    location: text(),
    emails: text().array().notNull().default(sql`'{}'::text[]`),
    phones: text().array().notNull().default(sql`'{}'::text[]`),
    linkedinUrl: text(),
    links: text().array().notNull().default(sql`'{}'::text[]`),
    howMet: text(),
    source: sourceEnum(),
    referredById: uuid().references((): AnyPgColumn => contacts.id, { onDelete: 'set null' }),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    notes: text().notNull().default(''),
    stage: stageEnum().notNull().default('potential'),
    keepInTouchDays: integer(),
    lastInteractionAt: timestamp({ withTimezone: true }),
    /** last interaction (or creation) + keepInTouchDays (CAD-08); kept in step by the service. */
    nextDueAt: timestamp({ withTimezone: true }),
    gives: integer().notNull().default(0),
    asks: integer().notNull().default(0),
    /** Lower-cased "first last": the order of the network list. */
    sortKey: text().notNull().default(''),
    /** Lower-cased "first last organisation": ranks first in search and is matched typo-tolerantly (trigram). */
    searchNames: text().notNull().default(''),
    /** Lower-cased names, organisation, title, tags, emails (whole and in parts), notes: matched by word prefix. */
    searchText: text().notNull().default(''),
    /**
     * The words of search_names and of search_text, each prefixed with a tag of the owner's id ("2ac95070n_maria" for
     * a name or organisation, "2ac95070_maria" for any field), so a prefix such as 'mar' reads one owner's entries of
     * the index instead of every user's (ADR 011, session-4 addendum). Runs of 200+ characters without a space are
     * left out first: no one types them, and with the tag a word could pass the 2,047-byte limit of a lexeme.
     */
    searchVector: tsvector().generatedAlwaysAs(
      sql`${searchWords('search_names', 'n_')} || ${searchWords('search_text', '_')}`,
    ),
    /** Where an imported contact came from, so importing the same file twice creates nothing new. */
    importKey: text(),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('contacts_owner_sort_idx').on(t.ownerId, t.sortKey, t.id),
    index('contacts_owner_due_idx').on(t.ownerId, t.nextDueAt),
    index('contacts_owner_import_key_idx').on(t.ownerId, t.importKey),
    // The stored words carry the owner's tag, so this index is owner-scoped without an owner column.
    index('contacts_owner_search_vector_idx').using('gin', t.searchVector),
    // Names that start with the query, in name order, a page at a time (byte order, whatever the database's locale).
    index('contacts_owner_search_names_idx').on(t.ownerId, sql`(${t.searchNames} collate "C")`, t.id),
    index('contacts_owner_search_names_trgm_idx').using('gin', t.ownerId, t.searchNames.op('gin_trgm_ops')),
    index('contacts_emails_idx').using('gin', t.emails),
    index('contacts_tags_idx').using('gin', t.tags),
  ],
);

export const interactions = pgTable(
  'interactions',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: interactionKindEnum().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    summary: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('interactions_contact_idx').on(t.contactId, t.occurredAt.desc()), index('interactions_owner_idx').on(t.ownerId)],
);

/** Gives and asks per contact (DOMAIN.md §1 reciprocity): shown as a balance, never a gate. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    direction: ledgerDirectionEnum().notNull(),
    description: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('ledger_entries_contact_idx').on(t.contactId, t.occurredAt.desc()), index('ledger_entries_owner_idx').on(t.ownerId)],
);
