import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { plural } from '../../coach/labels.js';
import type { DigestData, DigestTeamFigures } from '../../db/queries/digest-content.js';
import { ofWhole, repText } from './digest-rep.js';
import { inspectionBlocks } from './inspection.js';

// docs/rules.md#r15: the manager's weekly digest. Block Kit allows 50 blocks a message: a large team goes on in
// the next message (the thread, or the next ephemeral reply), never cut off.
const BLOCKS_PER_MESSAGE = 48;
const SECTION_LIMIT = 2900;

const clip = (s: string) => (s.length > SECTION_LIMIT ? `${s.slice(0, SECTION_LIMIT - 1)}…` : s);
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text) } });

/** "Mon 30 Nov – Sun 6 Dec", in the team's zone; "…, so far" for the week under way. */
export function weekLabel(data: Pick<DigestData, 'from' | 'zone' | 'soFar'>): string {
  const start = DateTime.fromJSDate(data.from, { zone: data.zone });
  return `${start.toFormat('ccc d LLL')} – ${start.plus({ days: 6 }).toFormat('ccc d LLL')}${data.soFar ? ', so far' : ''}`;
}

function teamText(t: DigestTeamFigures, last: Record<string, number> | undefined, reps: number): string {
  const leads = t.aged
    ? `*Figures about leads*: of the team's ${plural(t.aged, 'lead')} at least 14 days old, ` +
      `dropped after 0–1 touches: ${ofWhole(t.droppedEarly, t.aged, last, 'droppedEarly', 'aged', true)}; ` +
      `after 2 touches: ${ofWhole(t.droppedAtTwo, t.aged, last, 'droppedAtTwo', 'aged', true)}.`
    : '*Figures about leads*: no leads are 14 days old yet, so none can be counted as dropped.';
  const tooFew = t.repsTooFew ? `; ${plural(t.repsTooFew, 'rep')} ${t.repsTooFew === 1 ? 'has' : 'have'} too few closed leads to say` : '';
  const counted = t.repsCounted
    ? `${ofWhole(t.repsFollowing, t.repsCounted, last, 'repsFollowing', 'repsCounted', true)} reps made a median of 4 or more touches on the leads they closed in the last 90 days${tooFew}`
    : `${reps === 1 ? 'the one rep' : `none of the ${reps} reps`} closed 5 or more leads in the last 90 days: too few to say`;
  const repsLine =
    `*Figures about reps*: ${counted}. ` +
    'Beside the practice’s figures, also about reps: 48% never follow up, 25% stop after the second contact, 12% make more than three.';
  return `${leads}\n${repsLine}`;
}

/** The digest as one or more messages, in order. */
export function digestMessages(data: DigestData): { text: string; blocks: KnownBlock[] }[] {
  const title = `Follow-up digest — ${weekLabel(data)}`;
  const stalled = data.reps.reduce((n, r) => n + r.stalled.length, 0);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title } },
    section(teamText(data.team, data.last.get(''), data.reps.length)),
    { type: 'divider' },
  ];
  for (const rep of data.reps) {
    blocks.push(section(repText(rep, { zone: data.zone, teamMedianValue: data.teamMedianValue, last: data.last.get(rep.repId) })));
    if (rep.picks.length) blocks.push(...inspectionBlocks(rep.repId, rep.picks));
  }
  const messages: { text: string; blocks: KnownBlock[] }[] = [];
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_MESSAGE) {
    const n = messages.length + 1;
    messages.push({
      text: n === 1 ? `${title}: ${plural(stalled, 'stalled lead')} across ${plural(data.reps.length, 'rep')}.` : `${title}, part ${n}`,
      blocks: blocks.slice(i, i + BLOCKS_PER_MESSAGE),
    });
  }
  return messages;
}
