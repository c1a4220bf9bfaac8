// A CRM's money cell → a number. Pure.
import { shorten } from './cells.js';

/**
 * "$12,000.00", "12.000,00 €", "EUR 12 000", "12000" → a number; null for an empty cell; an error
 * text otherwise. The last of "." and "," is the decimal mark when both appear; a lone one followed
 * by exactly three digits groups thousands ("1,500" and "1.500" are 1500: deal values have cents, not
 * thousandths).
 */
export function parseMoney(raw: string): number | null | { error: string } {
  const text = raw.trim();
  if (text === '') return null;
  const unreadable = { error: `value '${shorten(text)}' is not a number` };
  // Currency signs and codes, spaces (also the narrow and no-break ones) and apostrophes (Swiss).
  const bare = text.replace(/[\p{Sc}]|\b[A-Za-z]{3}\b|[\s\u00a0\u202f']/gu, '');
  if (/^-|^\(.*\)$/.test(bare)) return { error: `value '${shorten(text)}' is negative` };
  if (!/^\d[\d.,]*$/.test(bare) || /[.,]{2}|[.,]$/.test(bare)) return unreadable;
  const lastDot = bare.lastIndexOf('.');
  const lastComma = bare.lastIndexOf(',');
  let digits: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole, fraction, ...extra] = bare.split(decimal);
    if (extra.length || fraction!.includes(group) || !groupedThousands(whole!, group)) return unreadable;
    digits = `${whole!.split(group).join('')}.${fraction}`;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = bare.split(mark);
    if (parts.length > 2 || (parts[1]!.length === 3 && parts[0] !== '0')) {
      if (!groupedThousands(bare, mark)) return unreadable;
      digits = parts.join('');
    } else {
      digits = `${parts[0]}.${parts[1]}`;
    }
  } else {
    digits = bare;
  }
  const n = Number(digits);
  if (!Number.isFinite(n)) return unreadable;
  if (n > 1_000_000_000) return { error: `value '${shorten(text)}' is more than 1,000,000,000` };
  return Math.round(n * 100) / 100;
}

const groupedThousands = (whole: string, group: string): boolean =>
  !whole.includes(group) || new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole);
