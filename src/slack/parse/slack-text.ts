// Slack escapes &, < and > in command text (should_escape: true) and wraps mentions in <…>.

export function unescapeSlackText(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** For showing user text back in mrkdwn: it is never read as markup or a mention. */
export function escapeSlackText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function parseUserMention(token: string): string | null {
  const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token.trim());
  return m ? m[1]! : null;
}

export function parseChannelMention(token: string): string | null {
  const m = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token.trim());
  return m ? m[1]! : null;
}

/** `<!channel>`, `<@U…>`, `<#C…>`: refused inside names, which must stay plain text. */
export function containsMentionSequence(s: string): boolean {
  return /<[!@#][^>]*>/.test(s);
}

export function stripMailto(token: string): string {
  const m = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/.exec(token.trim());
  return m ? m[1]! : token;
}
