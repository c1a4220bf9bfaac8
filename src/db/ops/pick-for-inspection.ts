import { and, asc, eq, gte, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { pickSeed, weightedPicks, type PickCandidate } from '../../coach/inspection-picks.js';
import type { Db } from '../client.js';
import { leads } from '../schema.js';
import { inspectionPicks, inspections } from '../schema-manager.js';

const DAY_MS = 86_400_000;
/** A lead a manager looked at is not offered again for 30 days. */
export const INSPECTED_RECENTLY_DAYS = 30;
/** On demand, "two more": not the leads already offered for that rep in the last 7 days. */
const OFFERED_RECENTLY_DAYS = 7;

export const pickForInspectionInput = z.object({
  teamId: z.string().min(1),
  repId: z.string().min(1),
  /** yyyy-mm-dd of the digest week's Monday, or `ondemand:<iso minute>`. */
  weekKey: z.string().min(1).max(100),
  source: z.enum(['digest', 'on-demand']),
  count: z.number().int().min(1).max(10).default(2),
  now: z.date(),
});
export type PickForInspectionInput = z.input<typeof pickForInspectionInput>;

/**
 * A manager's picks for one rep (the manager's week, "don't assume — look"): open leads no manager
 * looked at in the last 30 days, at random weighted by value, seeded by team, week and rep. Stored:
 * the same team, week and rep get the same picks back.
 */
export async function pickForInspection(db: Db, raw: PickForInspectionInput): Promise<PickCandidate[]> {
  const input = pickForInspectionInput.parse(raw);
  const { teamId, repId, weekKey } = input;
  return db.transaction(async (tx) => {
    const stored = await tx
      .select({ leadId: leads.id, name: leads.name, value: leads.value })
      .from(inspectionPicks)
      .innerJoin(leads, eq(leads.id, inspectionPicks.leadId))
      .where(and(eq(inspectionPicks.teamId, teamId), eq(inspectionPicks.weekKey, weekKey), eq(inspectionPicks.repId, repId)))
      .orderBy(asc(inspectionPicks.pickedAt), asc(leads.name));
    if (stored.length) return stored;

    const since = new Date(input.now.getTime() - INSPECTED_RECENTLY_DAYS * DAY_MS);
    const lookedAt = tx
      .select({ id: inspections.leadId })
      .from(inspections)
      .where(and(eq(inspections.teamId, teamId), gte(inspections.inspectedAt, since)));
    const open = await tx
      .select({ leadId: leads.id, name: leads.name, value: leads.value })
      .from(leads)
      .where(and(eq(leads.teamId, teamId), eq(leads.ownerId, repId), eq(leads.status, 'open'), notInArray(leads.id, lookedAt)));
    let candidates = open;
    if (input.source === 'on-demand') {
      const offered = await tx
        .select({ id: inspectionPicks.leadId })
        .from(inspectionPicks)
        .where(
          and(
            eq(inspectionPicks.teamId, teamId),
            eq(inspectionPicks.repId, repId),
            gte(inspectionPicks.pickedAt, new Date(input.now.getTime() - OFFERED_RECENTLY_DAYS * DAY_MS)),
          ),
        );
      const seen = new Set(offered.map((o) => o.id));
      candidates = open.filter((l) => !seen.has(l.leadId));
    }
    const picks = weightedPicks(candidates, pickSeed(teamId, weekKey, repId), input.count);
    if (picks.length === 0) return [];
    await tx
      .insert(inspectionPicks)
      // A millisecond apart: read back in the order they were drawn.
      .values(picks.map((p, i) => ({ teamId, weekKey, repId, leadId: p.leadId, source: input.source, pickedAt: new Date(input.now.getTime() + i) })))
      .onConflictDoNothing();
    return picks;
  });
}

