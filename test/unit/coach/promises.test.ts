import { describe, expect, it } from 'vitest';
import { buildQueue, isOverdue, promiseDueToday, promiseOverdue } from '../../../src/coach/index.js';
import { clock, dueToday, HOUR, lead, NOW, overdue1, todayAt, ZONE } from './fixtures.js';

const order = (leads: ReturnType<typeof lead>[]) => buildQueue(leads, clock).items.map((i) => i.lead.name);

describe('R5 promises are sacred', () => {
  it('an overdue promised step is the most severe warning and outranks an overdue unpromised one', () => {
    const promised = lead({ name: 'promised', openStep: overdue1({ promised: true, action: 'call' }) });
    const plain = lead({ name: 'plain', tier: 'referral', value: 50_000, openStep: overdue1() });
    expect(promiseOverdue(promised, clock)).toMatchObject({ text: 'promised call overdue 1 day' });
    expect(promiseOverdue(plain, clock)).toBeNull();
    expect(order([plain, promised])).toEqual(['promised', 'plain']);
    expect(buildQueue([promised], clock).items[0]!.reasons[0]).toBe('promised call overdue 1 day');
  });

  it('a promised step due today says so and ranks above unpromised steps due the same day', () => {
    const promised = lead({ name: 'promised', value: 100, openStep: dueToday({ promised: true, action: 'send the quote' }) });
    const plain = lead({ name: 'plain', tier: 'referral', value: 50_000, openStep: dueToday() });
    expect(order([plain, promised])).toEqual(['promised', 'plain']);
    const item = buildQueue([promised], clock).items[0]!;
    expect(item.reasons[0]).toBe('send the quote promised for today');
    expect(item.promisedToday).toBe(true);
    expect(buildQueue([plain], clock).items[0]!.promisedToday).toBe(false);
  });

  it('a timed promise due today gives its time, in the viewer\'s zone', () => {
    const l = lead({ openStep: todayAt(14, { promised: true, action: 'call' }) });
    expect(promiseDueToday(l, clock)?.text).toBe('call promised for today at 14:00');
    expect(promiseDueToday(l, { now: NOW, zone: 'Europe/Berlin' })?.text).toBe('call promised for today at 20:00');
  });

  it('a timed step is overdue from its time; an all-day step stays due until its day ends', () => {
    const timed = todayAt(7, { promised: true, action: 'call' });
    expect(isOverdue(timed, NOW, ZONE)).toBe(true);
    expect(promiseOverdue(lead({ openStep: timed }), clock)?.text).toBe('promised call overdue 3 hours');
    expect(isOverdue(todayAt(11), NOW, ZONE)).toBe(false);
    expect(isOverdue(dueToday(), NOW, ZONE)).toBe(false);
    const lateEvening = { now: new Date('2026-11-26T04:30:00Z'), zone: ZONE }; // 23:30 the same day
    expect(isOverdue(dueToday(), lateEvening.now, ZONE)).toBe(false);
    expect(isOverdue(dueToday(), new Date('2026-11-26T05:00:00Z'), ZONE)).toBe(true);
  });

  it('a timed step not yet due today says its time; an overdue unpromised one counts hours', () => {
    expect(buildQueue([lead({ openStep: todayAt(16, { action: 'demo' }) })], clock).items[0]!.reasons).toEqual(['demo due today at 16:00']);
    expect(buildQueue([lead({ openStep: todayAt(8, { action: 'demo' }) })], clock).items[0]!.reasons).toEqual(['demo overdue 2 hours']);
  });

  it('a promise overdue since this morning outranks one due later today', () => {
    const missed = lead({ name: 'missed', value: 100, openStep: todayAt(9, { promised: true }) });
    const later = lead({ name: 'later', value: 100_000, openStep: todayAt(15, { promised: true }) });
    expect(order([later, missed])).toEqual(['missed', 'later']);
    expect(NOW.getTime() - missed.openStep!.dueAt.getTime()).toBe(HOUR);
  });
});
