import type { LeadHistory } from '../../db/queries/lead-history.js';
import { NEXT_STEP_STATUS_LABEL } from '../../domain/vocabulary.js';
import { escapeSlackText } from '../parse/slack-text.js';
import { formatDue } from '../parse/dates.js';
import { leadName, leadSummary, nextStepText } from './format.js';
import type { InspectionNote } from '../../db/queries/inspections.js';
import { leadInspectionLines } from './inspection.js';

/** `/followup show`: the lead's details, touches and next steps, newest first; and a manager's looks at it. */
export function leadDetailsText({ lead, touches, steps }: LeadHistory, zone: string, now: Date, inspections: readonly InspectionNote[] = []): string {
  const when = (d: Date) => formatDue(d, zone, now);
  const lines = [`${leadName(lead)} — ${leadSummary(lead)} · ${lead.status} · owner <@${lead.ownerId}>`];
  const contact = [lead.email, lead.phone].filter(Boolean).map((v) => escapeSlackText(v!));
  if (contact.length) lines.push(contact.join(' · '));
  const origin = [lead.inbound ? 'They reached out to us.' : null, lead.referredBy ? `Referred by ${escapeSlackText(lead.referredBy)}.` : null].filter(Boolean);
  if (origin.length) lines.push(origin.join(' '));
  lines.push(`Touches: ${lead.touchCount}${lead.lastTouchAt ? `, last ${when(lead.lastTouchAt)}` : ''}. Added ${when(lead.createdAt)}.`);
  if (lead.snoozedUntil && lead.snoozedUntil > now) lines.push(`Snoozed until ${when(lead.snoozedUntil)}.`);
  if (steps.length) {
    lines.push('', '*Next steps*');
    for (const s of steps) lines.push(`• [${NEXT_STEP_STATUS_LABEL[s.status]}${s.kept === false ? ', late' : ''}] ${nextStepText(s, zone, now)}`);
  }
  if (touches.length) {
    lines.push('', '*Touches*');
    for (const t of touches) {
      const signals = t.signals.length ? ` (signals: ${t.signals.join(', ')})` : '';
      lines.push(`• ${when(t.occurredAt)} ${t.channel}${t.outcome ? `: ${escapeSlackText(t.outcome)}` : ''}${signals}`);
    }
  }
  lines.push(...leadInspectionLines(inspections, zone, now));
  return lines.join('\n');
}
