import type { Tier, TouchChannel } from '../domain/vocabulary.js';
import type { When } from './demo-day.js';
import { KENJI, MAYA, SAM } from './team.js';

// The demo team's leads and what happened to them over the last weeks, in each owner's own zone.
// Together they set off every warning the coach gives on Monday morning (docs/rules.md): R2 new
// arrivals, R3 no next step, R5 missed promises, R7 stopped at 1–2 touches, R8 too soon, R9 no
// progress, R11 a customer check-in, R12 cold prospects (waiting, revived, with a step due), R14 a
// call to confirm by e-mail, and snoozed, won and lost leads for the digest.

export interface StepSeed {
  action: string;
  /** Days from the demo's Monday; the step is due at the end of that local day. */
  due: number;
  promised?: boolean;
  /** The prospect's side of the step (R4). */
  they?: string;
}

export type HistoryEvent =
  | { at: When; touch: TouchChannel; outcome: string; next?: StepSeed; signals?: string[] }
  | { at: When; done: 'kept' | 'missed' | null; next?: StepSeed }
  /** Won, with the thank-you step `/followup won` sets (R11). */
  | { at: When; won: string }
  | { at: When; lost: string }
  | { at: When; snoozeUntil: number; reason: string }
  | { at: When; revive: string };

export interface LeadSeed {
  name: string;
  tier: Tier;
  value?: number;
  company?: string;
  source?: string;
  /** Came in through the web form or a webinar sign-up: held to the hour (R2). */
  inbound?: boolean;
  added: When;
  history?: HistoryEvent[];
}

const step = (action: string, due: number, more: Omit<StepSeed, 'action' | 'due'> = {}): StepSeed => ({ action, due, ...more });
const touch = (channel: TouchChannel, at: When, outcome: string, next?: StepSeed, signals?: string[]): HistoryEvent => ({
  at, touch: channel, outcome, ...(next ? { next } : {}), ...(signals ? { signals } : {}),
});

