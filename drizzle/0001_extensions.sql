-- Extensions later capabilities rely on: trigram search (pg_trgm) and exclusion constraints on
-- (advisor, time range) for appointments (btree_gist). Both ship with PGlite and PostgreSQL contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
