import { escapeSlackText } from '../parse/slack-text.js';
import { USAGE } from '../parse/usage.js';

// `/followup help`: short and example-led, and only the commands the reader can use.

interface CommandHelp {
  what: string;
  examples: string[];
  /** Managers only (a rep is told so if they ask). */
  manager?: boolean;
  details?: string[];
}

const HELP: Record<string, CommandHelp> = {
  add: {
    what: 'Add a lead. It is due for a first contact now.',
    examples: ['/followup add "Acme Corp" value:12000 email:ana@acme.com', '/followup add "Globex" tier:referral referred-by:Maria Lopez'],
    details: [
      'tier: how warm it is — referral, customer, lead, new (the default) or cold (waits until a dated step or a revive).',
      'source:inbound when they came to you: then the first hour counts.',
      'referred-by: who sent them; when you win it, you are reminded to thank them.',
      'Managers can add for someone else with owner:@name.',
    ],
  },
  log: {
    what: 'Record that you reached them, what happened, and what comes next.',
    examples: ['/followup log "Acme Corp" call agreed a demo next: send slots by friday promised', '/followup log "Acme Corp" email inbound they asked for a quote signals:asked-price'],
    details: [
      'How: call, email, meeting, visit, message or note. Put inbound right after it when they reached out to you.',
      'next: <action> by <date> sets your next step; add promised if you promised it, and they: <what they will do>.',
      'Without next:, a step is proposed for you; change it with /followup next.',
      'Tags after signals: (comma-separated). Good signs: asked-price, asked-timing, asked-details, introduced-decision-maker, replied. Poor signs: vague, no-interest, no-time, never-initiates, no-details, missed-promise, distracted.',
      'After a call or a meeting, the reply has a confirmation e-mail ready to send.',
      'With no words after log, a form opens.',
    ],
  },
  next: {
    what: 'Set what you will do next and when (it replaces the open one).',
    examples: ['/followup next "Acme Corp" send the proposal by monday promised they: review it with their CFO'],
  },
  queue: { what: 'Who to follow up now, most important first.', examples: ['/followup queue'] },
  done: {
    what: 'Mark your open step done without logging a touch.',
    examples: ['/followup done "Acme Corp" next: call to walk through it by thursday', '/followup done "Acme Corp" they:kept'],
    details: ['they:kept or they:missed says whether they did their part.'],
  },
  won: { what: 'Record a win. A thank-you step is set, then the check-ins follow one at a time.', examples: ['/followup won "Acme Corp" signed for a year'] },
  lost: { what: 'Close a lead as lost, with a reason.', examples: ['/followup lost "Acme Corp" chose a cheaper supplier'] },
  snooze: { what: 'Out of your queue until a date.', examples: ['/followup snooze "Acme Corp" until monday back from holiday'] },
  revive: { what: 'Bring a cold prospect back because something happened.', examples: ['/followup revive "Initech" they raised a new round'] },
  show: { what: "A lead's details, touches and steps.", examples: ['/followup show "Acme Corp"'] },
  undo: { what: 'Take back the last touch you logged.', examples: ['/followup undo'] },
  delete: { what: 'Delete a lead for good (you confirm first).', examples: ['/followup delete "Acme Corp"'] },
  settings: {
    what: 'Your morning DM time and time zone, or pause the DMs.',
    examples: ['/followup settings dm:08:30 tz:Europe/Berlin', '/followup settings off:2026-12-24'],
    details: [
      'Managers also set the team: digest:#channel digest-day:mon digest-time:09:00, hours:09:00-18:00 days:mon-fri (working time, in each person\'s own zone), new-per-day:10 (imported leads planned for a first contact, per rep a day), checkin-days:90 (how often customers are checked in on), manager:@name.',
    ],
  },
  reassign: { what: "Give a lead to another rep (they get a DM about it), or all of one rep's leads.", examples: ['/followup reassign "Acme Corp" @ana', '/followup reassign all @bo @ana'], manager: true },
  stalled: { what: 'Leads that have stopped moving, by rep.', examples: ['/followup stalled'], manager: true },
  digest: { what: 'This week\'s team digest so far: whom to ask about what, with the figures. Only you see it.', examples: ['/followup digest'], manager: true },
  import: { what: 'Import leads from a CSV (or drop the file into the app\'s DM).', examples: ['/followup import'], manager: true },
  inspect: {
    what: "Two of a rep's open leads to look at yourself, picked at random, weighted by value.",
    examples: ['/followup inspect @ana'],
    manager: true,
    details: ['Leads a manager looked at in the last 30 days are not picked. Press *Looked at it* once you have; the rep sees your note.'],
  },
};

/** The five a rep uses every day, in the order of a lead's life. */
const DAILY = ['add', 'log', 'next', 'queue', 'won'];
const MANAGER_ONLY = Object.keys(HELP).filter((k) => HELP[k]!.manager);
const OTHERS = Object.keys(HELP).filter((k) => !DAILY.includes(k) && !HELP[k]!.manager);

// A rep's own settings; the team's are a manager's.
const REP_SETTINGS_USAGE = '/followup settings [dm:<HH:MM>] [tz:<IANA zone>] [off:<date>] [on]';

const code = (s: string) => `\`${escapeSlackText(s)}\``;

export function helpText(isManager: boolean): string {
  const lines = ['*Follow-up Coach* — every open lead gets a dated next step, and you follow up until it closes.', ''];
  for (const sub of DAILY) lines.push(`• ${code(HELP[sub]!.examples[0]!)}\n    ${HELP[sub]!.what}`);
  lines.push('', `Also: ${OTHERS.map((s) => code(s)).join(', ')}.`);
  if (isManager) lines.push(`For managers: ${MANAGER_ONLY.map((s) => code(s)).join(', ')}, and the team's \`settings\`.`);
  lines.push('Dates read in your time zone: `friday`, `tomorrow`, `in 3 days`, `dec 3 2pm`.', '`/followup help log` (or any command) for the details.');
  return lines.join('\n');
}

/** `/followup help <command>`: what it does, how it is written, examples and details. Null: no such command. */
export function commandHelpText(sub: string, isManager: boolean): string | null {
  const h = Object.hasOwn(HELP, sub) ? HELP[sub] : undefined;
  if (!h) return null;
  if (h.manager && !isManager) return `\`${sub}\` is for managers: ${h.what} Ask your manager.`;
  const usage = sub === 'settings' && !isManager ? REP_SETTINGS_USAGE : (USAGE[sub] ?? `/followup ${sub}`);
  const lines = [`*/followup ${sub}* — ${h.what}`, `Written: ${code(usage)}`, '*Examples*', ...h.examples.map((e) => `• ${code(e)}`)];
  const details = sub === 'settings' && !isManager ? [] : (h.details ?? []);
  if (details.length) lines.push('*Details*', ...details.map((d) => `• ${escapeSlackText(d)}`));
  return lines.join('\n');
}

export const helpTopics = (): string[] => Object.keys(HELP);
