import { formatWorkDays } from '../../coach/index.js';
import type { Rep, Team } from '../../db/schema.js';
import { formatDue } from '../parse/dates.js';

const DAY = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface SettingsView {
  rep: Rep;
  team: Team;
  changed: string | null;
  managersAdded: string[];
  managersRemoved: string[];
}

export function settingsText(v: SettingsView, now: Date): string {
  const zone = v.rep.tz ?? 'UTC';
  const paused = v.rep.dmsPausedUntil && v.rep.dmsPausedUntil > now ? `paused until ${formatDue(v.rep.dmsPausedUntil, zone, now)}` : 'on';
  const lines = v.changed ? [v.changed] : [];
  lines.push(
    `*Your settings*: morning DM at ${v.rep.dmTime} on weekdays (${paused}) · time zone ${zone}${v.rep.tzOverridden ? '' : ' (from Slack)'}`,
    `*Team*: digest ${v.team.digestChannel ? `in <#${v.team.digestChannel}>` : 'not set up (`digest:#channel`)'} on ${DAY[v.team.digestDay]} at ${v.team.digestTime} · team zone ${v.team.teamTz ?? 'not set'}`,
  );
  lines.push(
    `*Working time*: ${v.team.workStart}–${v.team.workEnd} on ${formatWorkDays(v.team.workDays)}, in each person's own time zone` +
      ` · up to ${v.team.newPerDay} imported leads planned for first contact a day per rep · customers checked in every ${v.team.checkinDays} days`,
  );
  for (const id of v.managersAdded) lines.push(`<@${id}> is a manager now.`);
  for (const id of v.managersRemoved) lines.push(`<@${id}> is no longer a manager.`);
  return lines.join('\n');
}
