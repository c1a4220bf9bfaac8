import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leads, nextSteps, touches, type Lead, type NextStep, type Touch } from '../schema.js';

export interface LeadHistory {
  lead: Lead;
  touches: Touch[];
  steps: NextStep[];
}

// A Slack message has room for a screenful; older history stays in the database.
const HISTORY_LIMIT = 15;

/** One lead with its latest touches and next steps, newest first. */
export async function leadHistory(db: Queryable, teamId: string, leadId: string): Promise<LeadHistory | null> {
  const [lead] = await db.select().from(leads).where(and(eq(leads.id, leadId), eq(leads.teamId, teamId)));
  if (!lead) return null;
  const [t, s] = await Promise.all([
    db.select().from(touches).where(eq(touches.leadId, leadId)).orderBy(desc(touches.occurredAt), desc(touches.createdAt)).limit(HISTORY_LIMIT),
    db.select().from(nextSteps).where(eq(nextSteps.leadId, leadId)).orderBy(desc(nextSteps.createdAt)).limit(HISTORY_LIMIT),
  ]);
  return { lead, touches: t, steps: s };
}
