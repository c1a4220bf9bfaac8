import { describe, expect, it } from 'vitest';
import { parseAdd, parseAmount, type AddArgs } from '../../../../src/slack/parse/add.js';
import { splitSubcommand } from '../../../../src/slack/parse/split-subcommand.js';
import { USAGE } from '../../../../src/slack/parse/usage.js';

function added(rest: string): AddArgs {
  const r = parseAdd(rest);
  if (!r.ok) throw new Error(`expected "${rest}" to parse, got: ${r.error}`);
  return r.value;
}
function error(rest: string): string {
  const r = parseAdd(rest);
  if (r.ok) throw new Error(`expected "${rest}" to be refused, got ${JSON.stringify(r.value)}`);
  return r.error;
}
const DEFAULTS = { tier: 'new', value: null, company: null, email: null, phone: null, ownerId: null, inbound: false, referredBy: null };

describe('splitSubcommand and USAGE', () => {
  it('takes the lower-cased first word and the rest', () => {
    expect(splitSubcommand('  ADD   "Acme Corp" tier:lead ')).toEqual({ sub: 'add', rest: '"Acme Corp" tier:lead' });
    expect(splitSubcommand('queue')).toEqual({ sub: 'queue', rest: '' });
    expect(splitSubcommand('log\nAcme call')).toEqual({ sub: 'log', rest: 'Acme call' });
    expect(splitSubcommand('')).toEqual({ sub: '', rest: '' });
    expect(splitSubcommand('   ')).toEqual({ sub: '', rest: '' });
  });

  it('has one usage line per subcommand, as the README cheat-sheet writes them (and show, undo, delete of #4, import of #7, digest and inspect of #15)', () => {
    const subs = ['help', 'add', 'log', 'next', 'done', 'snooze', 'revive', 'reassign', 'won', 'lost', 'queue', 'stalled', 'digest', 'settings', 'show', 'undo', 'delete', 'import', 'inspect'];
    expect(Object.keys(USAGE).sort()).toEqual([...subs].sort());
    for (const sub of subs) {
      expect(USAGE[sub], sub).toMatch(new RegExp(`^/followup ${sub}\\b`));
      expect(USAGE[sub], sub).not.toContain('\n');
    }
    expect(USAGE.add).toBe(
      '/followup add <name> [tier:referral|customer|lead|new|cold] [value:<amount>] [company:<text>] [email:<addr>] [phone:<text>] [owner:@user] [source:inbound] [referred-by:<who>]',
    );
    expect(USAGE.next).toBe("/followup next <lead> <action> by <date> [promised] [they: <prospect's commitment>]");
    expect(USAGE.log).toContain(
      'signals:<asked-price|asked-timing|asked-details|introduced-decision-maker|replied|vague|no-interest|no-time|never-initiates|no-details|missed-promise|distracted>',
    );
    expect(USAGE.log).toContain('[inbound]');
  });
});

