// The words of the domain, each defined once: the database schema (enums and check constraints), the
// zod schemas, the command parsers, the coach and the Slack views all read them from here. Pure data:
// this module imports nothing. Changing a list changes a check constraint, so it needs a migration.

/** R1: how warm a lead is, warmest first. */
export const TIERS = ['referral', 'customer', 'lead', 'new', 'cold'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABEL: Record<Tier, string> = {
  referral: 'Referral',
  customer: 'Customer',
  lead: 'Lead',
  new: 'New lead',
  cold: 'Cold prospect',
};

export const LEAD_STATUSES = ['open', 'won', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** How a rep reached the prospect. Shown to users as typed. */
export const TOUCH_CHANNELS = ['call', 'email', 'meeting', 'visit', 'message', 'note'] as const;
export type TouchChannel = (typeof TOUCH_CHANNELS)[number];
export const TOUCH_CHANNEL_LABEL: Record<TouchChannel, string> = {
  call: 'call',
  email: 'email',
  meeting: 'meeting',
  visit: 'visit',
  message: 'message',
  note: 'note',
};

/** R10: poor-prospect signals a rep tags on a touch. */
export const SIGNALS = ['vague', 'no-interest', 'no-time', 'never-initiates', 'no-details', 'missed-promise', 'distracted'] as const;
export type Signal = (typeof SIGNALS)[number];
export const SIGNAL_LABEL: Record<Signal, string> = {
  vague: 'Vague or noncommittal',
  'no-interest': 'No specific interest',
  'no-time': "Won't spend time",
  'never-initiates': 'Never initiates',
  'no-details': 'Never asks for details',
  'missed-promise': 'Failed to keep a promise',
  distracted: 'Distracted',
};

export const TOUCH_DIRECTIONS = ['outbound', 'inbound'] as const;
export type TouchDirection = (typeof TOUCH_DIRECTIONS)[number];
export const POSITIVE_SIGNALS = ['asked-price', 'asked-timing', 'asked-details', 'introduced-decision-maker', 'replied'] as const;
export type PositiveSignal = (typeof POSITIVE_SIGNALS)[number];
export const POSITIVE_SIGNAL_LABEL: Record<PositiveSignal, string> = {
  'asked-price': 'Asked about price',
  'asked-timing': 'Asked about timing',
  'asked-details': 'Asked for details',
  'introduced-decision-maker': 'Introduced the decision-maker',
  replied: 'Replied',
};
export const ALL_SIGNALS = [...SIGNALS, ...POSITIVE_SIGNALS] as const;
export type AnySignal = (typeof ALL_SIGNALS)[number];
export const isPositiveSignal = (s: string): s is PositiveSignal => (POSITIVE_SIGNALS as readonly string[]).includes(s);

/** R3: a next step is open until done, or cancelled when another replaces it. */
export const NEXT_STEP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type NextStepStatus = (typeof NEXT_STEP_STATUSES)[number];
export const NEXT_STEP_STATUS_LABEL: Record<NextStepStatus, string> = { open: 'open', done: 'done', cancelled: 'replaced' };

/** R4: what became of the prospect's side of a next step, once known. */
export const COMMITMENT_OUTCOMES = ['kept', 'missed'] as const;
export type CommitmentOutcome = (typeof COMMITMENT_OUTCOMES)[number];
/** The prospect's side of a next step: pending until the rep says kept or missed. */
export const COMMITMENT_STATUSES = ['pending', ...COMMITMENT_OUTCOMES] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Who set a next step: the rep typed it, the coach proposed it (R6), or it is a customer check-in (R11). */
export const STEP_ORIGINS = ['rep', 'coach', 'checkin', 'plan', 'thanks', 'referral-ask'] as const;
export type StepOrigin = (typeof STEP_ORIGINS)[number];

/** Narrows typed text to a word of one of the lists above. */
export const isOneOf = <T extends string>(words: readonly T[], text: string): text is T => (words as readonly string[]).includes(text);
