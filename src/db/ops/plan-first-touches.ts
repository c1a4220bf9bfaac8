// TEMP shim (#14): the contract's planFirstTouchesFor; A's real one replaces it at merge.
import type { Db } from '../client.js';

export async function planFirstTouchesFor(
  _db: Db,
  _input: { teamId: string; ownerId?: string; now: Date; zoneOf: (ownerId: string) => string },
): Promise<{ planned: number }> {
  return { planned: 0 };
}
