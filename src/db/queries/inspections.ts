import { and, asc, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leads } from '../schema.js';
import { inspections } from '../schema-manager.js';

const DAY_MS = 86_400_000;
/** Coverage counts the open leads a manager looked at in the last 90 days. */
export const COVERAGE_DAYS = 90;

export interface RepCoverage {
  repId: string;
  /** Open leads of the rep now. */
  open: number;
  /** Of those, looked at by a manager in the last 90 days. */
  lookedAt: number;
}

/** Per rep with open leads: how many of them a manager looked at in the last 90 days. */
export async function inspectionCoverage(db: Queryable, teamId: string, now: Date): Promise<RepCoverage[]> {
  const since = new Date(now.getTime() - COVERAGE_DAYS * DAY_MS);
  // Each open lead joined with its looks in the window: distinct counts, so two looks count once.
  const rows = await db
    .select({ repId: leads.ownerId, open: sql<number>`count(distinct ${leads.id})`, lookedAt: sql<number>`count(distinct ${inspections.leadId})` })
    .from(leads)
    .leftJoin(inspections, and(eq(inspections.leadId, leads.id), eq(inspections.teamId, teamId), gte(inspections.inspectedAt, since)))
    .where(and(eq(leads.teamId, teamId), eq(leads.status, 'open')))
    .groupBy(leads.ownerId)
    .orderBy(asc(leads.ownerId));
  return rows.map((r) => ({ repId: r.repId, open: Number(r.open), lookedAt: Number(r.lookedAt) }));
}

export interface InspectionNote {
  leadId: string;
  leadName: string;
  repId: string;
  managerId: string;
  inspectedAt: Date;
  note: string | null;
}

const noteColumns = {
  leadId: inspections.leadId,
  leadName: leads.name,
  repId: inspections.repId,
  managerId: inspections.managerId,
  inspectedAt: inspections.inspectedAt,
  note: inspections.note,
};

/** The latest notes managers left, newest first: the team's, or those on one rep's leads. */
export async function latestInspectionNotes(db: Queryable, opts: { teamId: string; repId?: string; limit: number }): Promise<InspectionNote[]> {
  return db
    .select(noteColumns)
    .from(inspections)
    .innerJoin(leads, eq(leads.id, inspections.leadId))
    .where(and(eq(inspections.teamId, opts.teamId), isNotNull(inspections.note), opts.repId ? eq(inspections.repId, opts.repId) : undefined))
    .orderBy(desc(inspections.inspectedAt))
    .limit(opts.limit);
}

/** One lead's inspections, newest first (with or without a note). */
export async function leadInspections(db: Queryable, teamId: string, leadId: string, limit = 10): Promise<InspectionNote[]> {
  return db
    .select(noteColumns)
    .from(inspections)
    .innerJoin(leads, eq(leads.id, inspections.leadId))
    .where(and(eq(inspections.teamId, teamId), eq(inspections.leadId, leadId)))
    .orderBy(desc(inspections.inspectedAt))
    .limit(limit);
}

/** App Home's inspections: a manager's coverage per rep and the team's latest notes; a rep's notes on their own leads. */
export async function homeInspections(db: Queryable, opts: { teamId: string; userId: string; isManager: boolean; now: Date }) {
  const { teamId, userId, isManager, now } = opts;
  if (!isManager) return { coverage: null, notes: await latestInspectionNotes(db, { teamId, repId: userId, limit: 5 }) };
  const [coverage, notes] = await Promise.all([inspectionCoverage(db, teamId, now), latestInspectionNotes(db, { teamId, limit: 5 })]);
  return { coverage, notes };
}