const KENJI_LEADS: LeadSeed[] = [
  // The lead Kenji works on in the scripted part of the day.
  { name: 'Hoshino Trading', tier: 'new', value: 24_000, source: 'trade show', added: [-20, '10:00'], history: [
    touch('call', [-20, '11:00'], 'met at the booth; interested in a pilot', step('send the overview deck', -15)),
    touch('email', [-15, '09:30'], 'sent the deck', step('call about the pilot scope', 0)),
  ] },
  // Snoozed in the scripted part: parked in the digest.
  { name: 'Sakura Logistics', tier: 'customer', value: 40_000, added: [-60, '10:00'], history: [
    touch('meeting', [-60, '14:00'], 'renewal talks started', step('follow up on the renewal', -50)),
    touch('call', [-49, '10:00'], 'renewal signed off', step('quarterly review call', 0, { promised: true })),
  ] },
  // R2: came in through the web form this morning, nobody has called yet.
  { name: 'Kaito Robotics', tier: 'new', value: 16_000, source: 'website form', inbound: true, added: [0, '06:40'] },
  // R5: a promise gone overdue.
  { name: 'Minato Design Studio', tier: 'referral', value: 18_000, source: 'referral from Sakura Logistics', added: [-12, '10:00'], history: [
    touch('call', [-12, '15:00'], 'intro call; wants to see how it works', step('book a discovery meeting', -7)),
    touch('meeting', [-7, '11:00'], 'discovery meeting went well', step('send the proposal', -4, { promised: true })),
  ] },
  // R9: five touches and the sale has not moved.
  { name: 'Osaka Fresh Foods', tier: 'new', value: 9_500, added: [-45, '09:00'], history: [
    touch('call', [-45, '10:00'], 'first call', step('send the brochure', -38)),
    touch('email', [-38, '10:00'], 'sent the brochure', step('call about it', -30), ['vague']),
    touch('call', [-30, '16:00'], 'too busy to talk', step('try again', -16), ['no-time']),
    touch('email', [-16, '11:00'], 'nudged by e-mail', step('call again', -9)),
    touch('call', [-9, '14:00'], 'still "thinking about it"', step('ask for a decision', 0), ['vague']),
  ] },
  // R7: one touch three weeks ago, and the next step slipped.
  { name: 'Nagoya Precision', tier: 'new', value: 12_000, added: [-22, '09:00'], history: [
    touch('call', [-20, '10:00'], 'budget meeting next week', step('call back after their budget meeting', -6)),
  ] },
  // R14: called on Friday; confirm in writing.
  { name: 'Kobe Ceramics', tier: 'new', value: 6_000, added: [-10, '09:00'], history: [
    touch('email', [-10, '10:00'], 'introduced ourselves', step('call to qualify', -3)),
    touch('call', [-3, '17:00'], 'qualified: three stores, want prices', step('send the price list', 0)),
  ] },
  // R3: the demo happened, they missed their side, and nothing was planned after it.
  { name: 'Fuji Analytics', tier: 'new', value: 15_000, added: [-14, '09:00'], history: [
    touch('call', [-14, '10:00'], 'keen on a demo', step('run the demo', -5, { they: 'invite their data team' })),
    { at: [-5, '18:00'], done: 'missed' },
  ] },
  // R3: a site visit logged without a next step.
  { name: 'Tokyo Bay Hotels', tier: 'lead', value: 27_000, added: [-30, '09:00'], history: [
    touch('call', [-30, '10:00'], 'wants references', step('send references', -25)),
    touch('email', [-24, '10:00'], 'references sent', step('site visit', -10)),
    touch('visit', [-10, '13:00'], 'toured two of their hotels'),
  ] },
  // R12: a cold prospect waits out of the queue…
  { name: 'Sapporo Craft Beer', tier: 'cold', value: 30_000, added: [-40, '09:00'] },
  // …unless a trigger event revives it.
  { name: 'Yokohama Marine', tier: 'cold', value: 22_000, added: [-50, '09:00'], history: [
    touch('call', [-50, '10:00'], 'happy with their current supplier'),
    { at: [-1, '20:00'], revive: 'their current supplier went bankrupt' },
  ] },
  { name: 'Shibuya Media', tier: 'new', value: 8_000, added: [-25, '09:00'], history: [
    touch('email', [-25, '10:00'], 'first contact', step('call', -18)),
    touch('call', [-18, '10:00'], 'comparing tools', step('ask how their comparison is going', -11)),
    { at: [-3, '12:00'], lost: 'chose an in-house tool' },
  ] },
  // R11: won a month ago; the service check-in is today.
  { name: 'Ginza Jewelers', tier: 'referral', value: 35_000, added: [-50, '09:00'], history: [
    touch('meeting', [-45, '11:00'], 'ready to buy', step('send the contract', -32, { promised: true })),
    touch('email', [-32, '10:00'], 'contract sent'),
    { at: [-30, '16:00'], won: 'two-year contract' },
    // The thank-you the win set, done the next morning: the 30-day check-in follows (R11).
    { at: [-29, '10:00'], done: null },
  ] },
  { name: 'Akihabara Electronics', tier: 'new', value: 5_000, added: [-4, '10:00'], history: [
    touch('call', [-4, '11:30'], 'interested; wants a quote', step('send a quote', 3)),
  ] },
];

