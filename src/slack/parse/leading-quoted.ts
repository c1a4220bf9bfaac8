// Slack sends straight quotes, but phones and Macs type curly ones.
const QUOTES = new Set('"\u201c\u201d\u201e\u201f\u2033');

/** A leading double-quoted string: its content and what follows; null when the text is not quoted. */
export function leadingQuoted(text: string): { inner: string; after: string } | null | 'unclosed' {
  const t = text.trimStart();
  if (!QUOTES.has(t[0] ?? '')) return null;
  for (let i = 1; i < t.length; i++) {
    if (QUOTES.has(t[i]!)) return { inner: t.slice(1, i), after: t.slice(i + 1).trim() };
  }
  return 'unclosed';
}
