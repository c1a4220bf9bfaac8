import { thankYouStep } from '../coach/cadence.js';
import type { Db } from '../db/client.js';
import { addLead } from '../db/ops/add-lead.js';
import { closeLost, closeWon } from '../db/ops/close-lead.js';
import { completeStep } from '../db/ops/complete-step.js';
import { ensureRep } from '../db/ops/ensure-rep.js';
import { logTouch, type NextStepInput } from '../db/ops/log-touch.js';
import { proposeFor } from '../db/ops/propose-context.js';
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
export async function seedDemoTeam(db: Db, monday: string): Promise<void> {
  for (const person of PEOPLE) {
    const joined = localCalendar(monday, person.zone).at([-JOINED_DAYS_AGO, '09:00']);
    await ensureRep(db, DEMO_TEAM_ID, person.id, { tz: person.zone, displayName: person.realName, email: person.email }, joined);
  }
  await changeSettings(db, { teamId: DEMO_TEAM_ID, userId: MANAGER.id, addManagers: [MANAGER.id], now: localCalendar(monday, MANAGER.zone).at([-JOINED_DAYS_AGO, '09:00']) });

  for (const [ownerId, seeds] of SAMPLE_LEADS) {
    const owner = PEOPLE.find((p) => p.id === ownerId)!;
    const calendar = localCalendar(monday, owner.zone);
    for (const seed of seeds) await writeLead(db, ownerId, seed, calendar);
  }
}

const stepOn = (calendar: LocalCalendar, s: StepSeed | undefined): NextStepInput | null =>
  s ? { action: s.action, dueAt: calendar.endOfDay(s.due), promised: s.promised ?? false, theirCommitment: s.they ?? null } : null;

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
    inbound: seed.inbound ?? false,
    now: calendar.at(seed.added),
  });
  for (const event of seed.history ?? []) {
    await applyEvent(db, event, { teamId: DEMO_TEAM_ID, repId: ownerId, leadId: lead.id, now: calendar.at(event.at) }, calendar);
  }
}

type Moment = { teamId: string; repId: string; leadId: string; now: Date };

/** One thing that happened to a lead, through the operation the app itself would run for it. */
function applyEvent(db: Db, e: HistoryEvent, m: Moment, calendar: LocalCalendar): Promise<unknown> {
  if ('touch' in e) return logTouch(db, { ...m, channel: e.touch, outcome: e.outcome, signals: e.signals ?? [], next: stepOn(calendar, e.next) });
  // A customer's done step is followed by the next aftercare step, as `/followup done` sets it (R11).
  if ('done' in e) return completeStep(db, { ...m, theirs: e.done, next: stepOn(calendar, e.next), propose: proposeFor({ now: m.now, zone: calendar.zone }) });
  // R11: the thank-you step `/followup won` would set.
  if ('won' in e) return closeWon(db, { ...m, note: e.won, thanks: thankYouStep({ now: m.now, zone: calendar.zone }) });
  if ('lost' in e) return closeLost(db, { ...m, note: e.lost });
  if ('snoozeUntil' in e) return snoozeLead(db, { ...m, until: calendar.at([e.snoozeUntil, '00:00']), reason: e.reason });
  return reviveLead(db, { ...m, trigger: e.revive });
}