const MAYA_LEADS: LeadSeed[] = [
  // R5: the revised quote was promised for Friday.
  { name: 'Brandt & Söhne', tier: 'referral', value: 32_000, source: 'referral from Kessler Maschinenbau', added: [-9, '09:00'], history: [
    touch('call', [-9, '10:00'], 'needs a quote for 40 seats', step('send a quote', -6, { promised: true })),
    touch('email', [-6, '15:00'], 'quote sent; they asked for a revision', step('send the revised quote', -3, { promised: true })),
  ] },
  // R2: two web-form arrivals, oldest first.
  { name: 'Elbe Logistik', tier: 'new', value: 14_000, source: 'website form', inbound: true, added: [0, '06:15'] },
  { name: 'Rhein Solar', tier: 'new', source: 'webinar', inbound: true, added: [-2, '16:00'] },
  { name: 'Kessler Maschinenbau', tier: 'customer', value: 55_000, added: [-80, '09:00'], history: [
    touch('meeting', [-80, '10:00'], 'annual review', step('review usage together', -60, { they: 'share the usage report' })),
    { at: [-60, '15:00'], done: 'kept', next: step('talk through renewal options', -30) },
    touch('call', [-30, '10:00'], 'they want a three-year term', step('send the renewal proposal', -14)),
    touch('email', [-14, '11:00'], 'renewal proposal sent', step('renewal call', 0, { they: 'bring procurement' })),
  ] },
  // R8 and R14: a call at Saturday's fair; give them room, and confirm by e-mail.
  { name: 'Nordlicht Media', tier: 'new', value: 8_000, added: [-8, '09:00'], history: [
    touch('email', [-8, '10:00'], 'invited them to our stand', step('meet at the fair', -2)),
    touch('call', [-2, '10:30'], 'met at the fair', step('send the case study', 0)),
  ] },
  // R7: two touches, the last 17 days ago.
  { name: 'Havel Consulting', tier: 'new', value: 10_000, added: [-21, '09:00'], history: [
    touch('email', [-20, '10:00'], 'first contact', step('call', -17)),
    touch('call', [-17, '11:00'], 'board meets soon', step('check in after their board meeting', -3)),
  ] },
  // R9: six touches without progress.
  { name: 'Isar Medical', tier: 'lead', value: 21_000, added: [-50, '09:00'], history: [
    touch('call', [-50, '10:00'], 'first call', step('send the overview', -43)),
    touch('email', [-43, '10:00'], 'overview sent', step('ask what they made of the overview', -36), ['vague']),
    touch('call', [-36, '10:00'], 'no decision yet', step('propose a meeting', -29)),
    touch('meeting', [-29, '10:00'], 'they did not ask a single question', step('send pricing', -15), ['no-details']),
    touch('email', [-15, '10:00'], 'pricing sent', step('call', -8)),
    touch('call', [-8, '10:00'], 'still waiting on budget', step('ask whether the budget is approved', 0)),
  ] },
  // R3: the trial setup was done, and nothing planned after it.
  { name: 'Spree Software', tier: 'new', value: 12_500, added: [-20, '09:00'], history: [
    touch('call', [-19, '10:00'], 'first call', step('send a demo invite', -12)),
    touch('email', [-12, '10:00'], 'demo booked', step('run the demo', -7)),
    touch('meeting', [-7, '14:00'], 'demo went well', step('set up their trial', -3)),
    { at: [-3, '17:00'], done: null },
  ] },
  // R3 and R7: one e-mail, four and a half hours after it came in (an R2 miss last week).
  { name: 'Alster Versicherung', tier: 'new', value: 9_000, source: 'website form', inbound: true, added: [-6, '09:00'], history: [
    touch('email', [-6, '13:30'], 'sent the brochure'),
  ] },
  { name: 'Mosel Weinhandel', tier: 'cold', value: 4_000, added: [-30, '09:00'] },
  { name: 'Weser Bau', tier: 'new', value: 26_000, added: [-25, '09:00'], history: [
    touch('call', [-25, '10:00'], 'interested', step('meet', -18)),
    touch('meeting', [-18, '10:00'], 'need budget approval', step('follow up on the budget', -4)),
    { at: [-4, '16:00'], snoozeUntil: 3, reason: 'budget freeze until their board meets' },
  ] },
  { name: 'Main Capital', tier: 'referral', value: 48_000, added: [-40, '09:00'], history: [
    touch('call', [-40, '10:00'], 'intro', step('meet', -33)),
    touch('meeting', [-33, '10:00'], 'ready in principle', step('send the contract', -20, { promised: true })),
    touch('email', [-20, '10:00'], 'contract sent', step('confirm the signature', -5)),
    { at: [-5, '17:00'], won: 'signed for three years' },
  ] },
  { name: 'Ruhr Stahl', tier: 'new', value: 19_000, added: [-30, '09:00'], history: [
    touch('call', [-30, '10:00'], 'first call', step('send pricing', -16)),
    touch('email', [-16, '10:00'], 'pricing sent', step('ask what is holding them back', -9)),
    { at: [-6, '11:00'], lost: 'went with a competitor' },
  ] },
  { name: 'Neckar Pharma', tier: 'new', value: 17_000, added: [-5, '09:00'], history: [
    touch('meeting', [-5, '10:00'], 'scoped a pilot', step('send the pilot plan', 1, { promised: true })),
  ] },
];

