import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/db/errors.js';
import { addLead } from '../../../src/db/ops/add-lead.js';
import { logTouch } from '../../../src/db/ops/log-touch.js';
import { leadCandidates } from '../../../src/db/queries/lead-candidates.js';
import { deliveries, leads, nextSteps, touches } from '../../../src/db/schema.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenLead, givenTeam } from '../../support/given.js';

const T = 'T0001';
const now = new Date('2026-11-25T15:00:00Z');
const friday = new Date('2026-11-28T04:59:59.999Z');

describe.each(dbTargets())('store on $name', (target) => {
  const database = useDatabase(target);
  beforeAll(async () => {
    await givenTeam(database.db, T, { U_ANA: { tz: 'America/New_York', displayName: 'Ana' }, U_BO: 'Europe/Berlin' }, now);
  });

  it('applies migrations idempotently', async () => {
    await database.migrate();
    const rows = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const n = (rows as any).rows?.[0]?.n ?? (rows as any)[0]?.n;
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it('stores names verbatim and refuses a second open lead with the same name for one owner', async () => {
    const lead = await addLead(database.db, { teamId: T, ownerId: 'U_ANA', createdBy: 'U_ANA', name: "O'Brien & Sons", now });
    expect(lead.name).toBe("O'Brien & Sons");
    expect(lead.tier).toBe('new');
    await expect(
      addLead(database.db, { teamId: T, ownerId: 'U_ANA', createdBy: 'U_ANA', name: "o'brien & SONS", now }),
    ).rejects.toMatchObject({ code: 'duplicate_name' });
    // Another owner may hold the same name.
    const other = await addLead(database.db, { teamId: T, ownerId: 'U_BO', createdBy: 'U_BO', name: "O'Brien & Sons", now });
    expect(other.ownerId).toBe('U_BO');
  });

  it('logs a touch: counts it, turns a new lead into a lead, and records the next step', async () => {
    const lead = await addLead(database.db, { teamId: T, ownerId: 'U_ANA', createdBy: 'U_ANA', name: 'Acme Corp', tier: 'referral', value: 12000, now });
    expect(lead.value).toBe(12000);
    const first = await logTouch(database.db, {
      teamId: T, repId: 'U_ANA', leadId: lead.id, channel: 'call', outcome: 'talked pricing', now,
      next: { action: 'send proposal', dueAt: friday, promised: true },
    });
    expect(first.lead.touchCount).toBe(1);
    expect(first.lead.firstTouchAt?.toISOString()).toBe(now.toISOString());
    expect(first.next?.dueAt.toISOString()).toBe(friday.toISOString());
    expect(first.next?.promised).toBe(true);
    expect(first.completed).toBeNull();

    const later = new Date('2026-11-27T16:00:00Z');
    const second = await logTouch(database.db, { teamId: T, repId: 'U_ANA', leadId: lead.id, channel: 'email', now: later });
    expect(second.lead.touchCount).toBe(2);
    expect(second.lead.firstTouchAt?.toISOString()).toBe(now.toISOString());
    expect(second.lead.lastTouchAt?.toISOString()).toBe(later.toISOString());
    expect(second.completed?.kept).toBe(true);
    const open = await database.db.select().from(nextSteps).where(and(eq(nextSteps.leadId, lead.id), eq(nextSteps.status, 'open')));
    expect(open).toHaveLength(0);
  });

  it('promotes only new leads on first touch and marks a late step as not kept', async () => {
    const lead = await givenLead(database.db, { team: T, owner: 'U_ANA', name: 'Beta Labs', at: now });
    await logTouch(database.db, { teamId: T, repId: 'U_ANA', leadId: lead.id, channel: 'call', now, next: { action: 'call again', dueAt: new Date('2026-11-26T00:00:00Z') } });
    const [row] = await database.db.select().from(leads).where(eq(leads.id, lead.id));
    expect(row!.tier).toBe('lead');
    const late = await logTouch(database.db, { teamId: T, repId: 'U_ANA', leadId: lead.id, channel: 'call', now: new Date('2026-11-30T10:00:00Z') });
    expect(late.completed?.kept).toBe(false);
  });

  it('enforces at most one open next step per lead in the database itself', async () => {
    const lead = await givenLead(database.db, { team: T, owner: 'U_ANA', name: 'Gamma', at: now });
    const row = { teamId: T, leadId: lead.id, repId: 'U_ANA', action: 'a', dueAt: friday };
    await database.db.insert(nextSteps).values(row);
    await expect(database.db.insert(nextSteps).values(row)).rejects.toThrow();
    await database.db.insert(nextSteps).values({ ...row, status: 'done' });
  });

  it('refuses a touch on another rep\'s lead and writes nothing', async () => {
    const lead = await givenLead(database.db, { team: T, owner: 'U_BO', name: 'Delta', at: now });
    await expect(logTouch(database.db, { teamId: T, repId: 'U_ANA', leadId: lead.id, channel: 'call', now })).rejects.toBeInstanceOf(DomainError);
    const rows = await database.db.select().from(touches).where(eq(touches.leadId, lead.id));
    expect(rows).toHaveLength(0);
  });

  it('writes nothing when the same request id comes twice', async () => {
    const lead = await givenLead(database.db, { team: T, owner: 'U_ANA', name: 'Epsilon', at: now });
    await logTouch(database.db, { teamId: T, repId: 'U_ANA', leadId: lead.id, channel: 'call', now, requestKey: 'trigger:1' });
    await expect(logTouch(database.db, { teamId: T, repId: 'U_ANA', leadId: lead.id, channel: 'call', now, requestKey: 'trigger:1' })).rejects.toMatchObject({ code: 'duplicate_request' });
    const [row] = await database.db.select().from(leads).where(eq(leads.id, lead.id));
    expect(row!.touchCount).toBe(1);
  });

  it('rolls back the touch when the new next step is invalid', async () => {
    const lead = await givenLead(database.db, { team: T, owner: 'U_ANA', name: 'Zeta', at: now });
    await expect(
      logTouch(database.db, { teamId: T, repId: 'U_ANA', leadId: lead.id, channel: 'call', now, next: { action: 'x'.repeat(501), dueAt: friday } }),
    ).rejects.toThrow();
    const [row] = await database.db.select().from(leads).where(eq(leads.id, lead.id));
    expect(row!.touchCount).toBe(0);
  });

  it('lists a rep\'s own non-lost leads as reference candidates', async () => {
    const names = (await leadCandidates(database.db, T, 'U_BO')).map((c) => c.name);
    expect(names).toEqual(['Delta', "O'Brien & Sons"]);
  });

  it('keeps the delivery ledger unique per kind, team, target and period', async () => {
    const row = { kind: 'morning', teamId: T, target: 'U_ANA', periodKey: '2026-11-25' };
    await database.db.insert(deliveries).values(row);
    await expect(database.db.insert(deliveries).values(row)).rejects.toThrow();
  });
});
