import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  jsonb,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { COMMITMENT_STATUSES, LEAD_STATUSES, NEXT_STEP_STATUSES, STEP_ORIGINS, TIERS, TOUCH_CHANNELS, TOUCH_DIRECTIONS } from '../domain/vocabulary.js';
import type { TouchUndo } from './touch-undo.js';

// Every table carries the Slack team id; every time is timestamptz (stored UTC).
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// The ledger's own states; the domain's words come from src/domain/vocabulary.ts.
export const DELIVERY_STATUSES = ['claimed', 'sent', 'failed', 'skipped'] as const;

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** A Slack workspace and its team-wide settings. */
export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  name: text('name'),
  digestChannel: text('digest_channel'),
  // ISO weekday, 1 = Monday.
  digestDay: smallint('digest_day').notNull().default(1),
  digestTime: text('digest_time').notNull().default('09:00'),
  teamTz: text('team_tz'),
  // POST /leads: HMAC key; the previous one stays valid for a day after a rotation.
  webhookSecret: text('webhook_secret'),
  webhookSecretPrevious: text('webhook_secret_previous'),
  webhookSecretRotatedAt: tstz('webhook_secret_rotated_at'),
  // Round-robin: how many leads have been handed out; the next goes to reps[count % n].
  roundRobinCount: integer('round_robin_count').notNull().default(0),
  // R2: working hours and days, wall-clock in each person's own zone (ISO weekdays, 1 = Monday).
  workStart: text('work_start').notNull().default('09:00'),
  workEnd: text('work_end').notNull().default('18:00'),
  workDays: smallint('work_days').array().notNull().default(sql`'{1,2,3,4,5}'::smallint[]`),
  // The first-touch plan: at most this many imported leads' first contacts a rep a day.
  newPerDay: smallint('new_per_day').notNull().default(10),
  // R11: days between a customer's check-ins after the referral ask.
  checkinDays: smallint('checkin_days').notNull().default(90),
  uninstalledAt: tstz('uninstalled_at'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** A Slack user who owns leads; managers see the team. */
export const reps = pgTable(
  'reps',
  {
    teamId: text('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    displayName: text('display_name'),
    // From users.info (users:read.email): lets imports and the webhook name owners by e-mail.
    email: text('email'),
    // IANA zone: from users.info, or overridden by the rep (tzOverridden).
    tz: text('tz'),
    tzOverridden: boolean('tz_overridden').notNull().default(false),
    tzRefreshedAt: tstz('tz_refreshed_at'),
    // Local time of the morning DM, to the minute.
    dmTime: text('dm_time').notNull().default('08:00'),
    dmsPausedUntil: tstz('dms_paused_until'),
    isManager: boolean('is_manager').notNull().default(false),
    isSlackAdmin: boolean('is_slack_admin').notNull().default(false),
    // Slack guests (restricted accounts) are told the app is for members.
    isGuest: boolean('is_guest').notNull().default(false),
    // Slack says the account is deactivated: the digest marks the rep as such.
    deactivatedAt: tstz('deactivated_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: text('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    ownerId: text('owner_id').notNull(),
    name: text('name').notNull(),
    company: text('company'),
    email: text('email'),
    phone: text('phone'),
    tier: text('tier', { enum: TIERS }).notNull().default('new'),
    value: numeric('value', { precision: 14, scale: 2, mode: 'number' }),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('open'),
    source: text('source'),
    externalId: text('external_id'),
    // Imported leads are not new arrivals: no speed-to-lead alert (R2).
    imported: boolean('imported').notNull().default(false),
    // R2: the prospect reached out (POST /leads, `add … source:inbound`): speed to lead applies.
    inbound: boolean('inbound').notNull().default(false),
    // R11: who referred this lead; winning it prompts the owner to thank them.
    referredBy: text('referred_by'),
    // R2: the owner did not add it themselves (web form, someone else's add, round-robin) and is told
    // at once.
    alertOwner: boolean('alert_owner').notNull().default(false),
    // What the prospect asked (a web form's message), shown in the arrival alert.
    note: text('note'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    createdBy: text('created_by'),
    firstTouchAt: tstz('first_touch_at'),
    lastTouchAt: tstz('last_touch_at'),
    touchCount: integer('touch_count').notNull().default(0),
    // Per-lead aggregates kept up to date by every write (log, done, won, undo), so ranking a whole
    // team reads one row per lead and never the touch history.
    lastTouchChannel: text('last_touch_channel', { enum: TOUCH_CHANNELS }),
    // R10: poor-prospect tags over all touches, positive ones apart, and the prospect's commitments kept
    // and missed (R4).
    signalCount: integer('signal_count').notNull().default(0),
    positiveSignalCount: integer('positive_signal_count').notNull().default(0),
    theirKept: integer('their_kept').notNull().default(0),
    theirMissed: integer('their_missed').notNull().default(0),
    // R9: the last sign of engagement (an inbound touch, a positive signal, a kept commitment, a win),
    // and the touches since.
    engagedAt: tstz('engaged_at'),
    touchesSinceEngagement: integer('touches_since_engagement').notNull().default(0),
    // The last touch's outcome, as typed (the coach shows its start).
    lastOutcome: text('last_outcome'),
    snoozedUntil: tstz('snoozed_until'),
    snoozeReason: text('snooze_reason'),
    // R15: a lead snoozed again and again is parked, not resting — counted so the digest can flag it.
    snoozeCount: integer('snooze_count').notNull().default(0),
    snoozedDaysTotal: integer('snoozed_days_total').notNull().default(0),
    wonAt: tstz('won_at'),
    lostAt: tstz('lost_at'),
    closeNote: text('close_note'),
    // R12: a trigger event brought a cold prospect back.
    revivedAt: tstz('revived_at'),
    reviveNote: text('revive_note'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('leads_tier_check', inList('tier', TIERS)),
    check('leads_status_check', inList('status', LEAD_STATUSES)),
    check('leads_value_check', sql`value is null or (value >= 0 and value <= 1000000000)`),
    check('leads_touch_count_check', sql`touch_count >= 0`),
    // One owner cannot hold two non-lost leads with the same name (case-insensitive).
    uniqueIndex('leads_owner_name_uq')
      .on(t.teamId, t.ownerId, sql`lower(${t.name})`)
      .where(sql`status <> 'lost'`),
    uniqueIndex('leads_external_id_uq').on(t.teamId, t.externalId).where(sql`external_id is not null`),
    index('leads_team_owner_status_idx').on(t.teamId, t.ownerId, t.status),
    index('leads_team_email_idx').on(t.teamId, sql`lower(${t.email})`),
    // R2: the first-touch plan looks only at imported leads never touched (a small set once planned).
    index('leads_waiting_imports_idx').on(t.teamId, t.ownerId).where(sql`imported = true and touch_count = 0 and status = 'open'`),
    // R2: the speed-to-lead job looks only at untouched new arrivals.
    index('leads_untouched_arrivals_idx')
      .on(t.createdAt)
      .where(sql`touch_count = 0 and status = 'open' and imported = false`),
  ],
);

export const touches = pgTable(
  'touches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: text('team_id').notNull(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    repId: text('rep_id').notNull(),
    channel: text('channel', { enum: TOUCH_CHANNELS }).notNull(),
    // R9: an inbound touch (the prospect reached out) is engagement.
    direction: text('direction', { enum: TOUCH_DIRECTIONS }).notNull().default('outbound'),
    outcome: text('outcome'),
    // R10 tags: poor-prospect and positive signals.
    signals: text('signals').array().notNull().default(sql`'{}'::text[]`),
    occurredAt: tstz('occurred_at').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    // What logging it changed, so `undo` can put things back exactly.
    completedStepId: uuid('completed_step_id'),
    createdStepId: uuid('created_step_id'),
    promotedTier: boolean('promoted_tier').notNull().default(false),
    // The lead's fields this touch changed, as they were before it, so `undo` restores the row exactly.
    undo: jsonb('undo').$type<TouchUndo>(),
  },
  (t) => [
    check('touches_channel_check', inList('channel', TOUCH_CHANNELS)),
    check('touches_direction_check', inList('direction', TOUCH_DIRECTIONS)),
    index('touches_lead_time_idx').on(t.leadId, t.occurredAt),
    index('touches_team_rep_time_idx').on(t.teamId, t.repId, t.occurredAt),
  ],
);

/** R3/R4: the dated next step ("assignment") of a lead, with both sides. */
export const nextSteps = pgTable(
  'next_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: text('team_id').notNull(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    repId: text('rep_id').notNull(),
    action: text('action').notNull(),
    dueAt: tstz('due_at').notNull(),
    // A bare date: due at the end of that day in the rep's zone.
    allDay: boolean('all_day').notNull().default(true),
    // R5: the rep told the customer they would do it.
    promised: boolean('promised').notNull().default(false),
    theirCommitment: text('their_commitment'),
    theirStatus: text('their_status', { enum: COMMITMENT_STATUSES }),
    // Who set it: STEP_ORIGINS in src/domain/vocabulary.ts.
    origin: text('origin', { enum: STEP_ORIGINS }).notNull().default('rep'),
    status: text('status', { enum: NEXT_STEP_STATUSES }).notNull().default('open'),
    // Done by its due time: what promise-kept % counts (R5).
    kept: boolean('kept'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    completedAt: tstz('completed_at'),
  },
  (t) => [
    check('next_steps_status_check', inList('status', NEXT_STEP_STATUSES)),
    check('next_steps_origin_check', inList('origin', STEP_ORIGINS)),
    check('next_steps_their_status_check', sql`their_status is null or ${inList('their_status', COMMITMENT_STATUSES)}`),
    // R3: at most one open next step per lead.
    uniqueIndex('next_steps_one_open_per_lead_uq').on(t.leadId).where(sql`status = 'open'`),
    // Per-lead history (commitments kept/missed) and cascading deletes.
    index('next_steps_lead_idx').on(t.leadId, t.createdAt),
    index('next_steps_team_due_idx').on(t.teamId, t.dueAt).where(sql`status = 'open'`),
  ],
);

/** Every scheduled message is claimed here first, so it goes out once per target and period. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    teamId: text('team_id').notNull(),
    target: text('target').notNull(),
    periodKey: text('period_key').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('claimed'),
    attempts: integer('attempts').notNull().default(0),
    leaseUntil: tstz('lease_until'),
    claimedBy: text('claimed_by'),
    slackTs: text('slack_ts'),
    error: text('error'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('deliveries_status_check', inList('status', DELIVERY_STATUSES)),
    uniqueIndex('deliveries_once_uq').on(t.kind, t.teamId, t.target, t.periodKey),
    index('deliveries_status_lease_idx').on(t.status, t.leaseUntil),
  ],
);

/** De-duplication records: trigger ids, view ids and event ids already handled. */
export const processedRequests = pgTable(
  'processed_requests',
  {
    teamId: text('team_id').notNull(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.key] }), index('processed_requests_created_idx').on(t.createdAt)],
);

/**
 * One workspace's install of the app (OAuth mode): its bot token, sealed (docs/operations.md#encryption-keys).
 * No foreign key to teams: the install arrives before the team's first request makes its row.
 */
export const installations = pgTable('installations', {
  teamId: text('team_id').primaryKey(),
  // Set when the workspace belongs to an Enterprise Grid org; part of the token's sealing context.
  enterpriseId: text('enterprise_id'),
  appId: text('app_id'),
  botToken: text('bot_token').notNull(),
  botId: text('bot_id'),
  botUserId: text('bot_user_id'),
  scopes: text('scopes').array().notNull(),
  installerUserId: text('installer_user_id'),
  // A late app_uninstalled event (older than this) must not delete a fresh install.
  installedAt: tstz('installed_at').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export type Team = typeof teams.$inferSelect;
export type Rep = typeof reps.$inferSelect;
export type Lead = typeof leads.$inferSelect;
export type Touch = typeof touches.$inferSelect;
export type NextStep = typeof nextSteps.$inferSelect;
export type Delivery = typeof deliveries.$inferSelect;
export type Installation = typeof installations.$inferSelect;
