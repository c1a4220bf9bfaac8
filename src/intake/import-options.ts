// What an import is asked to do, and what it reports back.
import { z } from 'zod';
import type { OwnerResolver } from './resolve-owner.js';

export interface ImportSummary {
  created: number;
  updated: number;
  /** Matched a lead and changed nothing (or lost a race with a concurrent add). */
  skipped: number;
  rejected: { line: number; reason: string }[];
  /** Rows whose owner could not be found: they went to the default owner. */
  ownerNotes: { line: number; reason: string }[];
  dryRun: boolean;
  /** Data rows read (blank ones aside), rejected ones included. */
  rows: number;
  /** Never-touched imported leads given a planned first contact on a coming working day (R2). */
  planned?: number;
}

export const importOptions = z.object({
  teamId: z.string().min(1),
  /** A rep of the team: rows without a (findable) owner go to them, and they are recorded as creator. */
  defaultOwner: z.string().min(1),
  dryRun: z.boolean().default(false),
  now: z.date(),
  resolveOwner: z.custom<OwnerResolver>((v) => typeof (v as OwnerResolver | undefined)?.resolve === 'function').optional(),
  batchSize: z.number().int().min(1).max(5000).default(1000),
  /** Told the data rows read so far, after each one (the CLI's progress line; it throttles itself). */
  onProgress: z.custom<(rows: number) => void>((v) => typeof v === 'function').optional(),
});
export type ImportOptions = z.input<typeof importOptions>;
export type ImportSettings = z.output<typeof importOptions>;
