import { dueKind, type DueKind } from './due.js';
import { formatMoney, plural, tierLabel } from './labels.js';
import { isOverdue, localDaysBetween } from './local-day.js';
import { medianValue, priorityScore } from './priority.js';
import type { Clock, CoachLead } from './types.js';
import {
  confirmByEmail,
  needsNextStep,
  noProgress,
  promiseOverdue,
  speedToLeadMissed,
  stoppedEarlyWarning,
  touchedTooRecently,
  type Warning,
} from './warnings.js';

export interface QueueItem {
  lead: CoachLead;
  due: DueKind;
  /** 0: new arrival awaiting first contact (R2); 1: promise overdue (R5); 2: the rest. */
  band: 0 | 1 | 2;
  score: number;
  warnings: Warning[];
  /** Plain words, in order: "Referral · $12,000 · promised call overdue 1 day · touch 2 of 5+". */
  reasons: string[];
  prefix: string;
  touchNote: string | null;
  lastOutcome: string | null;
  commitment: string | null;
  promisedToday: boolean;
  isNew: boolean;
  offers: { theirSide: boolean; changeApproach: boolean };
}

export interface Queue {
  items: QueueItem[];
  /** R3: open leads with no dated next step, a section of their own. */
  noNextStep: CoachLead[];
}

// R7: most sales are made on the 5th–12th contact.
export const touchNote = (lead: CoachLead): string => `touch ${lead.touchCount + 1} of 5+`;

// Lateness adds at most half a tier step: it reorders leads of a tier, never overturns R1.
const LATENESS_WEIGHT = 0.5 / 7;
const LATENESS_CAP_DAYS = 7;

function dueText(lead: CoachLead, due: DueKind, clock: Clock): string {
  const step = lead.openStep;
  if (due === 'first-contact') return 'first contact due now';
  if (due === 'revived') return 'revived by a trigger event';
  if (!step) return 'due today';
  const what = due === 'check-in' ? `check-in: ${step.action}` : step.action;
  if (!isOverdue(step.dueAt, clock.now, clock.zone)) return `${what} due today`;
  return `${step.promised ? 'promised ' : ''}${what} overdue ${plural(localDaysBetween(step.dueAt, clock.now, clock.zone), 'day')}`;
}

export function queueItem(lead: CoachLead, due: DueKind, defaultValue: number, clock: Clock): QueueItem {
  const promise = promiseOverdue(lead, clock);
  const warnings = [
    promise,
    speedToLeadMissed(lead, clock),
    stoppedEarlyWarning(lead, clock),
    noProgress(lead),
    due === 'first-contact' ? null : touchedTooRecently(lead, clock),
    confirmByEmail(lead, clock),
  ].filter((w): w is Warning => w !== null);
  const band = due === 'first-contact' && !lead.imported ? 0 : promise ? 1 : 2;
  const step = lead.openStep;
  const lateDays = step && isOverdue(step.dueAt, clock.now, clock.zone) ? localDaysBetween(step.dueAt, clock.now, clock.zone) : 0;
  const score = priorityScore(lead, defaultValue) + Math.min(lateDays, LATENESS_CAP_DAYS) * LATENESS_WEIGHT;

  const reasons = [tierLabel(lead.tier)];
  if (lead.value !== null) reasons.push(formatMoney(lead.value));
  reasons.push(dueText(lead, due, clock));
  // The promise is already said by dueText; the other warnings add to it.
  reasons.push(...warnings.filter((w) => w !== promise).map((w) => w.text));
  const head = lead.value !== null ? 2 : 1;
  const prefix = reasons.slice(0, head).join(' · ');
  const pending = step?.theirCommitment && step.theirStatus === 'pending' ? step.theirCommitment : null;
  return {
    lead, due, band, score, warnings, reasons: reasons.slice(head, head + 3), prefix,
    touchNote: lead.status === 'open' && lead.touchCount >= 4 && lead.touchCount < 12 ? `touch ${lead.touchCount + 1} — most sales close between the 5th and 12th contact` : null,
    lastOutcome: null, commitment: pending ? `they: ${pending}` : null,
    promisedToday: !!step?.promised && !promise && due === 'step', isNew: due === 'first-contact',
    offers: { theirSide: pending !== null, changeApproach: noProgress(lead) !== null },
  };
}

/** Deterministic: band, then (new arrivals) oldest first, then score, then a stable key. */
export function compareItems(a: QueueItem, b: QueueItem): number {
  if (a.band !== b.band) return a.band - b.band;
  if (a.band === 0 && a.lead.createdAt.getTime() !== b.lead.createdAt.getTime()) {
    return a.lead.createdAt.getTime() - b.lead.createdAt.getTime();
  }
  if (a.score !== b.score) return b.score - a.score;
  return a.lead.id < b.lead.id ? -1 : a.lead.id > b.lead.id ? 1 : 0;
}

/** A rep's day: the due leads ranked with their reasons (R1, R2, R5, lateness), and the R3 warnings. */
export function buildQueue(leads: readonly CoachLead[], clock: Clock): Queue {
  const defaultValue = medianValue(leads);
  const items: QueueItem[] = [];
  for (const lead of leads) {
    const due = dueKind(lead, clock);
    if (due) items.push(queueItem(lead, due, defaultValue, clock));
  }
  items.sort(compareItems);
  const noNextStep = leads
    .filter((l) => needsNextStep(l, clock))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items, noNextStep };
}
