CREATE TYPE "public"."appointment_mode" AS ENUM('in_person', 'phone', 'video');--> statement-breakpoint
CREATE TYPE "public"."appointment_status" AS ENUM('booked', 'cancelled', 'late_cancelled', 'attended', 'late', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."reason_audience" AS ENUM('student', 'alumni');--> statement-breakpoint
CREATE TYPE "public"."availability_exception_kind" AS ENUM('time_off', 'day_off', 'extra_hours');--> statement-breakpoint
CREATE TYPE "public"."cancellation_cutoff" AS ENUM('4h', '24h', '48h', '1_business_day', '2_business_days');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('resume', 'cover_letter', 'linkedin_profile', 'personal_statement', 'portfolio');--> statement-breakpoint
CREATE TABLE "advisor_reason_codes" (
	"advisor_id" uuid NOT NULL,
	"reason_code" text NOT NULL,
	CONSTRAINT "advisor_reason_codes_advisor_id_reason_code_pk" PRIMARY KEY("advisor_id","reason_code")
);
--> statement-breakpoint
CREATE TABLE "advisor_settings" (
	"advisor_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"buffer_minutes" integer DEFAULT 0 NOT NULL,
	"minimum_notice_minutes" integer DEFAULT 120 NOT NULL,
	"horizon_days" integer DEFAULT 56 NOT NULL,
	"calendar_feed_token_hash" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advisor_settings_ranges" CHECK ("advisor_settings"."buffer_minutes" >= 0 and "advisor_settings"."minimum_notice_minutes" >= 0 and "advisor_settings"."horizon_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"advisor_id" uuid NOT NULL,
	"reason_code" text NOT NULL,
	"mode" "appointment_mode" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "appointment_status" DEFAULT 'booked' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"document_kind" "document_kind",
	"document_url" text,
	"document_text" text,
	"document_submitted_at" timestamp with time zone,
	"idempotency_key" text,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancel_reason" text,
	"late_cancellation" boolean DEFAULT false NOT NULL,
	"arrived_at" timestamp with time zone,
	"outcome_marked_at" timestamp with time zone,
	"advisor_notes" text DEFAULT '' NOT NULL,
	"rescheduled_from_id" uuid,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "appointments_ends_after_start" CHECK ("appointments"."ends_at" > "appointments"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "availability_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advisor_id" uuid NOT NULL,
	"kind" "availability_exception_kind" NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"date" date,
	"start_time" text,
	"end_time" text,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "availability_exceptions_shape" CHECK (("availability_exceptions"."kind" = 'time_off' and "availability_exceptions"."starts_at" is not null and "availability_exceptions"."ends_at" > "availability_exceptions"."starts_at" and "availability_exceptions"."date" is null)
        or ("availability_exceptions"."kind" = 'day_off' and "availability_exceptions"."date" is not null and "availability_exceptions"."starts_at" is null and "availability_exceptions"."start_time" is null)
        or ("availability_exceptions"."kind" = 'extra_hours' and "availability_exceptions"."date" is not null and "availability_exceptions"."start_time" is not null and "availability_exceptions"."end_time" is not null and "availability_exceptions"."start_time" < "availability_exceptions"."end_time"))
);
--> statement-breakpoint
CREATE TABLE "availability_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advisor_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	CONSTRAINT "availability_rules_weekday" CHECK ("availability_rules"."weekday" between 1 and 7),
	CONSTRAINT "availability_rules_times" CHECK ("availability_rules"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "availability_rules"."end_time" ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' and "availability_rules"."start_time" < "availability_rules"."end_time")
);
--> statement-breakpoint
CREATE TABLE "no_show_clearances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"cleared_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"cleared_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "office_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"time_zone" text NOT NULL,
	"cancellation_cutoff" "cancellation_cutoff" DEFAULT '24h' NOT NULL,
	"document_lead_hours" integer DEFAULT 24 NOT NULL,
	"no_show_after_minutes" integer DEFAULT 10 NOT NULL,
	"no_show_notice" integer DEFAULT 1 NOT NULL,
	"no_show_warning" integer DEFAULT 2 NOT NULL,
	"no_show_blocked" integer DEFAULT 3 NOT NULL,
	"term_cap" integer,
	"terms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"holidays" date[] DEFAULT '{}'::date[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "office_settings_single_row" CHECK ("office_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "reason_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"default_minutes" integer NOT NULL,
	"allowed_minutes" integer[] NOT NULL,
	"modes" "appointment_mode"[] NOT NULL,
	"audience" "reason_audience"[] NOT NULL,
	"needs_document" "document_kind",
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 1000 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reason_codes_code_format" CHECK ("reason_codes"."code" ~ '^[A-Z][A-Z0-9_]{1,49}$'),
	CONSTRAINT "reason_codes_default_allowed" CHECK ("reason_codes"."default_minutes" = any("reason_codes"."allowed_minutes"))
);
--> statement-breakpoint
ALTER TABLE "advisor_reason_codes" ADD CONSTRAINT "advisor_reason_codes_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_reason_codes" ADD CONSTRAINT "advisor_reason_codes_reason_code_reason_codes_code_fk" FOREIGN KEY ("reason_code") REFERENCES "public"."reason_codes"("code") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "advisor_settings" ADD CONSTRAINT "advisor_settings_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_reason_code_reason_codes_code_fk" FOREIGN KEY ("reason_code") REFERENCES "public"."reason_codes"("code") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_rescheduled_from_id_appointments_id_fk" FOREIGN KEY ("rescheduled_from_id") REFERENCES "public"."appointments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_exceptions" ADD CONSTRAINT "availability_exceptions_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "no_show_clearances" ADD CONSTRAINT "no_show_clearances_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "no_show_clearances" ADD CONSTRAINT "no_show_clearances_cleared_by_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_settings" ADD CONSTRAINT "office_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reason_codes" ADD CONSTRAINT "reason_codes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advisor_reason_codes_code_idx" ON "advisor_reason_codes" USING btree ("reason_code");--> statement-breakpoint
CREATE UNIQUE INDEX "advisor_settings_feed_token_key" ON "advisor_settings" USING btree ("calendar_feed_token_hash");--> statement-breakpoint
CREATE INDEX "appointments_advisor_start_idx" ON "appointments" USING btree ("advisor_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_student_start_idx" ON "appointments" USING btree ("student_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_rescheduled_from_idx" ON "appointments" USING btree ("rescheduled_from_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_student_idempotency_key" ON "appointments" USING btree ("student_id","idempotency_key") WHERE "appointments"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "availability_exceptions_advisor_idx" ON "availability_exceptions" USING btree ("advisor_id");--> statement-breakpoint
CREATE INDEX "availability_rules_advisor_idx" ON "availability_rules" USING btree ("advisor_id");--> statement-breakpoint
CREATE INDEX "no_show_clearances_student_idx" ON "no_show_clearances" USING btree ("student_id","cleared_at");