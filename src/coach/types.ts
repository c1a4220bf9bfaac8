// Plain data the coach reasons about: no Slack, no database rows, no clock.
import type { CommitmentStatus, LeadStatus, StepOrigin, Tier, TouchChannel } from '../domain/vocabulary.js';

export interface CoachStep {
  id: string;
  action: string;
  /** An all-day step is due until the end of its day; a timed one is overdue from its time (docs/rules.md#r5). */
  dueAt: Date;
  allDay: boolean;
  promised: boolean;
  /** R4: what the prospect agreed to do, and whether they did it (null: no commitment). */
  theirCommitment: string | null;
  theirStatus: CommitmentStatus | null;
  /** Who set it: see STEP_ORIGINS (rep, coach R6, checkin/thanks/referral-ask R11, plan R2). */
  origin: StepOrigin;
}

/** One lead with the per-lead aggregates SQL computes (counts and last times, not touch lists). */
export interface CoachLead {
  id: string;
  name: string;
  company: string | null;
  ownerId: string;
  tier: Tier;
  value: number | null;
  status: LeadStatus;
  createdAt: Date;
  /** Imported leads are not new arrivals: no speed-to-lead alerts (R2); their first contacts are planned. */
  imported: boolean;
  /** R2: a new arrival from a web form or CRM (POST /leads, or `add … source:inbound`): speed to lead applies. */
  inbound: boolean;
  touchCount: number;
  firstTouchAt: Date | null;
  lastTouchAt: Date | null;
  lastTouchChannel: TouchChannel | null;
  /** What the last touch's outcome said, as typed. */
  lastOutcome: string | null;
  snoozedUntil: Date | null;
  /** R15: why it was last snoozed, as typed (null: no reason given). */
  snoozeReason: string | null;
  /** R15: how many times it was snoozed, and for how many days in all: a parked lead snoozed too often is flagged. */
  snoozeCount: number;
  snoozedDaysTotal: number;
  revivedAt: Date | null;
  wonAt: Date | null;
  /** R10 poor-prospect tags seen on this lead's touches, with repeats. */
  signalCount: number;
  /** R9/R10 positive tags (asked about price, replied, …) seen on this lead's touches, with repeats. */
  positiveSignalCount: number;
  /** R4/R10: prospect commitments kept and missed. */
  theirKept: number;
  theirMissed: number;
  /** R9: touches since the last engagement (an inbound touch, a positive signal, a kept commitment, a win). */
  touchesSinceEngagement: number;
  /** R11: who referred this lead, as typed. */
  referredBy: string | null;
  openStep: CoachStep | null;
}

/** A team's working hours and days (docs/rules.md#r2), wall-clock in each person's own zone. */
export interface WorkWeek {
  /** 'HH:MM', 24-hour. */
  start: string;
  end: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
}

export interface Clock {
  now: Date;
  /** The viewer's IANA zone: "today" and "overdue" are read in it. */
  zone: string;
}
