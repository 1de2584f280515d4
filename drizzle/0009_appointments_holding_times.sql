-- Slot search reads the busy time of every advisor of a code at once (ADR 016): the time-holding appointments
-- whose range overlaps a window. This index holds exactly those rows (the statuses of TIME_HOLDING_STATUSES, as
-- in appointments_no_overlap) by their range, and carries advisor_id, starts_at and ends_at, so the read is an
-- index-only scan where the table's pages are all-visible instead of one heap visit per appointment.
-- Drizzle cannot express INCLUDE, so it lives here.
CREATE INDEX "appointments_holding_times" ON "appointments"
  USING gist (tstzrange("starts_at", "ends_at")) INCLUDE ("advisor_id", "starts_at", "ends_at")
  WHERE ("status" IN ('booked', 'attended', 'late', 'no_show'));
