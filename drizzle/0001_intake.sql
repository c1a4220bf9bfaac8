ALTER TABLE "leads" ADD COLUMN "alert_owner" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "reps" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "webhook_secret_previous" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "webhook_secret_rotated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "round_robin_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "leads_untouched_arrivals_idx" ON "leads" USING btree ("created_at") WHERE touch_count = 0 and status = 'open' and imported = false;