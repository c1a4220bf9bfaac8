import type { CommitmentStatus, Tier, TouchChannel } from '../domain/vocabulary.js';

/**
 * A touch's `undo`: the lead's fields the touch changed, as they were before it (times as ISO text),
 * and the completed step's prospect status before it.
 */
export interface TouchUndo {
  touchCount: number;
  tier: Tier;
  firstTouchAt: string | null;
  lastTouchAt: string | null;
  lastTouchChannel: TouchChannel | null;
  lastOutcome: string | null;
  signalCount: number;
  positiveSignalCount: number;
  touchesSinceEngagement: number;
  engagedAt: string | null;
  theirKept: number;
  theirMissed: number;
  updatedAt: string;
  completedTheirStatus: CommitmentStatus | null;
}
