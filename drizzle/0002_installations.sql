CREATE TABLE "installations" (
	"team_id" text PRIMARY KEY NOT NULL,
	"enterprise_id" text,
	"app_id" text,
	"bot_token" text NOT NULL,
	"bot_id" text,
	"bot_user_id" text,
	"scopes" text[] NOT NULL,
	"installer_user_id" text,
	"installed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
