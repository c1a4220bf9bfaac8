import { TIER_LABEL, type Tier } from '../domain/vocabulary.js';

export const tierLabel = (tier: Tier): string => TIER_LABEL[tier];

// One formatter, made once: Intl formatters are slow to build and a team has many leads.
const MONEY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export const formatMoney = (value: number): string => `$${MONEY.format(value)}`;

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "3 hours", "2 days": how long, in the largest whole unit. */
export function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return plural(Math.max(minutes, 1), 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}
