DROP INDEX "contacts_search_trgm_idx";--> statement-breakpoint
DROP INDEX "contacts_search_vector_idx";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_names" text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE "contacts" SET "search_names" = lower(concat_ws(' ', nullif(trim("first_name"), ''), nullif(trim("last_name"), ''), nullif(trim("organization"), '')));--> statement-breakpoint
ALTER TABLE "contacts" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, search_names), 'A') || to_tsvector('simple'::regconfig, search_text)) STORED;--> statement-breakpoint
CREATE INDEX "contacts_owner_search_vector_idx" ON "contacts" USING gin ("owner_id","search_vector");--> statement-breakpoint
CREATE INDEX "contacts_owner_search_names_trgm_idx" ON "contacts" USING gin ("owner_id","search_names" gin_trgm_ops);
