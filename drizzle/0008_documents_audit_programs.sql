CREATE TYPE "public"."audit_action" AS ENUM('agenda_viewed', 'appointment_viewed', 'document_downloaded', 'attendance_marked', 'notes_written', 'appointment_cancelled', 'appointment_booked_for_student', 'no_shows_cleared');--> statement-breakpoint
CREATE TYPE "public"."audit_target_type" AS ENUM('agenda', 'appointment', 'document', 'student');--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "documents_size" CHECK ("documents"."size" = octet_length("documents"."content") and "documents"."size" between 1 and 5242880),
	CONSTRAINT "documents_content_type" CHECK ("documents"."content_type" in ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword', 'application/vnd.oasis.opendocument.text', 'text/plain')),
	CONSTRAINT "documents_filename_length" CHECK (char_length("documents"."filename") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_role" "role" NOT NULL,
	"actor_pseudonym" uuid NOT NULL,
	"action" "audit_action" NOT NULL,
	"student_id" uuid,
	"student_pseudonym" uuid NOT NULL,
	"target_type" "audit_target_type" NOT NULL,
	"target_id" uuid
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "program" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "audit_pseudonym" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "document_file_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "booked_by" uuid;--> statement-breakpoint
ALTER TABLE "office_settings" ADD COLUMN "advisors_may_book" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_owner_idx" ON "documents" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "documents_created_idx" ON "documents" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_student_idx" ON "audit_events" USING btree ("student_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_document_file_id_documents_id_fk" FOREIGN KEY ("document_file_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_document_file_idx" ON "appointments" USING btree ("document_file_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_program_length" CHECK (char_length("users"."program") between 1 and 120);