import type { Db } from '../client.js';

// TEMP shim for #15 (helper F writes the real picks).
export async function pickForInspection(
  _db: Db,
  _o: { teamId: string; repId: string; weekKey: string; source: 'digest' | 'on-demand'; count: number; now: Date },
): Promise<Array<{ leadId: string; name: string; value: number | null }>> {
  return [];
}
