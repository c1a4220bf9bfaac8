import { dueKind, type DueKind } from './due.js';
import { formatMoney, tierLabel } from './labels.js';
import { likelihoodWithoutSignals } from './likelihood.js';
import { isDueByToday, isOverdue, localDaysBetween } from './local-day.js';
import { medianValue, priorityScore } from './priority.js';
import { candidateReasons, pickReasons, SIGNAL_REASON, type Reason, type ReasonKind } from './reasons.js';
import type { Clock, CoachLead, WorkWeek } from './types.js';
import { DEFAULT_WORK_WEEK } from './working-time.js';
import { needsNextStep, offersChangeApproach, promiseDueToday, promiseOverdue } from './warnings.js';

export interface QueueItem {
  lead: CoachLead;
  due: DueKind;
  /** 0: inbound arrival awaiting first contact (R2); 1: promise overdue (R5); 2: promise due today (R5); 3: the rest. */
  band: number;
  score: number;
  /** The tier label and value, if any: "Referral · $12,000". */
  prefix: string;
  /** At most three, most severe first, never two that contradict; plain words. */
  reasons: string[];
  /** What each reason is, parallel to `reasons`. */
  reasonKinds: ReasonKind[];
  /** R7: "touch 6 — most sales close between the 5th and 12th contact"; non-customers, touches 5–12 only. */
  touchNote: string | null;
  /** The first 80 characters of the last touch's outcome. */
  lastOutcome: string | null;
  /** R4: "they: send the budget" while the prospect's side of the open step is pending. */
  commitment: string | null;
  /** R5: the open step is promised and due today (or already overdue). */
  promisedToday: boolean;
  /** Never touched: its first contact is due. */
  isNew: boolean;
  offers: {
    /** R4: the open step has a pending prospect commitment: "They did their part" / "They didn't". */
    theirSide: boolean;
    /** R9: 4+ touches with no reply: "Change approach" / "Close it lost". */
    changeApproach: boolean;
  };
}

export interface Queue {
  items: QueueItem[];
  /** R3: open leads with no dated next step, a section of their own. */
  noNextStep: CoachLead[];
}

// R7: 80% of sales are made on the 5th–12th contact. Said of the touch that comes next.
export const FIRST_NOTED_TOUCH = 5;
export const LAST_NOTED_TOUCH = 12;
export function touchNote(lead: CoachLead): string | null {
  if (lead.status === 'won' || lead.tier === 'customer') return null;
  const next = lead.touchCount + 1;
  if (next < FIRST_NOTED_TOUCH || next > LAST_NOTED_TOUCH) return null;
  return `touch ${next} — most sales close between the 5th and 12th contact`;
}

export const OUTCOME_CHARS = 80;
export const shortOutcome = (text: string | null): string | null => {
  const t = text?.trim().replace(/\s+/g, ' ');
  if (!t) return null;
  return t.length <= OUTCOME_CHARS ? t : `${t.slice(0, OUTCOME_CHARS - 1).trimEnd()}…`;
};

const pendingCommitment = (lead: CoachLead): string | null => {
  const step = lead.openStep;
  if (!step?.theirCommitment || step.theirStatus === 'kept' || step.theirStatus === 'missed') return null;
  return step.theirCommitment;
};

// Lateness adds at most half a tier step: it reorders leads of a tier, never overturns R1.
const LATENESS_WEIGHT = 0.5 / 7;
const LATENESS_CAP_DAYS = 7;

function lateness(lead: CoachLead, clock: Clock): number {
  const step = lead.openStep;
  const lateDays = step && isOverdue(step, clock.now, clock.zone) ? localDaysBetween(step.dueAt, clock.now, clock.zone) : 0;
  return Math.min(lateDays, LATENESS_CAP_DAYS) * LATENESS_WEIGHT;
}

interface Ranked extends QueueItem {
  /** The score had no signal been tagged (R10), to tell whether signals moved the item. */
  neutralScore: number;
  candidates: Reason[];
}

