import { escapeSlackText } from '../parse/slack-text.js';
import { formatDue } from '../parse/dates.js';
import type { Lead, NextStep } from '../../db/schema.js';
import { formatMoney, tierLabel } from '../../coach/labels.js';


/** A lead's name, bold and escaped: user text is never read as markup. */
export const leadName = (lead: Pick<Lead, 'name'>): string => `*${escapeSlackText(lead.name)}*`;

/** "Referral · $12,000 · Acme Holdings" */
export function leadSummary(lead: Pick<Lead, 'tier' | 'value' | 'company'>): string {
  const parts = [tierLabel(lead.tier)];
  if (lead.value !== null) parts.push(formatMoney(lead.value));
  if (lead.company) parts.push(escapeSlackText(lead.company));
  return parts.join(' · ');
}

/** "send proposal by Fri 27 Nov (promised)" in the rep's zone. */
export function nextStepText(step: Pick<NextStep, 'action' | 'dueAt' | 'promised' | 'theirCommitment'>, zone: string, now: Date): string {
  let text = `${escapeSlackText(step.action)} by ${formatDue(step.dueAt, zone, now)}`;
  if (step.promised) text += ' (promised)';
  if (step.theirCommitment) text += `; they will ${escapeSlackText(step.theirCommitment)}`;
  return text;
}
