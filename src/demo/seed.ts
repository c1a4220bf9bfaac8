import type { Db } from '../db/client.js';
import { addLead } from '../db/ops/add-lead.js';
import { closeLost, closeWon } from '../db/ops/close-lead.js';
import { completeStep } from '../db/ops/complete-step.js';
import { ensureRep } from '../db/ops/ensure-rep.js';
import { logTouch, type NextStepInput } from '../db/ops/log-touch.js';
import { reviveLead } from '../db/ops/revive-lead.js';
import { changeSettings } from '../db/ops/settings.js';
import { snoozeLead } from '../db/ops/snooze-lead.js';
import { localCalendar, type LocalCalendar } from './demo-day.js';
import { SAMPLE_LEADS, type HistoryEvent, type LeadSeed, type StepSeed } from './sample-leads.js';
import { DEMO_TEAM_ID, MANAGER, PEOPLE } from './team.js';

// Reps joined well before the histories begin.
const JOINED_DAYS_AGO = 90;

/**
 * Writes the sample team through the app's own operations, each with the clock set back to when it
 * happened, so the counters, next steps and promise records are what the app itself would hold.
 */
export async function seedDemoTeam(db: Db, monday: string): Promise<{ leads: number }> {
  for (const person of PEOPLE) {
    const joined = localCalendar(monday, person.zone).at([-JOINED_DAYS_AGO, '09:00']);
    await ensureRep(db, DEMO_TEAM_ID, person.id, { tz: person.zone, displayName: person.realName }, joined);
  }
  await changeSettings(db, { teamId: DEMO_TEAM_ID, userId: MANAGER.id, addManagers: [MANAGER.id], now: localCalendar(monday, MANAGER.zone).at([-JOINED_DAYS_AGO, '09:00']) });

  let count = 0;
  for (const [ownerId, seeds] of SAMPLE_LEADS) {
    const owner = PEOPLE.find((p) => p.id === ownerId)!;
    const calendar = localCalendar(monday, owner.zone);
    for (const seed of seeds) {
      await writeLead(db, ownerId, seed, calendar);
      count += 1;
    }
  }
  return { leads: count };
}

async function writeLead(db: Db, ownerId: string, seed: LeadSeed, calendar: LocalCalendar): Promise<void> {
  const lead = await addLead(db, {
    teamId: DEMO_TEAM_ID,
    ownerId,
    createdBy: ownerId,
    name: seed.name,
    tier: seed.tier,
    value: seed.value ?? null,
    company: seed.company ?? null,
    source: seed.source ?? null,
    now: calendar.at(seed.added),
  });
  const base = { teamId: DEMO_TEAM_ID, repId: ownerId, leadId: lead.id };
  const nextStep = (s: StepSeed | undefined): NextStepInput | null =>
    s ? { action: s.action, dueAt: calendar.endOfDay(s.due), promised: s.promised ?? false, theirCommitment: s.they ?? null } : null;
  for (const event of seed.history ?? []) {
    const now = calendar.at(event.at);
    await applyEvent(db, event, { ...base, now }, nextStep, calendar);
  }
}

type Base = { teamId: string; repId: string; leadId: string; now: Date };

function applyEvent(db: Db, e: HistoryEvent, base: Base, nextStep: (s: StepSeed | undefined) => NextStepInput | null, calendar: LocalCalendar): Promise<unknown> {
  if ('touch' in e) return logTouch(db, { ...base, channel: e.touch, outcome: e.outcome, signals: e.signals ?? [], next: nextStep(e.next) });
  if ('done' in e) return completeStep(db, { ...base, theirs: e.done, next: nextStep(e.next) });
  if ('won' in e) return closeWon(db, { ...base, note: e.won, checkIn: { action: 'service check-in', dueAt: calendar.endOfDay(e.checkInDue) } });
  if ('lost' in e) return closeLost(db, { ...base, note: e.lost });
  if ('snoozeUntil' in e) return snoozeLead(db, { ...base, until: calendar.at([e.snoozeUntil, '00:00']), reason: e.reason });
  return reviveLead(db, { ...base, trigger: e.revive });
}
