import { DateTime } from 'luxon';
import { assert, describe, expect, it } from 'vitest';
import { TOUCH_CHANNELS } from '../../../../src/domain/vocabulary.js';
import { resolveLeadRef } from '../../../../src/slack/parse/lead-ref.js';
import { parseLogTail, type LogArgs } from '../../../../src/slack/parse/log.js';
import { parseNextStep, type NextStepArgs } from '../../../../src/slack/parse/next-step.js';

const NY = 'America/New_York';
const ctx = { now: new Date('2026-11-25T15:00:00Z'), zone: NY }; // Wednesday 10:00 in New York
const at = (iso: string) => DateTime.fromISO(iso, { zone: NY }).toJSDate();
const END_OF_FRIDAY = new Date('2026-11-28T04:59:59.999Z');

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
/** What a parser makes of a text: its value, or its refusal; each throws when the other comes. */
const parsing = <T>(parse: (text: string, c: typeof ctx) => Parsed<T>) => ({
  value(text: string): T {
    const r = parse(text, ctx);
    if (!r.ok) throw new Error(`expected "${text}" to parse, got: ${r.error}`);
    return r.value;
  },
  error(text: string): string {
    const r = parse(text, ctx);
    if (r.ok) throw new Error(`expected "${text}" to be refused`);
    return r.error;
  },
});
const { value: step, error: stepError } = parsing<NextStepArgs>(parseNextStep);
const { value: logged, error: logError } = parsing<LogArgs>(parseLogTail);

describe('parseNextStep', () => {
  it('reads action, end-of-day date and promised', () => {
    expect(step('send proposal by friday promised')).toEqual({
      action: 'send proposal',
      dueAt: END_OF_FRIDAY,
      allDay: true,
      promised: true,
      theirCommitment: null,
    });
    expect(step('send proposal by friday')).toMatchObject({ promised: false });
    expect(step('send proposal by friday PROMISED.')).toMatchObject({ promised: true });
  });

  it('splits at the last by/on whose rest is a date', () => {
    expect(step('call back on pricing by friday')).toMatchObject({ action: 'call back on pricing', dueAt: END_OF_FRIDAY });
    expect(step('call back on dec 3 2pm')).toMatchObject({ action: 'call back', dueAt: at('2026-12-03T14:00'), allDay: false });
    expect(step('meet on monday by friday')).toMatchObject({ action: 'meet on monday', dueAt: END_OF_FRIDAY });
    expect(step('drop by the office by friday')).toMatchObject({ action: 'drop by the office' });
    expect(step('call By tomorrow')).toMatchObject({ action: 'call', dueAt: at('2026-11-26T23:59:59.999') });
  });

  it("takes everything after they: as the prospect's side", () => {
    expect(step('send proposal by friday promised they: review it with their CFO')).toMatchObject({
      action: 'send proposal',
      promised: true,
      theirCommitment: 'review it with their CFO',
    });
    // A date inside their side does not move ours.
    expect(step('send proposal by friday they: sign by dec 3')).toMatchObject({ dueAt: END_OF_FRIDAY, theirCommitment: 'sign by dec 3' });
    expect(step('send deck by friday THEY: ok &amp; thanks')).toMatchObject({ theirCommitment: 'ok & thanks' });
  });

  it('keeps "promised" inside the action as words', () => {
    expect(step('confirm promised discount by friday')).toMatchObject({ action: 'confirm promised discount', promised: false });
  });

  it('refuses a missing date, a missing action and a past date', () => {
    expect(stepError('send proposal')).toBe('Say when: end the next step with by <date>, e.g. send proposal by friday, or call back on dec 3 2pm.');
    expect(stepError('send proposal soon')).toMatch(/^Say when/);
    expect(stepError('send proposal by someday')).toMatch(/^Say when/);
    expect(stepError('by friday')).toMatch(/^Say what you will do before the date/);
    expect(stepError('friday')).toMatch(/^Say what you will do before the date/);
    expect(stepError('')).toMatch(/^Say what you will do and by when/);
    expect(stepError('promised they: call us')).toMatch(/^Say what you will do and by when/);
    expect(stepError('call by yesterday')).toBe('Tue 24 Nov is in the past: pick today or a later date.');
    expect(stepError('call by 2020-01-01')).toMatch(/Wed 1 Jan 2020 is in the past/);
    expect(stepError('call by friday they:')).toMatch(/Say what the prospect agreed to/);
  });

  it('limits the action and their side to 500 characters', () => {
    expect(step(`${'a'.repeat(500)} by friday`).action).toHaveLength(500);
    expect(stepError(`${'a'.repeat(501)} by friday`)).toBe('The next step is too long: at most 500 characters.');
    expect(stepError(`call by friday they: ${'b'.repeat(501)}`)).toBe("The prospect's commitment is too long: at most 500 characters.");
    expect(stepError(`call\u0000 by friday`)).toMatch(/control/);
  });

  it('copes with 10,000 characters of by/on', () => {
    expect(stepError('by on '.repeat(1_700))).toMatch(/^Say/);
    expect(stepError(`${'x '.repeat(5_000)}by friday`)).toMatch(/too long/);
  });
});

