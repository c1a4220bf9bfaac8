// Slack escapes &, < and > in command text (should_escape: true), so any raw <…> left in it is
// Slack markup: a mention (<@U…>, <#C…>, <!here>) or a link (<https://x|label>, <mailto:a@b.c|a@b.c>).

export function unescapeSlackText(s: string): string {
  // &amp; last, so "&amp;lt;" (a typed "&lt;") stays "&lt;".
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** For showing user text back in mrkdwn: it is never read as markup or a mention. */
export function escapeSlackText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<@U123|ana>` or `<@U123>` → `U123`. */
export function parseUserMention(token: string): string | null {
  const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token.trim());
  return m ? m[1]! : null;
}

/** `<#C123|general>` or `<#C123>` → `C123`. */
export function parseChannelMention(token: string): string | null {
  const m = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token.trim());
  return m ? m[1]! : null;
}

/** `<!channel>`, `<@U…>`, `<#C…>`: refused inside names, which must stay plain text. */
export function containsMentionSequence(s: string): boolean {
  return /<[!@#][^>]*>/.test(s);
}

/** `<mailto:a@b.c|a@b.c>` → `a@b.c`; anything else unchanged. */
export function stripMailto(token: string): string {
  const m = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/.exec(token.trim());
  return m ? m[1]! : token;
}

/**
 * Slack markup as the words a user sees: links as their label (Slack turns a typed `acme.io` into
 * `<http://acme.io|acme.io>`), mentions as `@ana`, `#general`, `@here`. Mentions become plain text
 * that pings no one; callers that must not hold them at all check containsMentionSequence first.
 */
export function markupToText(s: string): string {
  return s.replace(/<([^<>|]*)(?:\|([^<>]*))?>/g, (whole, target: string, label: string | undefined) => {
    const sigil = target[0];
    if (sigil === '@' || sigil === '#') return label ? `${sigil}${label.replace(/^[@#]/, '')}` : target;
    if (sigil === '!') return `@${(label ?? target.slice(1).split('^')[0] ?? '').replace(/^@/, '')}`;
    return target ? (label ?? target.replace(/^mailto:/i, '')) : whole;
  });
}

/** User text quoted inside an error message: unescaped, shortened, escaped again for mrkdwn. */
export function quoteUserText(raw: string, max = 60): string {
  const plain = unescapeSlackText(markupToText(raw)).replace(/\s+/g, ' ').trim();
  const chars = [...plain];
  return escapeSlackText(chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : plain);
}
