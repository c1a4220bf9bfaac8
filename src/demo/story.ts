import { DateTime } from 'luxon';
import { escapeSlackText } from '../slack/parse/slack-text.js';
import { messageToLines, type Directory } from './block-kit-text.js';
import type { SettableClock } from './clock.js';
import { localCalendar, type When } from './demo-day.js';
import { dmChannelId, type RecordedCall, type SlackStandIn } from './slack-stand-in.js';
import type { CommandAnswer } from './slash-commands.js';
import { KENJI, MANAGER, REPS, SALES_CHANNEL, whoIs, type DemoPerson } from './team.js';
import type { TerminalStyle } from './terminal-style.js';

// The demo's Monday, told as what each person sees in Slack. Every step goes through the running
// app: slash commands as signed HTTP requests, the morning DMs and the digest from its scheduler.

export interface Stage {
  monday: string;
  clock: SettableClock;
  slack: SlackStandIn;
  command(text: string, userId: string): Promise<CommandAnswer>;
  print(line?: string): void;
  style: TerminalStyle;
  directory: Directory;
}

// How long a scheduled message may take to appear once its time has come (the tick is every second).
const DELIVERY_TIMEOUT_MS = 20_000;
const LATE_REPLY_TIMEOUT_MS = 15_000;

const city = (zone: string) => zone.split('/').pop()!.replace(/_/g, ' ');

/** Moves the clock and says where the sun is; returns the call count then, to find what follows. */
function scene(stage: Stage, owner: DemoPerson, when: When): number {
  const at = localCalendar(stage.monday, owner.zone).at(when);
  const mark = stage.slack.calls.length;
  stage.clock.set(at);
  const zones = [...new Set([owner.zone, ...REPS.map((r) => r.zone)])];
  const times = zones.map((zone) => `${DateTime.fromJSDate(at, { zone }).toFormat('ccc HH:mm')} ${city(zone)}`);
  stage.print();
  stage.print(stage.style.bold(`━━ ${times.join(' · ')} ━━`));
  return mark;
}

const indent = (lines: string[], first = '    ', rest = '    ') => lines.map((l, i) => `${i === 0 ? first : rest}${l}`);

/** What Slack sends for what a user types: text escaped, #channel turned into its mention. */
function asSlackSends(typed: string, channels: Directory['channels']): string {
  const byName = new Map(Object.entries(channels).map(([id, name]) => [name, id]));
  return escapeSlackText(typed).replace(/(^|[\s:])#([a-z0-9_-]+)/g, (whole, before: string, name: string) => {
    const id = byName.get(name);
    return id ? `${before}<#${id}|${name}>` : whole;
  });
}

type Message = { text?: string; blocks?: readonly unknown[] };

/** Past Slack's 3 seconds the app answers through response_url instead. */
async function lateReply(stage: Stage, responseUrl: string): Promise<Message> {
  const path = new URL(responseUrl).pathname;
  await stage.slack.waitFor(() => stage.slack.responses.some((r) => r.path === path), LATE_REPLY_TIMEOUT_MS);
  return stage.slack.responses.find((r) => r.path === path)!.body as Message;
}

/** A person types `/followup …`; the reply only they see. */
async function type(stage: Stage, person: DemoPerson, text: string): Promise<void> {
  const sent = await stage.command(asSlackSends(text, stage.directory.channels), person.id);
  if (sent.status !== 200) throw new Error(`/followup ${text} was answered with HTTP ${sent.status}`);
  const reply = sent.text.startsWith(':hourglass_flowing_sand:') ? await lateReply(stage, sent.responseUrl) : sent;
  const { style } = stage;
  stage.print();
  stage.print(style.label(`${whoIs(person)} — /followup ${text.split(' ')[0]} (a reply only they see)`));
  stage.print(`  → ${style.bold(`/followup ${text}`)}`);
  stage.print(indent(messageToLines(reply, stage.directory, style), '  ⇒ ').join('\n'));
}

const postedTo = (calls: RecordedCall[], channel: string) => calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel);

/** Waits for the scheduler to send this rep's morning DM, and shows it. */
async function morningDm(stage: Stage, rep: DemoPerson, mark: number): Promise<void> {
  const channel = dmChannelId(rep.id);
  await stage.slack.waitFor(() => postedTo(stage.slack.calls.slice(mark), channel).length > 0, DELIVERY_TIMEOUT_MS);
  const [dm] = postedTo(stage.slack.calls.slice(mark), channel);
  stage.print();
  stage.print(stage.style.label(`${whoIs(rep)} — morning DM`));
  stage.print(indent(messageToLines(dm!.args as Message, stage.directory, stage.style)).join('\n'));
}

/** Waits for the weekly digest (and its chart, in the thread), and shows it. */
async function weeklyDigest(stage: Stage, mark: number): Promise<void> {
  const since = () => stage.slack.calls.slice(mark);
  await stage.slack.waitFor(() => postedTo(since(), SALES_CHANNEL.id).length > 0, DELIVERY_TIMEOUT_MS);
  // The chart is uploaded once the digest is out; a digest without it still tells the story.
  await stage.slack.waitFor(() => since().some((c) => c.method === 'files.completeUploadExternal'), DELIVERY_TIMEOUT_MS).catch(() => undefined);
  const [first, ...thread] = postedTo(since(), SALES_CHANNEL.id);
  const { style } = stage;
  stage.print();
  stage.print(style.label(`#${SALES_CHANNEL.name} — weekly digest (what ${MANAGER.name} and the channel see)`));
  stage.print(indent(messageToLines(first!.args as Message, stage.directory, style)).join('\n'));
  for (const part of thread) {
    stage.print(indent(messageToLines(part.args as Message, stage.directory, style), '    ↳ ', '      ').join('\n'));
  }
  const upload = since().find((c) => c.method === 'files.completeUploadExternal');
  const file = (upload?.args.files as { title?: string }[] | undefined)?.[0];
  const asked = since().find((c) => c.method === 'files.getUploadURLExternal');
  if (upload) stage.print(`    ↳ ${style.dim(`📎 ${String(asked?.args.filename ?? 'chart')} — ${file?.title ?? 'chart'} (touches per lead and promises kept, by rep)`)}`);
}

// The story opens before Kenji's morning in Tokyo, the first of the day.
const OPENING: When = [0, '07:25'];

/** When the story opens: the app's clock starts there, so no tick runs at another time first. */
export const openingTime = (monday: string): Date => localCalendar(monday, KENJI.zone).at(OPENING);

/** Monday, following the sun from Tokyo to New York. Returns what was shown. */
export async function playMonday(stage: Stage): Promise<{ commands: number; dms: number; digests: number }> {
  scene(stage, KENJI, OPENING);
  // The manager sets up the weekly digest (on Sunday evening in New York).
  await type(stage, MANAGER, 'settings digest:#sales');
  // Kenji gets ahead of his day before the coach's DM arrives.
  await type(stage, KENJI, 'log hoshino call talked through the pilot; they want 20 seats');
  await type(stage, KENJI, 'next hoshino send the pilot agreement by wednesday promised they: confirm the budget owner');
  await type(stage, KENJI, 'snooze sakura until thursday their CFO is travelling');

  for (const rep of REPS) {
    await morningDm(stage, rep, scene(stage, rep, [0, '08:00']));
  }
  await weeklyDigest(stage, scene(stage, MANAGER, [0, '09:00']));
  return { commands: 4, dms: REPS.length, digests: 1 };
}
