import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { claimDelivery, finishDelivery, releaseDelivery, settledTargets } from '../../../src/db/ledger.js';
import { dbTargets, useDatabase } from '../../support/db.js';

const key = (target: string) => ({ kind: 'morning', teamId: 'T1', target, periodKey: '2026-11-25' });

describe.each(dbTargets())('delivery ledger on $name', (target) => {
  const database = useDatabase(target);

  it('lets exactly one of many simultaneous claimers have a message', async () => {
    const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => claimDelivery(database.db, key('U_RACE'), `replica-${i}`)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('never gives out a sent or skipped message again', async () => {
    const claim = await claimDelivery(database.db, key('U_SENT'), 'a');
    await finishDelivery(database.db, claim!.id, { status: 'sent', slackTs: '1.2' });
    expect(await claimDelivery(database.db, key('U_SENT'), 'b', 0)).toBeNull();
    const skip = await claimDelivery(database.db, key('U_SKIP'), 'a');
    await finishDelivery(database.db, skip!.id, { status: 'skipped' });
    expect(await claimDelivery(database.db, key('U_SKIP'), 'b')).toBeNull();
  });

  it('hands a claim whose lease ran out (its process died) to the next claimer', async () => {
    const first = await claimDelivery(database.db, key('U_DIED'), 'dead', 60_000);
    expect(await claimDelivery(database.db, key('U_DIED'), 'alive')).toBeNull();
    await database.db.execute(sql`update deliveries set lease_until = now() - interval '1 second' where id = ${first!.id}`);
    const second = await claimDelivery(database.db, key('U_DIED'), 'alive');
    expect(second).toMatchObject({ claimedBy: 'alive', attempts: 2 });
  });

  it('a released claim is owed again; settled targets are the ones not owed', async () => {
    const claim = await claimDelivery(database.db, key('U_RETRY'), 'a');
    await releaseDelivery(database.db, claim!.id, 'ratelimited');
    const settled = await settledTargets(database.db, 'morning', 'T1', ['2026-11-25'], ['U_RETRY', 'U_SENT', 'U_SKIP', 'U_NEW']);
    expect([...settled].sort()).toEqual(['U_SENT|2026-11-25', 'U_SKIP|2026-11-25']);
    expect(await claimDelivery(database.db, key('U_RETRY'), 'b')).toMatchObject({ attempts: 2 });
  });
});
