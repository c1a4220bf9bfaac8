CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"team_id" text NOT NULL,
	"target" text NOT NULL,
	"period_key" text NOT NULL,
	"status" text DEFAULT 'claimed' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"claimed_by" text,
	"slack_ts" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_status_check" CHECK (status in ('claimed', 'sent', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"name" text NOT NULL,
	"company" text,
	"email" text,
	"phone" text,
	"tier" text DEFAULT 'new' NOT NULL,
	"value" numeric(14, 2),
	"status" text DEFAULT 'open' NOT NULL,
	"source" text,
	"external_id" text,
	"imported" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"first_touch_at" timestamp with time zone,
	"last_touch_at" timestamp with time zone,
	"touch_count" integer DEFAULT 0 NOT NULL,
	"last_touch_channel" text,
	"signal_count" integer DEFAULT 0 NOT NULL,
	"their_kept" integer DEFAULT 0 NOT NULL,
	"their_missed" integer DEFAULT 0 NOT NULL,
	"progress_at" timestamp with time zone,
	"touches_since_progress" integer DEFAULT 0 NOT NULL,
	"snoozed_until" timestamp with time zone,
	"snooze_reason" text,
	"won_at" timestamp with time zone,
	"lost_at" timestamp with time zone,
	"close_note" text,
	"revived_at" timestamp with time zone,
	"revive_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leads_tier_check" CHECK (tier in ('referral', 'customer', 'lead', 'new', 'cold')),
	CONSTRAINT "leads_status_check" CHECK (status in ('open', 'won', 'lost')),
	CONSTRAINT "leads_value_check" CHECK (value is null or (value >= 0 and value <= 1000000000)),
	CONSTRAINT "leads_touch_count_check" CHECK (touch_count >= 0)
);
--> statement-breakpoint
CREATE TABLE "next_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"lead_id" uuid NOT NULL,
	"rep_id" text NOT NULL,
	"action" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"all_day" boolean DEFAULT true NOT NULL,
	"promised" boolean DEFAULT false NOT NULL,
	"their_commitment" text,
	"their_status" text,
	"origin" text DEFAULT 'rep' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"kept" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "next_steps_status_check" CHECK (status in ('open', 'done', 'cancelled')),
	CONSTRAINT "next_steps_their_status_check" CHECK (their_status is null or their_status in ('pending', 'kept', 'missed'))
);
--> statement-breakpoint
CREATE TABLE "processed_requests" (
	"team_id" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_requests_team_id_key_pk" PRIMARY KEY("team_id","key")
);
--> statement-breakpoint
CREATE TABLE "reps" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"display_name" text,
	"tz" text,
	"tz_overridden" boolean DEFAULT false NOT NULL,
	"tz_refreshed_at" timestamp with time zone,
	"dm_time" text DEFAULT '08:00' NOT NULL,
	"dms_paused_until" timestamp with time zone,
	"is_manager" boolean DEFAULT false NOT NULL,
	"is_slack_admin" boolean DEFAULT false NOT NULL,
	"is_guest" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reps_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"digest_channel" text,
	"digest_day" smallint DEFAULT 1 NOT NULL,
	"digest_time" text DEFAULT '09:00' NOT NULL,
	"team_tz" text,
	"webhook_secret" text,
	"uninstalled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "touches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"lead_id" uuid NOT NULL,
	"rep_id" text NOT NULL,
	"channel" text NOT NULL,
	"outcome" text,
	"signals" text[] DEFAULT '{}'::text[] NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_step_id" uuid,
	"created_step_id" uuid,
	"promoted_tier" boolean DEFAULT false NOT NULL,
	CONSTRAINT "touches_channel_check" CHECK (channel in ('call', 'email', 'meeting', 'visit', 'message', 'note'))
);
--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "next_steps" ADD CONSTRAINT "next_steps_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reps" ADD CONSTRAINT "reps_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_once_uq" ON "deliveries" USING btree ("kind","team_id","target","period_key");--> statement-breakpoint
CREATE INDEX "deliveries_status_lease_idx" ON "deliveries" USING btree ("status","lease_until");--> statement-breakpoint
CREATE UNIQUE INDEX "leads_owner_name_uq" ON "leads" USING btree ("team_id","owner_id",lower("name")) WHERE status <> 'lost';--> statement-breakpoint
CREATE UNIQUE INDEX "leads_external_id_uq" ON "leads" USING btree ("team_id","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE INDEX "leads_team_owner_status_idx" ON "leads" USING btree ("team_id","owner_id","status");--> statement-breakpoint
CREATE INDEX "leads_team_email_idx" ON "leads" USING btree ("team_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "next_steps_one_open_per_lead_uq" ON "next_steps" USING btree ("lead_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "next_steps_lead_idx" ON "next_steps" USING btree ("lead_id","created_at");--> statement-breakpoint
CREATE INDEX "next_steps_team_due_idx" ON "next_steps" USING btree ("team_id","due_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "processed_requests_created_idx" ON "processed_requests" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "touches_lead_time_idx" ON "touches" USING btree ("lead_id","occurred_at");--> statement-breakpoint
CREATE INDEX "touches_team_rep_time_idx" ON "touches" USING btree ("team_id","rep_id","occurred_at");