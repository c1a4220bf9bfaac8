-- #15: snooze counts (parked leads), deactivated reps, the digest's weekly snapshots, inspection picks and inspections.
CREATE TABLE "digest_snapshots" (
	"team_id" text NOT NULL,
	"week_start" text NOT NULL,
	"rep_id" text NOT NULL,
	"figures" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_snapshots_team_id_week_start_rep_id_pk" PRIMARY KEY("team_id","week_start","rep_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_picks" (
	"team_id" text NOT NULL,
	"week_key" text NOT NULL,
	"rep_id" text NOT NULL,
	"lead_id" uuid NOT NULL,
	"source" text DEFAULT 'digest' NOT NULL,
	"picked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_picks_team_id_week_key_rep_id_lead_id_pk" PRIMARY KEY("team_id","week_key","rep_id","lead_id")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"lead_id" uuid NOT NULL,
	"manager_id" text NOT NULL,
	"rep_id" text NOT NULL,
	"inspected_at" timestamp with time zone NOT NULL,
	"note" text,
	"lead_state" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "snooze_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "snoozed_days_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reps" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inspection_picks" ADD CONSTRAINT "inspection_picks_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspections_team_lead_time_idx" ON "inspections" USING btree ("team_id","lead_id","inspected_at");--> statement-breakpoint
CREATE INDEX "inspections_team_rep_time_idx" ON "inspections" USING btree ("team_id","rep_id","inspected_at");