import type { TerminalStyle } from './terminal-style.js';

// What a Slack user would read, as terminal text: Block Kit blocks and mrkdwn rendered line by line.
// Pure: the names behind mentions and the style come in as arguments.

/** Display names for the ids inside mentions. */
export interface Directory {
  users: Readonly<Record<string, string>>;
  channels: Readonly<Record<string, string>>;
}

// The shortcodes the app uses, as the characters Slack shows; others stay as typed.
const EMOJI: Readonly<Record<string, string>> = {
  warning: '⚠️',
  trophy: '🏆',
  white_check_mark: '✅',
  information_source: 'ℹ️',
  lock: '🔒',
  hourglass_flowing_sand: '⏳',
  alarm_clock: '⏰',
  wave: '👋',
  tada: '🎉',
  chart_with_upwards_trend: '📈',
};

const emoji = (s: string): string => s.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);

// &amp; last, so "&amp;lt;" (a typed "&lt;") stays "&lt;".
const unescapeEntities = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// Markup spans, at word edges as Slack reads them.
const EMPHASIS: { mark: string; style: keyof Pick<TerminalStyle, 'bold' | 'italic' | 'strike'> }[] = [
  { mark: '\\*', style: 'bold' },
  { mark: '_', style: 'italic' },
  { mark: '~', style: 'strike' },
];

/** `<@U1|ana>`, `<#C1|sales>`, `<!here>`, `<https://x|label>`: the words Slack shows for them. */
function markupToken(inner: string, dir: Directory, style: TerminalStyle): string {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : unescapeEntities(inner.slice(bar + 1));
  if (target.startsWith('@')) return style.mention(`@${dir.users[target.slice(1)] ?? label?.replace(/^@/, '') ?? target.slice(1)}`);
  if (target.startsWith('#')) return style.mention(`#${dir.channels[target.slice(1)] ?? label?.replace(/^#/, '') ?? target.slice(1)}`);
  if (target.startsWith('!')) {
    const word = target.slice(1).split('^')[0]!;
    // <!date^…|fallback>, <!subteam^…|@team>: the label is what shows.
    return style.mention(label ?? `@${word}`);
  }
  const url = unescapeEntities(target);
  const plainUrl = url.replace(/^mailto:/i, '');
  if (!label || label === url || label === plainUrl) return style.link(plainUrl);
  return `${style.link(label)} (${plainUrl})`;
}

/** One run of mrkdwn outside code: mentions and links, emphasis, emoji, entities. */
function inline(text: string, dir: Directory, style: TerminalStyle): string {
  // Markup first, each token held by one private-use character so emphasis may wrap it.
  const tokens: string[] = [];
  let out = text.replace(/<([^<>\n]+)>/g, (_, inner: string) => {
    tokens.push(markupToken(inner, dir, style));
    return String.fromCharCode(0xe000 + tokens.length - 1);
  });
  for (const { mark, style: name } of EMPHASIS) {
    const span = new RegExp(`(^|[^\\w${mark}])${mark}(?=\\S)([^\\n]*?\\S)${mark}(?![\\w${mark}])`, 'g');
    out = out.replace(span, (_, before: string, inner: string) => `${before}${style[name](inner)}`);
  }
  out = unescapeEntities(emoji(out));
  return out.replace(/[\ue000-\uf8ff]/g, (c) => tokens[c.charCodeAt(0) - 0xe000] ?? c);
}

/** Slack mrkdwn as terminal text: code verbatim, everything else rendered. */
export function mrkdwnToText(text: string, dir: Directory, style: TerminalStyle): string {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]+`)/)
    .map((part, i) => {
      if (i % 2 === 0) return inline(part, dir, style);
      const code = part.startsWith('```') ? part.slice(3, -3) : part.slice(1, -1);
      return style.code(unescapeEntities(code));
    })
    .join('');
}

interface TextObject {
  type?: string;
  text?: string;
}
type Element = Record<string, unknown> & { type?: string };
type Block = Record<string, unknown> & { type?: string };

const textOf = (t: unknown, dir: Directory, style: TerminalStyle): string => {
  const o = t as TextObject | undefined;
  if (!o?.text) return '';
  return o.type === 'mrkdwn' ? mrkdwnToText(o.text, dir, style) : emoji(o.text);
};

/** The words shared by the start of every option: an overflow menu of "Snooze 1 day", "Snooze 3 days"… reads "Snooze". */
function commonLead(labels: string[]): string {
  const split = labels.map((l) => l.split(/\s+/));
  const lead: string[] = [];
  for (let i = 0; split.every((w) => w.length > i + 1 && w[i] === split[0]![i]); i++) lead.push(split[0]![i]!);
  return lead.join(' ');
}

/** An interactive element as the reader sees it: `[Log touch]`, `[Snooze ▾]`. */
function elementText(el: Element, dir: Directory, style: TerminalStyle): string {
  switch (el.type) {
    case 'button':
      return style.button(`[${textOf(el.text, dir, style)}]`, el.style as 'primary' | 'danger' | undefined);
    case 'overflow': {
      const labels = ((el.options as { text?: TextObject }[] | undefined) ?? []).map((o) => o.text?.text ?? '');
      return style.button(`[${commonLead(labels) || 'More'} ▾]`);
    }
    case 'image':
      return `[image: ${String(el.alt_text ?? '')}]`;
    case 'mrkdwn':
    case 'plain_text':
      return textOf(el, dir, style);
    default: {
      const placeholder = textOf(el.placeholder, dir, style) || textOf(el.text, dir, style);
      return style.button(`[${placeholder || el.type} ▾]`);
    }
  }
}

function blockLines(block: Block, dir: Directory, style: TerminalStyle): string[] {
  switch (block.type) {
    case 'header':
      return style.header(textOf(block.text, dir, style));
    case 'section': {
      const texts = [block.text, ...((block.fields as TextObject[] | undefined) ?? [])].map((t) => textOf(t, dir, style)).filter(Boolean);
      const lines = texts.flatMap((t) => t.split('\n'));
      const accessory = block.accessory as Element | undefined;
      // Slack shows the accessory beside the text.
      if (accessory && accessory.type !== 'image') lines[0] = lines.length ? `${lines[0]}  ${elementText(accessory, dir, style)}` : elementText(accessory, dir, style);
      return lines;
    }
    case 'actions':
      return [((block.elements as Element[] | undefined) ?? []).map((el) => elementText(el, dir, style)).join('  ')];
    case 'context': {
      const parts = ((block.elements as Element[] | undefined) ?? []).map((el) => elementText(el, dir, style));
      return parts.join('  ').split('\n').map((line) => style.dim(line));
    }
    case 'divider':
      return [style.dim('─'.repeat(40))];
    case 'image':
      return [`[image: ${String(block.alt_text ?? '')}]`];
    default:
      return [];
  }
}

/** A Slack message (its blocks, else its text) as the lines a reader sees. */
export function messageToLines(message: { text?: string; blocks?: readonly unknown[] }, dir: Directory, style: TerminalStyle): string[] {
  if (message.blocks?.length) return message.blocks.flatMap((b) => blockLines(b as Block, dir, style));
  return mrkdwnToText(message.text ?? '', dir, style).split('\n');
}
