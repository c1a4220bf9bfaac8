ALTER TABLE "teams" ADD COLUMN "work_start" text DEFAULT '09:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "work_end" text DEFAULT '18:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "work_days" smallint[] DEFAULT '{1,2,3,4,5}' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "new_per_day" smallint DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "checkin_days" smallint DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "inbound" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "referred_by" text;
