-- Search words tagged with their owner, so a prefix reads one owner's index entries; the column is rebuilt
-- (and so backfilled) by ADD COLUMN. Names that start with the query are read in order from a byte-order index (ADR 011).
DROP INDEX "contacts_owner_search_vector_idx";--> statement-breakpoint
ALTER TABLE "contacts" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (regexp_replace(to_tsvector('simple'::regconfig, regexp_replace(search_names, '\S{200,}', '', 'g'))::text, '(^| )''', '\1''' || right(owner_id::text, 8) || 'n_', 'g')::tsvector || regexp_replace(to_tsvector('simple'::regconfig, regexp_replace(search_text, '\S{200,}', '', 'g'))::text, '(^| )''', '\1''' || right(owner_id::text, 8) || '_', 'g')::tsvector) STORED;--> statement-breakpoint
CREATE INDEX "contacts_owner_search_names_idx" ON "contacts" USING btree ("owner_id",("search_names" collate "C"),"id");--> statement-breakpoint
CREATE INDEX "contacts_owner_search_vector_idx" ON "contacts" USING gin ("search_vector");