const SAM_LEADS: LeadSeed[] = [
  { name: 'Hudson Freight', tier: 'referral', value: 45_000, added: [-16, '09:00'], history: [
    touch('call', [-16, '10:00'], 'referred by Liberty Insurance', step('send the proposal', -10)),
    touch('email', [-10, '10:00'], 'proposal sent', step('walk through the proposal', -3)),
    touch('meeting', [-3, '11:00'], 'walked through the proposal', step('walk through the contract', 0, { they: 'bring their legal team' })),
  ] },
  // A new arrival still inside its first hour at 08:00.
  { name: 'Brooklyn Roasters', tier: 'new', value: 3_500, source: 'website form', inbound: true, added: [0, '07:20'] },
  // R5: the contract was promised for Wednesday.
  { name: 'Empire Dental', tier: 'new', value: 7_500, added: [-15, '09:00'], history: [
    touch('email', [-15, '10:00'], 'first contact', step('call', -9)),
    touch('call', [-9, '10:00'], 'agreed terms', step('send the contract', -5, { promised: true })),
  ] },
  // R14: called on Friday afternoon.
  { name: 'Liberty Insurance', tier: 'customer', value: 28_000, added: [-70, '09:00'], history: [
    touch('meeting', [-70, '10:00'], 'onboarding review', step('check in', -40)),
    touch('call', [-40, '10:00'], 'all good', step('talk expansion', -3)),
    touch('call', [-3, '15:00'], 'want to add two offices', step('send the expansion quote', 0)),
  ] },
  // R9: four touches, poor signals, no progress.
  { name: 'Queens Auto Group', tier: 'new', value: 11_000, added: [-35, '09:00'], history: [
    touch('call', [-35, '10:00'], 'first call', step('send info', -28)),
    touch('email', [-28, '10:00'], 'info sent', step('call', -21), ['no-interest']),
    touch('call', [-21, '10:00'], 'never calls back', step('e-mail', -9), ['never-initiates']),
    touch('email', [-9, '10:00'], 'asked for a meeting', step('call for a yes or no', -2)),
  ] },
  // R5 without the promise: one call 16 days ago, and the step it set has slipped.
  { name: 'Harlem Bistro', tier: 'new', value: 2_500, added: [-17, '09:00'], history: [
    touch('call', [-16, '10:00'], 'owner liked it', step('send menu pricing', -2)),
  ] },
  // R3 and R7: they missed their side and nothing came after.
  { name: 'Madison Partners', tier: 'new', value: 13_000, added: [-13, '09:00'], history: [
    touch('email', [-13, '10:00'], 'first contact', step('intro call', -8)),
    touch('call', [-8, '10:00'], 'good call', step('send the proposal', -3, { they: 'send their requirements' })),
    { at: [-3, '16:00'], done: 'missed' },
  ] },
  // R8: they texted on Sunday; give them room.
  { name: 'Bronx Builders', tier: 'new', value: 9_000, added: [-4, '08:30'], history: [
    touch('call', [-4, '09:10'], 'needs a quote for a site', step('visit the site', -1)),
    touch('message', [-1, '14:00'], 'they texted photos of the site', step('send the quote', 0)),
  ] },
  // R12: a cold prospect whose step, set by Sam, falls due today.
  { name: 'Chelsea Gallery', tier: 'cold', value: 6_000, added: [-60, '09:00'], history: [
    touch('email', [-60, '10:00'], 'not now; a new director starts soon', step('check whether the new director has started', 0)),
  ] },
  // No touch in 14 days (the digest), though the next step is still ahead.
  { name: 'Staten Marine', tier: 'lead', value: 16_000, added: [-40, '09:00'], history: [
    touch('call', [-40, '10:00'], 'first call', step('send info', -33)),
    touch('email', [-33, '10:00'], 'info sent', step('call', -20)),
    touch('call', [-20, '10:00'], 'call next quarter', step('quarterly catch-up', 4)),
  ] },
  { name: 'Soho Studios', tier: 'new', value: 7_000, added: [-11, '09:00'], history: [
    touch('call', [-11, '10:00'], 'interested', step('send samples', -4)),
    { at: [-4, '12:00'], snoozeUntil: 4, reason: 'shooting a film until Thursday' },
  ] },
  { name: 'Battery Park Capital', tier: 'referral', value: 60_000, added: [-45, '09:00'], history: [
    touch('call', [-45, '10:00'], 'intro', step('meet', -30)),
    touch('meeting', [-30, '10:00'], 'terms agreed', step('send the final terms', -5, { promised: true })),
    touch('email', [-6, '10:00'], 'final terms sent', step('get the signature', -4)),
    { at: [-4, '15:00'], won: 'signed' },
  ] },
  { name: 'Tribeca Films', tier: 'new', value: 5_000, added: [-20, '09:00'], history: [
    touch('call', [-20, '10:00'], 'first call', step('send a summary of the first call', -10)),
    { at: [-3, '11:00'], lost: 'went with a competitor' },
  ] },
];

/** Every rep's leads, by owner id. */
export const SAMPLE_LEADS: ReadonlyMap<string, readonly LeadSeed[]> = new Map([
  [KENJI.id, KENJI_LEADS],
  [MAYA.id, MAYA_LEADS],
  [SAM.id, SAM_LEADS],
]);
