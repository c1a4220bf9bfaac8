// TEMP shim (#14): B's names with the contract's signatures; dropped at merge.
import { DateTime } from 'luxon';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function parseWorkDays(text: string): number[] | null {
  const t = text.trim().toLowerCase();
  const range = /^([a-z]{3})-([a-z]{3})$/.exec(t);
  if (range) {
    const a = DAYS.indexOf(range[1]!) + 1;
    const b = DAYS.indexOf(range[2]!) + 1;
    if (!a || !b || b < a) return null;
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  const list = t.split(',').map((d) => DAYS.indexOf(d.trim()) + 1);
  if (list.some((d) => d === 0)) return null;
  return [...new Set(list)].sort();
}

export function formatWorkDays(days: readonly number[]): string {
  const names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  return days.map((d) => names[d - 1]).join(', ');
}

export function confirmationEmail(
  input: { leadName: string; repName: string; outcome: string | null; repStep: { action: string; dueAt: Date; allDay: boolean } | null; theirCommitment: string | null },
  zone: string,
  _now: Date,
): { subject: string; body: string } {
  const date = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat('cccc d LLLL');
  const lines = [`Hello,`, '', `Thank you for your time today.${input.outcome ? ` We agreed: ${input.outcome}.` : ''}`];
  if (input.repStep) lines.push(`I will ${input.repStep.action} by ${date(input.repStep.dueAt)}.`);
  if (input.theirCommitment) lines.push(`You will ${input.theirCommitment}.`);
  lines.push('', 'Best regards,', input.repName);
  return { subject: `Our call: next steps${input.repStep ? ` — ${input.repStep.action} by ${date(input.repStep.dueAt)}` : ''}`, body: lines.join('\n') };
}
