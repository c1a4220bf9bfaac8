import { DateTime } from 'luxon';
import { escapeSlackText } from '../slack/parse/slack-text.js';
import { messageToLines, type Directory } from './block-kit-text.js';
import type { SettableClock } from './clock.js';
import { localCalendar, type When } from './demo-day.js';
import { dmChannelId, type RecordedCall, type SlackStandIn } from './slack-stand-in.js';
import type { CommandAnswer } from './slash-commands.js';
import { KENJI, MANAGER, PEOPLE, REPS, SALES_CHANNEL, whoIs, type DemoPerson } from './team.js';
import type { TerminalStyle } from './terminal-style.js';
import type { TickWatch } from './tick-watch.js';

// The demo's Monday, told as what each person sees in Slack. Every step goes through the running
// app: slash commands as signed HTTP requests; DMs and the digest from its scheduler, shown once the
// tick for that moment has finished.

export interface Stage {
  monday: string;
  clock: SettableClock;
  slack: SlackStandIn;
  ticks: TickWatch;
  command(text: string, userId: string): Promise<CommandAnswer>;
  print(line?: string): void;
  style: TerminalStyle;
  directory: Directory;
}

export interface Shown {
  commands: number;
  morningDms: number;
  otherDms: number;
  digests: number;
}

type Message = { text?: string; blocks?: readonly unknown[] };

const LATE_REPLY_TIMEOUT_MS = 15_000;
// The story opens before Kenji's morning in Tokyo, the first of the day.
const OPENING: When = [0, '07:25'];

/** When the story opens: the app's clock starts there, so no tick runs at another time first. */
export const openingTime = (monday: string): Date => localCalendar(monday, KENJI.zone).at(OPENING);

const city = (zone: string) => zone.split('/').pop()!.replace(/_/g, ' ');
const indent = (lines: string[], first = '    ', rest = '    ') => lines.map((l, i) => `${i === 0 ? first : rest}${l}`);
const recipients = new Map(PEOPLE.map((p) => [dmChannelId(p.id), p]));
const isMorningDm = (m: Message) => (m.blocks?.[0] as { type?: string } | undefined)?.type === 'header';

/** Moves the clock to a person's local time and says where the sun is. */
function scene(stage: Stage, owner: DemoPerson, when: When): Date {
  const at = localCalendar(stage.monday, owner.zone).at(when);
  stage.clock.set(at);
  const zones = [...new Set([owner.zone, ...REPS.map((r) => r.zone)])];
  const times = zones.map((zone) => `${DateTime.fromJSDate(at, { zone }).toFormat('ccc HH:mm')} ${city(zone)}`);
  stage.print();
  stage.print(stage.style.bold(`━━ ${times.join(' · ')} ━━`));
  return at;
}

/** What Slack sends for what a user types: text escaped, #channel turned into its mention. */
function asSlackSends(typed: string, channels: Directory['channels']): string {
  const byName = new Map(Object.entries(channels).map(([id, name]) => [name, id]));
  return escapeSlackText(typed).replace(/(^|[\s:])#([a-z0-9_-]+)/g, (whole, before: string, name: string) => {
    const id = byName.get(name);
    return id ? `${before}<#${id}|${name}>` : whole;
  });
}

/** Past Slack's 3 seconds the app answers through response_url instead. */
async function lateReply(stage: Stage, responseUrl: string): Promise<Message> {
  const path = new URL(responseUrl).pathname;
  await stage.slack.waitFor(() => stage.slack.responses.some((r) => r.path === path), LATE_REPLY_TIMEOUT_MS);
  return stage.slack.responses.find((r) => r.path === path)!.body as Message;
}

/** A person types `/followup …`; the reply only they see. */
async function typeCommand(stage: Stage, person: DemoPerson, text: string): Promise<void> {
  const sent = await stage.command(asSlackSends(text, stage.directory.channels), person.id);
  if (sent.status !== 200) throw new Error(`/followup ${text} was answered with HTTP ${sent.status}`);
  const reply = sent.text.startsWith(':hourglass_flowing_sand:') ? await lateReply(stage, sent.responseUrl) : sent;
  const { style } = stage;
  stage.print();
  stage.print(style.label(`${whoIs(person)} — /followup ${text.split(' ')[0]} (a reply only they see)`));
  stage.print(`  → ${style.bold(`/followup ${text}`)}`);
  stage.print(indent(messageToLines(reply, stage.directory, style), '  ⇒ ').join('\n'));
}

