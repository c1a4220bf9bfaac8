import type { Shown } from './story.js';
import { SAMPLE_LEADS } from './sample-leads.js';
import { PEOPLE } from './team.js';
import type { TerminalStyle } from './terminal-style.js';

// The words around the story: what is running, who is who, and what was shown.

export function introduction(baseUrl: string, style: TerminalStyle): string[] {
  const leads = [...SAMPLE_LEADS.values()].reduce((n, list) => n + list.length, 0);
  const cast = PEOPLE.map((p) => {
    const owned = SAMPLE_LEADS.get(p.id)?.length;
    return `  ${p.realName.padEnd(16)}${p.role.padEnd(9)}${owned ? `${p.zone.padEnd(18)}${owned} leads` : p.zone}`;
  });
  return [
    style.bold('followup-coach demo'),
    `A Monday for a sample team, played against the real app at ${baseUrl} (HTTP receiver, scheduler,`,
    'embedded database) with a stand-in for Slack on 127.0.0.1: nothing leaves this machine.',
    `${leads} leads with weeks of history; every command below is a signed request, every DM and the digest come from the scheduler.`,
    '',
    ...cast,
  ];
}

export function summary(shown: Shown, seconds: number, style: TerminalStyle, keep: boolean): string[] {
  const alerts = shown.otherDms ? `, ${shown.otherDms} other DMs from the coach` : '';
  const lines = ['', style.bold(`Played in ${seconds.toFixed(1)} s: ${shown.commands} commands, ${shown.morningDms} morning DMs${alerts} and ${shown.digests} weekly digest.`)];
  if (!keep) {
    lines.push('Keep the app running and send your own commands: npm run demo -- --keep');
    lines.push('Set it up in your Slack workspace: README.md, "Create the Slack app".');
  }
  return lines;
}