describe('parseLogTail', () => {
  it('the README example: log "Acme Corp" call talked pricing next: send proposal by friday promised', () => {
    const match = resolveLeadRef('"Acme Corp" call talked pricing next: send proposal by friday promised', [
      { id: 'a', name: 'Acme Corp' },
    ]);
    expect(match).toMatchObject({ kind: 'found', lead: { id: 'a' } });
    assert(match.kind === 'found');
    const log = logged(match.rest);
    expect(log).toEqual({
      channel: 'call',
      outcome: 'talked pricing',
      next: { action: 'send proposal', dueAt: END_OF_FRIDAY, allDay: true, promised: true, theirCommitment: null },
      signals: [],
      direction: 'outbound',
    });
    expect(log.next!.dueAt.toISOString()).toBe('2026-11-28T04:59:59.999Z');
  });

  it('knows every channel, case-insensitive', () => {
    for (const channel of TOUCH_CHANNELS) expect(logged(channel.toUpperCase())).toEqual({ channel, outcome: null, next: null, signals: [], direction: 'outbound' });
    expect(logged('call: talked')).toMatchObject({ channel: 'call', outcome: 'talked' });
  });

  it('refuses a missing or unknown channel, listing them', () => {
    expect(logError('')).toBe('Say how you reached them: call, email, meeting, visit, message or note.');
    expect(logError('   ')).toMatch(/^Say how you reached them/);
    expect(logError('smoke-signal talked')).toBe(
      '"smoke-signal" is not a way of reaching someone I know: use call, email, meeting, visit, message or note.',
    );
    expect(logError('<!channel> hi')).toMatch(/^"@channel" is not a way/);
  });

  it('reads signals anywhere after the channel, deduplicated', () => {
    expect(logged('call signals:vague,no-time')).toMatchObject({ signals: ['vague', 'no-time'], outcome: null });
    expect(logged('call talked signals: vague, no-time about price')).toMatchObject({
      signals: ['vague', 'no-time'],
      outcome: 'talked about price',
    });
    expect(logged('meeting SIGNALS:Vague,vague,distracted,')).toMatchObject({ signals: ['vague', 'distracted'] });
    expect(logged('call next: send deck by friday signals:never-initiates')).toMatchObject({
      signals: ['never-initiates'],
      next: { action: 'send deck', dueAt: END_OF_FRIDAY },
    });
    expect(logged('call signals:vague signals:no-details')).toMatchObject({ signals: ['vague', 'no-details'] });
  });

  it('R9: reads good signs beside the poor ones, in the order typed', () => {
    expect(logged('email signals:asked-price,vague,Replied')).toMatchObject({ signals: ['asked-price', 'vague', 'replied'] });
    expect(logged('call signals:introduced-decision-maker talked')).toMatchObject({ signals: ['introduced-decision-maker'], outcome: 'talked' });
  });

  it('R9: inbound right after the channel says they reached out; elsewhere it is part of the outcome', () => {
    expect(logged('call inbound asked for a quote')).toEqual({ channel: 'call', outcome: 'asked for a quote', next: null, signals: [], direction: 'inbound' });
    expect(logged('email INBOUND, next: send quote by friday')).toMatchObject({ direction: 'inbound', outcome: null, next: { action: 'send quote' } });
    expect(logged('email inbound')).toMatchObject({ direction: 'inbound', outcome: null });
    expect(logged('call talked about inbound logistics')).toMatchObject({ direction: 'outbound', outcome: 'talked about inbound logistics' });
    expect(logged('call inbounds')).toMatchObject({ direction: 'outbound', outcome: 'inbounds' });
  });

  it('refuses unknown and empty signals', () => {
    expect(logError('call signals:grumpy')).toBe(
      '"grumpy" is not a signal I know. Good signs: asked-price, asked-timing, asked-details, introduced-decision-maker or replied. Poor signs: vague, no-interest, no-time, never-initiates, no-details, missed-promise or distracted.',
    );
    expect(logError('call signals:vague,grumpy')).toMatch(/"grumpy"/);
    expect(logError('call signals:')).toMatch(/Name the signals after signals:/);
  });

  it('keeps the outcome as typed, unescaped and collapsed; null when empty', () => {
    expect(logged('email  sent  Smith &amp; Co the &lt;draft&gt; ')).toMatchObject({ outcome: 'sent Smith & Co the <draft>' });
    expect(logged('note talked to <@U1|bob> in <#C1|sales>')).toMatchObject({ outcome: 'talked to @bob in #sales' });
    expect(logged('visit 🚀 went great')).toMatchObject({ outcome: '🚀 went great' });
    expect(logged('call \u200b next: call by friday')).toMatchObject({ outcome: null });
  });

  it('refuses a bad outcome or next step', () => {
    expect(logError(`call ${'o'.repeat(2_001)}`)).toBe('The outcome is too long: at most 2,000 characters.');
    expect(logged(`call ${'o'.repeat(2_000)}`).outcome).toHaveLength(2_000);
    expect(logError('call hi\u0007')).toMatch(/control/);
    expect(logError('call next: send deck')).toMatch(/^Say when/);
    expect(logError('call next: send deck by yesterday')).toMatch(/in the past/);
    expect(logError('call next:')).toMatch(/^Say what you will do/);
  });

  it('copes with 10,000-character input', () => {
    expect(logError(`call ${'x'.repeat(10_000)}`)).toMatch(/too long/);
    expect(logError(`${'x'.repeat(10_000)}`).length).toBeLessThan(200);
  });
});
