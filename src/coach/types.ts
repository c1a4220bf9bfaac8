// Plain data the coach reasons about: no Slack, no database rows, no clock.
import type { LeadStatus, Tier, TouchChannel } from '../domain/vocabulary.js';

export interface CoachStep {
  id?: string;
  theirStatus?: 'pending' | 'kept' | 'missed' | null;
  action: string;
  dueAt: Date;
  allDay: boolean;
  promised: boolean;
  theirCommitment: string | null;
  /** 'rep' typed it, 'coach' proposed it (R6), 'checkin' is an R11 customer check-in. */
  origin: string;
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
  /** R9: touches since the last progress (a kept prospect commitment or a tier raised). */
  touchesSinceProgress: number;
  openStep: CoachStep | null;
}

export interface Clock {
  now: Date;
  /** The viewer's IANA zone: "today" and "overdue" are read in it. */
  zone: string;
}

export interface WorkWeek {
  start: string;
  end: string;
  days: number[];
}
