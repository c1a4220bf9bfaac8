import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsMentionSequence,
  escapeSlackText,
  markupToText,
  parseChannelMention,
  parseUserMention,
  quoteUserText,
  stripMailto,
  unescapeSlackText,
} from '../../../../src/slack/parse/slack-text.js';

describe('unescapeSlackText / escapeSlackText', () => {
  it('turns back only &amp; &lt; &gt;', () => {
    expect(unescapeSlackText("O'Brien &amp; Sons &lt;3 &gt;_&lt;")).toBe("O'Brien & Sons <3 >_<");
    expect(unescapeSlackText('&quot;hi&quot; &#39; &nbsp;')).toBe('&quot;hi&quot; &#39; &nbsp;');
  });

  it('keeps a literally typed entity: "&lt;" arrives as "&amp;lt;"', () => {
    expect(unescapeSlackText('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
  });

  it('escapes the three characters for mrkdwn', () => {
    expect(escapeSlackText('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  it('round-trips any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => unescapeSlackText(escapeSlackText(s)) === s));
  });
});

describe('mentions', () => {
  it('reads user ids from <@U…|name> and <@U…>', () => {
    expect(parseUserMention('<@U123|ana>')).toBe('U123');
    expect(parseUserMention(' <@W0ABC> ')).toBe('W0ABC');
    expect(parseUserMention('@ana')).toBeNull();
    expect(parseUserMention('<#C123|general>')).toBeNull();
    expect(parseUserMention('<@U123|ana> extra')).toBeNull();
    expect(parseUserMention('')).toBeNull();
  });

  it('reads channel ids from <#C…|name> and <#C…>', () => {
    expect(parseChannelMention('<#C123|general>')).toBe('C123');
    expect(parseChannelMention('<#G9>')).toBe('G9');
    expect(parseChannelMention('#general')).toBeNull();
    expect(parseChannelMention('<@U1>')).toBeNull();
  });

  it('spots mention sequences anywhere', () => {
    for (const s of ['<!channel>', '<!here>', 'hi <!subteam^S1|@team>', 'Ana <@U123|ana>', '<@U1>', 'x<#C1|general>y']) {
      expect(containsMentionSequence(s), s).toBe(true);
    }
    for (const s of ['Acme', '&lt;!channel&gt;', '<http://acme.io|acme.io>', 'a < b > c', '@channel', '<!channel']) {
      expect(containsMentionSequence(s), s).toBe(false);
    }
  });
});

describe('stripMailto / markupToText', () => {
  it('unwraps mailto links and leaves plain text', () => {
    expect(stripMailto('<mailto:a@b.c|a@b.c>')).toBe('a@b.c');
    expect(stripMailto('<mailto:a@b.c>')).toBe('a@b.c');
    expect(stripMailto('a@b.c')).toBe('a@b.c');
    expect(stripMailto('<https://x|y>')).toBe('<https://x|y>');
  });

  it('shows links and mentions as the user typed them', () => {
    expect(markupToText('see <http://acme.io|acme.io> and <https://x.y/z>')).toBe('see acme.io and https://x.y/z');
    expect(markupToText('<mailto:a@b.c|a@b.c>')).toBe('a@b.c');
    expect(markupToText('ask <@U1|bob> in <#C1|sales> <!here> <!subteam^S1|@team>')).toBe('ask @bob in #sales @here @team');
    expect(markupToText('<@U1>')).toBe('@U1');
    expect(markupToText('&lt;b&gt; <>')).toBe('&lt;b&gt; <>');
  });
});

describe('quoteUserText', () => {
  it('shortens long text and escapes it for mrkdwn', () => {
    expect(quoteUserText('x'.repeat(10_000))).toHaveLength(60);
    expect(quoteUserText('a &amp; <!channel>')).toBe('a &amp; @channel');
    expect(quoteUserText('&lt;b&gt;')).toBe('&lt;b&gt;');
  });
});
