import type { Lead, NextStep } from '../../db/schema.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { leadName, nextStepText } from './format.js';

/** After "They did their part" / "They didn't": what was recorded, or that it already was. */
export function commitmentMarkedText(
  r: { lead: Lead; step: NextStep; changed: boolean },
  clicked: 'kept' | 'missed',
  zone: string,
  now: Date,
): string {
  const what = escapeSlackText(r.step.theirCommitment ?? '');
  const recorded = r.step.theirStatus === 'kept' ? 'did their part' : "didn't do their part";
  if (!r.changed) {
    return `Already recorded: ${leadName(r.lead)} ${recorded} (${what}). Nothing was changed.`;
  }
  const head = clicked === 'kept' ? `Noted: ${leadName(r.lead)} did their part (${what}).` : `Noted: ${leadName(r.lead)} didn't do their part (${what}).`;
  return `${head} Your step stays open: ${nextStepText({ ...r.step, theirCommitment: null }, zone, now)}.`;
}
