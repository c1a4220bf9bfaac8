// Plain data the coach reasons about: no Slack, no database rows, no clock.
import type { CommitmentStatus, LeadStatus, StepOrigin, Tier, TouchChannel } from '../domain/vocabulary.js';

export interface CoachStep {
  id: string;
  action: string;
  dueAt: Date;
  allDay: boolean;
  promised: boolean;
  theirCommitment: string | null;
  theirStatus: CommitmentStatus | null;
  /** Who set it: STEP_ORIGINS in src/domain/vocabulary.ts. */
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
  /** Imported leads are not new arrivals: no speed-to-lead alerts (R2). */
  imported: boolean;
  touchCount: number;
  firstTouchAt: Date | null;
  lastTouchAt: Date | null;
  lastTouchChannel: TouchChannel | null;
  snoozedUntil: Date | null;
  revivedAt: Date | null;
  wonAt: Date | null;
  /** R10 poor-prospect tags seen on this lead's touches, with repeats. */
  signalCount: number;
  /** R4/R10: prospect commitments kept and missed. */
  theirKept: number;
  theirMissed: number;
  /** R2: the prospect reached out (POST /leads, `add … source:inbound`). */
  inbound: boolean;
  /** R9: touches since the last engagement (an inbound touch, a positive signal, a kept commitment). */
  touchesSinceEngagement: number;
  /** R10: positive signals seen on this lead's touches, with repeats. */
  positiveSignalCount: number;
  /** The last touch's outcome, as typed. */
  lastOutcome: string | null;
  /** R11: who referred this lead. */
  referredBy: string | null;
  openStep: CoachStep | null;
}

/** R2: a team's working hours (wall-clock 'HH:MM') and ISO weekdays (1 = Monday). */
export interface WorkWeek {
  start: string;
  end: string;
  days: number[];
}

export interface Clock {
  now: Date;
  /** The viewer's IANA zone: "today" and "overdue" are read in it. */
  zone: string;
}
