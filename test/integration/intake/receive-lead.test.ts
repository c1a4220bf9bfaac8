import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { logTouch } from '../../../src/db/ops/log-touch.js';
import { receiveLead, type ReceivedLeadInput } from '../../../src/db/ops/receive-lead.js';
import { undoTouch } from '../../../src/db/ops/undo-touch.js';
import { repMetrics } from '../../../src/db/queries/rep-metrics.js';
import { leads, nextSteps, touches } from '../../../src/db/schema.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenTeam } from '../../support/given.js';

const T = 'T_HOOK';
const t0 = new Date('2026-11-25T15:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
let seq = 0;
const arrival = (fields: Partial<ReceivedLeadInput>): ReceivedLeadInput => ({
  teamId: T, ownerId: 'U1', name: 'Web Lead', company: null, email: null, phone: null, tier: null, value: null, source: 'web form',
  note: null, externalId: null, requestKey: `sig-${++seq}`, now: t0, ...fields,
});

describe.each(dbTargets())('POST /leads arrivals are inbound (R2, R9) on $name', (target) => {
  const database = useDatabase(target);
  beforeAll(async () => {
    await givenTeam(database.db, T, { U1: 'UTC' }, t0);
  });

  it('a new arrival is an inbound lead with who referred it', async () => {
    const r = await receiveLead(database.db, arrival({ name: 'Referred In', email: 'ref@in.example', referredBy: 'Dana at Beta' }));
    expect(r.status).toBe('created');
    expect(r.lead).toMatchObject({ inbound: true, referredBy: 'Dana at Beta', alertOwner: true, touchCount: 0 });
  });

  it('the same prospect coming in again is an inbound touch that resets engagement and leaves the rep\'s step open; a repeat of the request records one', async () => {
    const db = database.db;
    const first = await receiveLead(db, arrival({ name: 'Again Co', email: 'again@co.example' }));
    await logTouch(db, { teamId: T, repId: 'U1', leadId: first.lead.id, channel: 'call', now: at(10), next: { action: 'send slots', dueAt: at(3000) } });
    await logTouch(db, { teamId: T, repId: 'U1', leadId: first.lead.id, channel: 'email', now: at(20), propose: null, next: { action: 'send slots', dueAt: at(3000) } });
    const again = arrival({ name: 'Again Co', email: 'AGAIN@co.example', note: 'Can we talk pricing?', now: at(30) });
    const second = await receiveLead(db, again);
    expect(second).toMatchObject({ status: 'existing', matchedBy: 'email' });
    expect(second.lead).toMatchObject({ touchCount: 3, touchesSinceEngagement: 0, engagedAt: at(30), lastOutcome: 'Can we talk pricing?' });
    const history = await db.select().from(touches).where(eq(touches.leadId, first.lead.id));
    expect(history.filter((t) => t.direction === 'inbound')).toHaveLength(1);
    const open = await db.select().from(nextSteps).where(eq(nextSteps.leadId, first.lead.id));
    expect(open.filter((s) => s.status === 'open')).toHaveLength(1);
    // The same signed request again: no second touch.
    await receiveLead(db, again);
    expect((await db.select().from(leads).where(eq(leads.id, first.lead.id)))[0]!.touchCount).toBe(3);
    // The digest counts the rep's own touches only: 2 of the lead's 3.
    const [u1] = await repMetrics(db, { teamId: T, ownerId: 'U1', from: t0, to: at(60), now: at(60) });
    expect(u1!.touches).toBe(2);
    // The rep's undo takes back their own last touch, not the prospect's.
    const undone = await undoTouch(db, { teamId: T, repId: 'U1', now: at(31) });
    expect(undone.touch.direction).toBe('outbound');
    expect(undone.touch.channel).toBe('email');
  });

  it('a lead still waiting for its first contact gets no touch when it comes in again', async () => {
    const db = database.db;
    const first = await receiveLead(db, arrival({ name: 'Twice Fast', email: 'twice@fast.example' }));
    const second = await receiveLead(db, arrival({ name: 'Twice Fast', email: 'twice@fast.example', now: at(5) }));
    expect(second.lead).toMatchObject({ id: first.lead.id, touchCount: 0 });
  });
});
