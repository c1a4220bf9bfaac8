-- #14: engagement as data (R9), positive signals (R10), the first-touch plan and working hours (R2),
-- aftercare steps (R11). Hand-edited after drizzle-kit: the two renames keep their data, and leads that
-- arrived from outside (no creator: POST /leads) are marked inbound.
ALTER TABLE "leads" RENAME COLUMN "touches_since_progress" TO "touches_since_engagement";--> statement-breakpoint
ALTER TABLE "leads" RENAME COLUMN "progress_at" TO "engaged_at";--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "inbound" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "referred_by" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "positive_signal_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "last_outcome" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "work_start" text DEFAULT '09:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "work_end" text DEFAULT '18:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "work_days" smallint[] DEFAULT '{1,2,3,4,5}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "new_per_day" smallint DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "checkin_days" smallint DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "direction" text DEFAULT 'outbound' NOT NULL;--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "undo" jsonb;--> statement-breakpoint
ALTER TABLE "next_steps" ADD CONSTRAINT "next_steps_origin_check" CHECK (origin in ('rep', 'coach', 'checkin', 'plan', 'thanks', 'referral-ask'));--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_direction_check" CHECK (direction in ('outbound', 'inbound'));--> statement-breakpoint
UPDATE "leads" SET "inbound" = true WHERE "imported" = false AND "created_by" IS NULL;--> statement-breakpoint
UPDATE "leads" AS l SET "last_outcome" = t."outcome"
FROM (
  SELECT DISTINCT ON ("lead_id") "lead_id", "outcome" FROM "touches" ORDER BY "lead_id", "occurred_at" DESC, "created_at" DESC
) AS t
WHERE t."lead_id" = l."id" AND t."outcome" IS NOT NULL;