function rankedItem(lead: CoachLead, due: DueKind, defaultValue: number, clock: Clock, week: WorkWeek): Ranked {
  const late = lateness(lead, clock);
  const score = priorityScore(lead, defaultValue) + late;
  const neutralScore = priorityScore(lead, defaultValue, likelihoodWithoutSignals(lead)) + late;
  const overdue = promiseOverdue(lead, clock) !== null;
  const today = promiseDueToday(lead, clock) !== null;
  const band = due === 'first-contact' && lead.inbound && !lead.imported ? 0 : overdue ? 1 : today ? 2 : 3;
  const prefix = [tierLabel(lead.tier), ...(lead.value !== null ? [formatMoney(lead.value)] : [])].join(' · ');
  const commitment = pendingCommitment(lead);
  const step = lead.openStep;
  return {
    lead,
    due,
    band,
    score,
    neutralScore,
    candidates: candidateReasons(lead, due, clock, week),
    prefix,
    reasons: [],
    reasonKinds: [],
    touchNote: touchNote(lead),
    lastOutcome: shortOutcome(lead.lastOutcome),
    commitment: commitment ? `they: ${commitment}` : null,
    promisedToday: !!step?.promised && isDueByToday(step.dueAt, clock.now, clock.zone),
    isNew: lead.touchCount === 0,
    offers: { theirSide: commitment !== null, changeApproach: offersChangeApproach(lead) },
  };
}

/** Deterministic: band, then (new arrivals) oldest first, then score, then a stable key. */
export function compareItems(a: Pick<QueueItem, 'band' | 'lead' | 'score'>, b: Pick<QueueItem, 'band' | 'lead' | 'score'>): number {
  if (a.band !== b.band) return a.band - b.band;
  if (a.band === 0 && a.lead.createdAt.getTime() !== b.lead.createdAt.getTime()) {
    return a.lead.createdAt.getTime() - b.lead.createdAt.getTime();
  }
  if (a.score !== b.score) return b.score - a.score;
  return a.lead.id < b.lead.id ? -1 : a.lead.id > b.lead.id ? 1 : 0;
}

/** R10: did signals move this item? Its place with the signal-free score would differ from its place now. */
function signalMove(items: readonly Ranked[], i: number): 'signals-up' | 'signals-down' | null {
  const item = items[i]!;
  if (item.neutralScore === item.score) return null;
  const probe = { ...item, score: item.neutralScore };
  const prev = items[i - 1];
  const next = items[i + 1];
  const moved = (prev !== undefined && compareItems(probe, prev) < 0) || (next !== undefined && compareItems(probe, next) > 0);
  if (!moved) return null;
  return item.score > item.neutralScore ? 'signals-up' : 'signals-down';
}

/**
 * A rep's day: the due leads ranked with their reasons (R1, R2, R5, lateness), and the R3 warnings.
 * `week` is the team's working time, for R2's first working hour (in the rep's zone, the clock's).
 */
export function buildQueue(leads: readonly CoachLead[], clock: Clock, week: WorkWeek = DEFAULT_WORK_WEEK): Queue {
  const defaultValue = medianValue(leads);
  const ranked: Ranked[] = [];
  for (const lead of leads) {
    const due = dueKind(lead, clock);
    if (due) ranked.push(rankedItem(lead, due, defaultValue, clock, week));
  }
  ranked.sort(compareItems);
  const items = ranked.map((r, i): QueueItem => {
    const move = signalMove(ranked, i);
    const picked = pickReasons(move ? [...r.candidates, { kind: move, text: SIGNAL_REASON[move] }] : r.candidates);
    const { neutralScore: _n, candidates: _c, ...item } = r;
    return { ...item, reasons: picked.map((p) => p.text), reasonKinds: picked.map((p) => p.kind) };
  });
  const noNextStep = leads
    .filter((l) => needsNextStep(l, clock))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items, noNextStep };
}
