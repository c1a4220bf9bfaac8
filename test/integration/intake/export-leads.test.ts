import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIRST_CONTACT_ACTION } from '../../../src/coach/index.js';
import type { Db } from '../../../src/db/client.js';
import { closeLost, closeWon } from '../../../src/db/ops/close-lead.js';
import { exportLeads } from '../../../src/intake/export-leads.js';
import { importLeads } from '../../../src/intake/import-leads.js';
import { csvChunks } from '../../support/csv.js';
import { dbTargets, useDatabase } from '../../support/db.js';
import { givenLead, givenTeam, type LeadSpec } from '../../support/given.js';

const now = new Date('2026-11-25T15:00:00Z');
const later = new Date('2026-11-25T16:00:00Z');

async function exported(db: Db, teamId: string, opts: { owner?: string; pageSize?: number } = {}): Promise<string> {
  let text = '';
  const out = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  await exportLeads(db, teamId, out, opts);
  return text;
}

describe.each(dbTargets())('exportLeads on $name', (target) => {
  const database = useDatabase(target);
  let db: Db;
  const reps = (teamId: string) => givenTeam(db, teamId, { U0ANA: 'America/New_York', U0BO: 'Europe/Berlin' }, now);

  beforeAll(async () => {
    db = database.db;
    await reps('TEXPA');
    const add = (name: string, extra: Partial<LeadSpec> = {}, at = now) => givenLead(db, { team: 'TEXPA', owner: 'U0ANA', createdBy: 'U0ANA', name, at, ...extra });
    await add('Acme Corp', { tier: 'referral', value: 12000.5, company: 'Acme, Inc.', email: 'jo@acme.example', phone: '+1 555 0100', source: 'trade show',
      touches: 1, nextStep: { action: 'send "the" proposal', dueAt: new Date('2026-11-28T04:59:59.999Z'), promised: true },
      row: { note: 'line one\nline "two", with a comma', externalId: 'crm-42' } });
    await add('=HYPERLINK("http://evil.example")', { company: "'=quoted already", owner: 'U0BO',
      touches: [{ channel: 'email' }], nextStep: { action: '@mention me', dueAt: new Date('2026-12-01T14:30:00Z'), allDay: false } }, later);
    const won = await add('Won Co', { tier: 'customer', value: 300 }, later);
    await closeWon(db, { teamId: 'TEXPA', repId: 'U0ANA', leadId: won.id, now: later, thanks: { action: 'thank them for the order', dueAt: new Date('2026-12-26T04:59:59.999Z') } });
    // A lost lead and an open one of the same name and owner: both are exported, and both come back.
    const lost = await add('Same Name', {}, later);
    await closeLost(db, { teamId: 'TEXPA', repId: 'U0ANA', leadId: lost.id, now: later });
    await add('Same Name', { email: 'same@x.example' }, later);
    await add('Ünïcødé GmbH', { owner: 'U0BO', tier: 'cold' }, later);
  });

  it('writes a header and one row per lead, guarded against formulas, times in UTC', async () => {
    const text = await exported(db, 'TEXPA');
    expect(text.split('\n').slice(0, 3)).toEqual([
      'name,company,email,phone,tier,value,owner,status,source,created,last contacted,touch count,next step,next step date,promised,external id,note',
      "Acme Corp,\"Acme, Inc.\",jo@acme.example,'+1 555 0100,referral,12000.5,U0ANA,open,trade show,2026-11-25T15:00:00.000Z,2026-11-25T15:00:00.000Z,1,\"send \"\"the\"\" proposal\",2026-11-28T04:59:59.999Z,yes,crm-42,\"line one",
      'line ""two"", with a comma"',
    ]);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")",''=quoted already,,,lead,,U0BO,open,,2026-11-25T16:00:00.000Z,2026-11-25T16:00:00.000Z,1,'@mention me,2026-12-01T14:30:00.000Z,no,,\n`);
    expect(text).toContain('Won Co,,,,customer,300,U0ANA,won,,2026-11-25T16:00:00.000Z,,0,thank them for the order,2026-12-26T04:59:59.999Z,no,,\n');
    expect(text).toContain('Same Name,,,,new,,U0ANA,lost,,2026-11-25T16:00:00.000Z,,0,,,,,\n');
  });

  it('pages through a cursor and filters by owner', async () => {
    const all = await exported(db, 'TEXPA');
    expect(await exported(db, 'TEXPA', { pageSize: 2 })).toBe(all);
    const bo = await exported(db, 'TEXPA', { owner: 'U0BO' });
    expect(bo.split('\n').filter(Boolean).slice(1).map((l) => l.split(',')[0])).toEqual(['"\'=HYPERLINK(""http://evil.example"")"', 'Ünïcødé GmbH']);
    expect(await exported(db, 'TNOSUCH')).toBe(all.split('\n')[0] + '\n');
  });

  it('round-trips: re-importing changes nothing; importing into an empty team reproduces the same export', async () => {
    const file = await exported(db, 'TEXPA');
    const leadsInFile = file.split('\n').length;
    const again = await importLeads(db, csvChunks(file), { teamId: 'TEXPA', defaultOwner: 'U0ANA', now: later });
    expect(again).toMatchObject({ created: 0, updated: 0, rejected: [], ownerNotes: [] });
    expect(again.skipped).toBe(again.rows);
    expect(again.rows).toBe(6);
    expect(await exported(db, 'TEXPA')).toBe(file);

    // Another team with the same reps (one Enterprise Grid user id across workspaces).
    await reps('TEXPB');
    const copy = await importLeads(db, csvChunks(file), { teamId: 'TEXPB', defaultOwner: 'U0ANA', now: later });
    expect(copy).toMatchObject({ created: 6, updated: 0, skipped: 0, rejected: [], ownerNotes: [], planned: 1 });
    // The one open, never-touched, not cold lead without a step now has its first contact planned (R2's plan).
    const untouched = 'Same Name,,same@x.example,,new,,U0ANA,open,,2026-11-25T16:00:00.000Z,,0,';
    const copied = (await exported(db, 'TEXPB')).split('\n');
    const planned = copied.find((l) => l.startsWith(untouched))!;
    expect(planned).toMatch(new RegExp(`^${untouched}${FIRST_CONTACT_ACTION},[0-9T:.-]+Z,no,,$`));
    expect(copied.map((l) => (l === planned ? `${untouched},,,,` : l)).join('\n')).toBe(file);
    expect(leadsInFile).toBeGreaterThan(6);
  });
});