describe('parseAdd: names', () => {
  it('the README example, shortened: add "Acme Corp" tier:referral value:12000', () => {
    expect(added('"Acme Corp" tier:referral value:12000')).toEqual({ ...DEFAULTS, name: 'Acme Corp', tier: 'referral', value: 12000 });
  });

  it('takes the words before the first option as the name, with defaults', () => {
    expect(added('Acme Corp')).toEqual({ ...DEFAULTS, name: 'Acme Corp' });
    expect(added('Acme Corp tier:lead')).toMatchObject({ name: 'Acme Corp', tier: 'lead' });
  });

  it('accepts curly quotes', () => {
    expect(added('“Acme Corp” tier:lead')).toMatchObject({ name: 'Acme Corp', tier: 'lead' });
    expect(added('”Acme Corp” tier:lead')).toMatchObject({ name: 'Acme Corp' });
  });

  it('keeps names verbatim after unescaping, collapsing whitespace', () => {
    expect(added("O'Brien &amp; Sons").name).toBe("O'Brien & Sons");
    expect(added('"O\'Brien &amp; Sons" tier:customer').name).toBe("O'Brien & Sons");
    expect(added("O'Brien").name).toBe("O'Brien");
    expect(added('Zoë Ltd').name).toBe('Zoë Ltd');
    expect(added('🚀 Rocket Co 👩‍💻').name).toBe('🚀 Rocket Co 👩‍💻');
    expect(added('Rocket :rocket: Co').name).toBe('Rocket :rocket: Co');
    expect(added("Robert'); DROP TABLE leads;--").name).toBe("Robert'); DROP TABLE leads;--");
    expect(added('"Robert\'); DROP TABLE leads;--"').name).toBe("Robert'); DROP TABLE leads;--");
    expect(added('  Acme \n\t  Corp  ').name).toBe('Acme Corp');
    expect(added('a &lt; b &gt; c').name).toBe('a < b > c');
    expect(added('&amp;lt;b&amp;gt;').name).toBe('&lt;b&gt;');
    expect(added('שלום בע"מ').name).toBe('שלום בע"מ');
  });

  it('shows a domain Slack turned into a link as typed', () => {
    expect(added('<http://acme.io|acme.io> tier:lead').name).toBe('acme.io');
  });

  it('refuses a missing name', () => {
    for (const rest of ['', '   ', 'tier:lead', '""', '"   " tier:lead']) expect(error(rest), rest).toMatch(/Give the lead a name/);
  });

  it('refuses an unclosed quote and text between the name and the options', () => {
    expect(error('"Acme Corp tier:lead')).toMatch(/opens a double quote but never closes it/);
    expect(error('"Acme" Corp tier:lead')).toMatch(/didn't understand "Corp" after the name/);
  });

  it('refuses Slack mention sequences in names', () => {
    for (const rest of ['<!channel>', 'Hi <!here> tier:lead', 'Ana <@U123|ana>', 'Acme <#C1|general>', '"<!subteam^S1|@team>"', '&lt;!channel&gt;']) {
      expect(error(rest), rest).toMatch(/cannot contain Slack mentions/);
    }
  });

  it('refuses control and direction characters, and names made only of invisible ones', () => {
    expect(error('Acme\u0000Corp')).toMatch(/control or text-direction characters/);
    expect(error('Acme\u0007')).toMatch(/control/);
    expect(error('\u202eAcme')).toMatch(/text-direction/);
    expect(error('Acme\ud800')).toMatch(/control/);
    expect(error('\u200b\u200b')).toBe('The name has only invisible characters.');
    expect(error('"\u200e\u2060\ufeff"')).toMatch(/only invisible characters/);
    // A direction mark inside real text is fine (RTL names need them).
    expect(added('Acme\u200f Corp').name).toBe('Acme\u200f Corp');
  });

  it('limits the name to 200 characters after trimming', () => {
    expect(added(` ${'a'.repeat(200)} `).name).toHaveLength(200);
    expect(error('a'.repeat(201))).toBe('The name is too long: at most 200 characters.');
    expect(error('x'.repeat(10_000))).toMatch(/too long/);
    expect(error(`"${'y '.repeat(5_000)}"`)).toMatch(/too long/);
  });
});

describe('parseAdd: source:inbound and referred-by: (R2, R11)', () => {
  it('marks a lead that reached out, and keeps who referred it, with spaces', () => {
    expect(added('"Acme Corp" source:inbound referred-by:Maria Lopez at Globex tier:referral')).toEqual({
      ...DEFAULTS,
      name: 'Acme Corp',
      tier: 'referral',
      inbound: true,
      referredBy: 'Maria Lopez at Globex',
    });
    expect(added('Acme SOURCE:Inbound')).toMatchObject({ inbound: true, referredBy: null });
  });

  it('refuses another source, an empty referrer and mentions in it, saying what to write', () => {
    expect(error('Acme source:website')).toBe(
      'source: takes inbound (they reached out to you), not "website". Leave it out for a lead you found.',
    );
    expect(error('Acme referred-by:')).toBe('referred-by: needs a value, e.g. referred-by:Maria at Globex.');
    expect(error('Acme referred-by:<!channel>')).toBe('The referrer cannot contain Slack mentions like @channel or @someone.');
    expect(error('Acme source:inbound source:inbound')).toMatch(/source: twice/);
  });
});

describe('parseAdd: options', () => {
  it('reads every option, keys case-insensitive, values until the next option', () => {
    expect(
      added('Acme TIER:Referral Value:5 company:Acme Holdings Ltd email:<mailto:ana@acme.com|ana@acme.com> phone:+1 555 0100 owner:<@U123|ana>'),
    ).toEqual({ ...DEFAULTS, name: 'Acme', tier: 'referral', value: 5, company: 'Acme Holdings Ltd', email: 'ana@acme.com', phone: '+1 555 0100', ownerId: 'U123' });
  });

  it('accepts quoted values and colons inside values', () => {
    expect(added('Acme company:"Acme: West" tier:lead')).toMatchObject({ company: 'Acme: West', tier: 'lead' });
    expect(added('Acme company:Acme: West Ltd')).toMatchObject({ company: 'Acme: West Ltd' });
    expect(added('Acme company: “Acme Holdings” ')).toMatchObject({ company: 'Acme Holdings' });
    expect(added('Acme company:<http://acme.io|acme.io>')).toMatchObject({ company: 'acme.io' });
    expect(added('Acme tier: lead')).toMatchObject({ tier: 'lead' });
  });

  it('refuses an unknown option, naming it and listing the known ones', () => {
    expect(error('Acme status:hot')).toBe(
      `I don't know the option "status:" (options are tier:, value:, company:, email:, phone:, owner:, source: or referred-by:; put a name containing a colon in double quotes).`,
    );
    expect(error('Acme tier:lead note:big one')).toMatch(/option "note:"/);
    expect(error('"Acme" foo:bar')).toMatch(/option "foo:"/);
    expect(error('Dr: Who')).toMatch(/option "Dr:".*double quotes/);
  });

  it('refuses a duplicate option and an empty value', () => {
    expect(error('Acme tier:lead TIER:cold')).toBe('You gave tier: twice; give it once.');
    expect(error('Acme value:')).toBe('value: needs a value, e.g. value:12000.');
    expect(error('Acme company:"" tier:lead')).toMatch(/company: needs a value/);
  });

  it('refuses a bad tier, listing the tiers', () => {
    expect(error('Acme tier:gold')).toBe('"gold" is not a tier: use referral, customer, lead, new or cold.');
    expect(error('Acme tier:lead cold')).toMatch(/not a tier/);
  });

  it.each([
    ['12000', 12000],
    ['12,000', 12000],
    ['$12,000', 12000],
    ['12k', 12000],
    ['12K', 12000],
    ['1.5m', 1_500_000],
    ['€ 900', 900],
    ['900 €', 900],
    ['£1,250.50', 1250.5],
    ['0', 0],
    ['1,000,000,000', 1e9],
    ['1000m', 1e9],
  ])('value:%s → %d', (raw, value) => {
    expect(added(`Acme value:${raw}`).value).toBe(value);
  });

  it.each(['-5', '$-5', 'abc', 'NaN', 'Infinity', '1,000,000,001', '2000000000', '1001m', '1e9', '12,00', '1.2.3', '0x10', '$', '12 000'])(
    'refuses value:%s',
    (raw) => {
      expect(error(`Acme value:${raw}`)).toMatch(/^The value must be a number from 0 to 1,000,000,000/);
    },
  );

  it('parseAmount is the same rule', () => {
    expect(parseAmount(' 12k ')).toBe(12000);
    expect(parseAmount('-1')).toBeNull();
  });

  it('checks e-mail addresses, also in mailto form', () => {
    expect(added('Acme email:ana@acme.com').email).toBe('ana@acme.com');
    expect(added('Acme email:<mailto:ana@acme.co.uk|ana@acme.co.uk>').email).toBe('ana@acme.co.uk');
    for (const bad of ['ana', 'ana@', '@acme.com', 'ana@acme', 'ana@acme.', 'a b@c.d']) {
      expect(error(`Acme email:${bad}`), bad).toMatch(/doesn't look like an e-mail address/);
    }
    expect(added(`Acme email:${'a'.repeat(245)}@acme.com`).email).toHaveLength(254);
    expect(error(`Acme email:${'a'.repeat(246)}@acme.com`)).toMatch(/e-mail/);
  });

  it('needs the owner as a Slack user mention', () => {
    expect(added('Acme owner:<@U123|ana>').ownerId).toBe('U123');
    expect(added('Acme owner:<@U123>').ownerId).toBe('U123');
    expect(error('Acme owner:@ana')).toBe('The owner must be a Slack user, written as @name (not "@ana").');
    expect(error('Acme owner:<#C1|general>')).toMatch(/owner must be a Slack user/);
  });

  it('limits company to 200 and phone to 50 characters, and refuses mentions in them', () => {
    expect(added(`Acme company:${'c'.repeat(200)}`).company).toHaveLength(200);
    expect(error(`Acme company:${'c'.repeat(201)}`)).toBe('The company is too long: at most 200 characters.');
    expect(added(`Acme phone:${'1'.repeat(50)}`).phone).toHaveLength(50);
    expect(error(`Acme phone:${'1'.repeat(51)}`)).toBe('The phone is too long: at most 50 characters.');
    expect(error('Acme company:<!channel>')).toMatch(/company cannot contain Slack mentions/);
    expect(error('Acme phone:\u0000')).toMatch(/control/);
    expect(added('Acme company:Smith &amp; Co').company).toBe('Smith & Co');
  });

  it('keeps error messages short and escaped whatever was typed', () => {
    expect(error(`Acme tier:${'<!channel>'.repeat(100)}`)).not.toContain('<');
    expect(error(`Acme tier:${'z'.repeat(10_000)}`).length).toBeLessThan(200);
  });
});
