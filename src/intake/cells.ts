// Reading a record's cells by column role, and quoting them in rejection reasons. Pure.
import { unguardCell, type ColumnMap, type ColumnRole } from './csv-columns.js';

/** The text of a value inside a rejection reason: one line, at most 40 characters. */
export function shorten(text: string, max = 40): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  const chars = [...plain];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : plain;
}

/**
 * The first non-empty cell among a role's columns: trimmed, our export's formula guard undone, and
 * Windows line ends inside it (a multi-line note) made plain "\n".
 */
export function cellOf(record: readonly string[], map: ColumnMap, role: ColumnRole): string {
  for (const i of map.roles[role] ?? []) {
    const cell = record[i]?.trim();
    if (cell) return unguardCell(cell).replace(/\r\n/g, '\n');
  }
  return '';
}

/** The owner cell, resolved by the importer before the row is normalised (dates are read in the owner's zone). */
export const ownerCell = (record: readonly string[], map: ColumnMap): string => cellOf(record, map, 'owner');
