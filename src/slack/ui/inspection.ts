import type { KnownBlock } from '@slack/types';

// TEMP shim for #15 (helper F writes the real blocks).
export function inspectionBlocks(_repId: string, picks: Array<{ leadId: string; name: string; value: number | null }>): KnownBlock[] {
  return picks.length ? [{ type: 'section', text: { type: 'mrkdwn', text: `Look at: ${picks.map((p) => p.name).join(', ')}` } }] : [];
}
