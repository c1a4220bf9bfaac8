// How the demo marks up what Slack would show: ANSI colours on a terminal, plain text otherwise
// (a pipe, a file, a test, or NO_COLOR set — https://no-color.org).

export interface TerminalStyle {
  bold(s: string): string;
  italic(s: string): string;
  strike(s: string): string;
  code(s: string): string;
  /** Secondary text: Block Kit context lines. */
  dim(s: string): string;
  link(s: string): string;
  mention(s: string): string;
  button(s: string, kind?: 'primary' | 'danger'): string;
  /** A message's header block, as one or more lines. */
  header(s: string): string[];
  /** The story's own labels: who sees what. */
  label(s: string): string;
}

const sgr = (on: number, off: number) => (s: string) => `\x1b[${on}m${s}\x1b[${off}m`;
const bold = sgr(1, 22);
const cyan = sgr(36, 39);

export const ANSI_STYLE: TerminalStyle = {
  bold,
  italic: sgr(3, 23),
  strike: sgr(9, 29),
  code: cyan,
  // Inner styles switch dimness or colour off when they end: switch it back on after each.
  dim: (s) => `\x1b[2m${s.replace(/\x1b\[(22|39)m/g, '$&\x1b[2m')}\x1b[22m`,
  link: sgr(4, 24),
  mention: sgr(34, 39),
  button: (s, kind) => (kind === 'danger' ? sgr(31, 39) : kind === 'primary' ? sgr(32, 39) : cyan)(s),
  header: (s) => [bold(s)],
  label: (s) => bold(sgr(35, 39)(s)),
};

export const PLAIN_STYLE: TerminalStyle = {
  bold: (s) => s,
  italic: (s) => s,
  strike: (s) => s,
  // Backticks stay: without colour they are what sets a command apart.
  code: (s) => `\`${s}\``,
  dim: (s) => s,
  link: (s) => s,
  mention: (s) => s,
  button: (s) => s,
  header: (s) => [s, '─'.repeat([...s].length)],
  label: (s) => s,
};

/** Colour only for a terminal, and never when NO_COLOR is set to anything. */
export function styleFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): TerminalStyle {
  return stream.isTTY && !env.NO_COLOR ? ANSI_STYLE : PLAIN_STYLE;
}
