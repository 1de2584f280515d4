-- btree_gin lets a GIN index lead with owner_id, so a contact search reads only its owner's index
-- entries (ADR 011). Ships with PGlite and PostgreSQL contrib.
CREATE EXTENSION IF NOT EXISTS btree_gin;
