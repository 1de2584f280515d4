-- APPT-07: never two appointments holding one advisor's time at once, enforced by the database (ADR 012).
-- Drizzle cannot express an exclusion constraint, so it lives here. btree_gist (migration 0001) lets the
-- GiST index compare advisor_id with =. The statuses are TIME_HOLDING_STATUSES of
-- src/shared/domain/appointment-policy.ts: a cancelled appointment frees its time, an attended one does not.
-- Ranges are half-open [start, end): back-to-back appointments touch and do not overlap.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("advisor_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("status" IN ('booked', 'attended', 'late', 'no_show'));