/** Shows, in order and by who sees them, the messages the app has posted since the last look. */
function messagesReader(stage: Stage): () => Shown {
  let seen = 0;
  return () => {
    const shown: Shown = { commands: 0, morningDms: 0, otherDms: 0, digests: 0 };
    const calls = stage.slack.calls.slice(seen);
    seen += calls.length;
    const { style } = stage;
    const show = (label: string, message: Message) => {
      stage.print();
      stage.print(style.label(label));
      stage.print(indent(messageToLines(message, stage.directory, style)).join('\n'));
    };
    calls.forEach((call: RecordedCall, i) => {
      const args = call.args as Message & { channel?: string; thread_ts?: string };
      if (call.method === 'chat.postMessage' && args.thread_ts) {
        stage.print(indent(messageToLines(args, stage.directory, style), '    ↳ ', '      ').join('\n'));
      } else if (call.method === 'chat.postMessage' && args.channel === SALES_CHANNEL.id) {
        show(`#${SALES_CHANNEL.name} — weekly digest (what ${MANAGER.name} and the channel see)`, args);
        shown.digests += 1;
      } else if (call.method === 'chat.postMessage') {
        const person = recipients.get(args.channel ?? '');
        const morning = isMorningDm(args);
        show(`${person ? whoIs(person) : args.channel} — ${morning ? 'morning DM' : 'DM from the coach'}`, args);
        if (morning) shown.morningDms += 1;
        else shown.otherDms += 1;
      } else if (call.method === 'files.completeUploadExternal') {
        const file = (args as { files?: { title?: string }[] }).files?.[0];
        const asked = calls.slice(0, i).reverse().find((c) => c.method === 'files.getUploadURLExternal');
        stage.print(`    ↳ ${style.dim(`📎 ${String(asked?.args.filename ?? 'file')} — ${file?.title ?? ''} (a chart of touches per lead and promises kept, by rep)`)}`);
      }
    });
    return shown;
  };
}

const sum = (a: Shown, b: Shown): Shown => ({
  commands: a.commands + b.commands,
  morningDms: a.morningDms + b.morningDms,
  otherDms: a.otherDms + b.otherDms,
  digests: a.digests + b.digests,
});

/** Monday, following the sun from Tokyo to New York: the commands, then each morning, then the digest. */
export async function playMonday(stage: Stage): Promise<Shown> {
  const showMessages = messagesReader(stage);
  const commands: [DemoPerson, string][] = [
    // The manager sets up the weekly digest (on Sunday evening in New York).
    [MANAGER, 'settings digest:#sales'],
    // Kenji gets ahead of his day before the coach's DM arrives.
    [KENJI, 'log hoshino call talked through the pilot; they want 20 seats'],
    [KENJI, 'next hoshino send the pilot agreement by wednesday promised they: confirm the budget owner'],
    [KENJI, 'snooze sakura until thursday their CFO is travelling'],
  ];
  let shown: Shown = { commands: commands.length, morningDms: 0, otherDms: 0, digests: 0 };
  const opening = scene(stage, KENJI, OPENING);
  for (const [person, text] of commands) await typeCommand(stage, person, text);
  await stage.ticks.after(opening);
  shown = sum(shown, showMessages());

  for (const rep of REPS) {
    await stage.ticks.after(scene(stage, rep, [0, '08:00']));
    const now = showMessages();
    if (now.morningDms === 0) throw new Error(`${rep.name}'s morning DM did not come at 08:00 in ${rep.zone}`);
    shown = sum(shown, now);
  }
  await stage.ticks.after(scene(stage, MANAGER, [0, '09:00']));
  const digest = showMessages();
  if (digest.digests === 0) throw new Error(`the weekly digest did not come at 09:00 in ${MANAGER.zone}`);
  return sum(shown, digest);
}
