import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { leads } from './schema.js';

// The manager's week (docs/rules.md#r15): what the digest remembers from one week to the next, and the
// inspections it asks for. Beside schema.ts, which holds the leads themselves.

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One digest's figures, per rep ('' for the team line): the next week's digest shows the change. */
export const digestSnapshots = pgTable(
  'digest_snapshots',
  {
    teamId: text('team_id').notNull(),
    /** The Monday that starts the digest's week, yyyy-mm-dd in the team's zone. */
    weekStart: text('week_start').notNull(),
    repId: text('rep_id').notNull(),
    figures: jsonb('figures').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.weekStart, t.repId] })],
);

/** Leads the digest (or `/followup inspect`) asked a manager to look at: seeded by team, week and rep. */
export const inspectionPicks = pgTable(
  'inspection_picks',
  {
    teamId: text('team_id').notNull(),
    /** The week's key (yyyy-mm-dd of its Monday), or an on-demand key. */
    weekKey: text('week_key').notNull(),
    repId: text('rep_id').notNull(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    /** 'digest' or 'on-demand'. */
    source: text('source').notNull().default('digest'),
    pickedAt: tstz('picked_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.weekKey, t.repId, t.leadId] })],
);

/** A manager looked at a lead: who, which, when, their note (the rep sees it), and the lead as it was. */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: text('team_id').notNull(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    managerId: text('manager_id').notNull(),
    /** The lead's owner at the time. */
    repId: text('rep_id').notNull(),
    inspectedAt: tstz('inspected_at').notNull(),
    note: text('note'),
    leadState: jsonb('lead_state').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('inspections_team_lead_time_idx').on(t.teamId, t.leadId, t.inspectedAt), index('inspections_team_rep_time_idx').on(t.teamId, t.repId, t.inspectedAt)],
);

export type DigestSnapshot = typeof digestSnapshots.$inferSelect;
export type InspectionPick = typeof inspectionPicks.$inferSelect;
export type Inspection = typeof inspections.$inferSelect;
