import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '../client.js';
import { reps, teams, type Rep, type Team } from '../schema.js';
import { claimOnce } from './lock-lead.js';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const repSettingsInput = z.object({
  dmTime: z.string().regex(HH_MM).optional(),
  tz: z.string().min(1).max(64).optional(),
  /** DMs paused until this instant (the rep is on leave); null resumes them. */
  dmsPausedUntil: z.date().nullable().optional(),
});

export const teamSettingsInput = z.object({
  digestChannel: z.string().regex(/^[CG][A-Z0-9]+$/).optional(),
  digestDay: z.number().int().min(1).max(7).optional(),
  digestTime: z.string().regex(HH_MM).optional(),
  teamTz: z.string().min(1).max(64).optional(),
  workStart: z.string().regex(HH_MM).optional(),
  workEnd: z.string().regex(HH_MM).optional(),
  workDays: z.array(z.number().int().min(1).max(7)).min(1).optional(),
  newPerDay: z.number().int().min(1).max(50).optional(),
  checkinDays: z.number().int().min(7).max(365).optional(),
});

export interface SettingsChange {
  teamId: string;
  userId: string;
  rep?: z.input<typeof repSettingsInput>;
  team?: z.input<typeof teamSettingsInput>;
  /** Managers to appoint and to remove (R15 needs someone to inspect). */
  addManagers?: string[];
  removeManagers?: string[];
  requestKey?: string | null;
  now: Date;
}

/** The team's settings as they stand; undefined for a team not seen yet. */
export async function findTeamSettings(db: Queryable, teamId: string): Promise<Team | undefined> {
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  return team;
}

/** One `/followup settings` command: every change in one transaction, all or nothing. */
export async function changeSettings(db: Db, change: SettingsChange): Promise<{ rep: Rep; team: Team }> {
  const repPatch = repSettingsInput.parse(change.rep ?? {});
  const teamPatch = teamSettingsInput.parse(change.team ?? {});
  return db.transaction(async (tx) => {
    await claimOnce(tx, change.teamId, change.requestKey ?? null, 'settings', 'Those settings were already saved.');
    if (Object.keys(repPatch).length > 0) {
      await tx
        .update(reps)
        .set({ ...repPatch, ...(repPatch.tz ? { tzOverridden: true } : {}), updatedAt: change.now })
        .where(and(eq(reps.teamId, change.teamId), eq(reps.userId, change.userId)));
    }
    if (Object.keys(teamPatch).length > 0) {
      await tx.update(teams).set({ ...teamPatch, updatedAt: change.now }).where(eq(teams.id, change.teamId));
    }
    for (const userId of change.addManagers ?? []) {
      await tx
        .insert(reps)
        .values({ teamId: change.teamId, userId, isManager: true })
        .onConflictDoUpdate({ target: [reps.teamId, reps.userId], set: { isManager: true, updatedAt: change.now } });
    }
    for (const userId of change.removeManagers ?? []) {
      await tx
        .update(reps)
        .set({ isManager: false, updatedAt: change.now })
        .where(and(eq(reps.teamId, change.teamId), eq(reps.userId, userId)));
    }
    const [rep] = await tx.select().from(reps).where(and(eq(reps.teamId, change.teamId), eq(reps.userId, change.userId)));
    const [team] = await tx.select().from(teams).where(eq(teams.id, change.teamId));
    return { rep: rep!, team: team! };
  });
}
