import type { SheetGrid } from './cell-grid.js';

/** A column crr knows: its key, the header the template writes, and other spellings it accepts. */
export interface KnownColumn {
  key: string;
  header: string;
  aliases?: readonly string[];
}

/**
 * A header reduced to what identifies it: lower case, letters and digits only, so that
 * `Hazard ID`, `hazard_id`, `HAZARD-ID` and ` Hazard  Id. ` are one header. Accents are kept as
 * their base letters (`Catégorie` → `categorie`).
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The forms of a header that match it: whole, and without a parenthesised note (`Additional controls (with kind and status)`). */
function forms(text: string): string[] {
  const whole = normaliseHeader(text);
  const bare = normaliseHeader(text.replace(/\([^)]*\)|\[[^\]]*\]/g, ''));
  return bare && bare !== whole ? [whole, bare] : [whole];
}

/** Header text → column key, for every spelling of every known column. */
export function headerIndex(columns: readonly KnownColumn[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of columns) for (const name of [c.header, c.key, ...(c.aliases ?? [])]) for (const f of forms(name)) if (f && !index.has(f)) index.set(f, c.key);
  return index;
}

/** The key a header names, if any. */
export function matchHeader(text: string, index: ReadonlyMap<string, string>): string | undefined {
  for (const f of forms(text)) {
    const key = index.get(f);
    if (key !== undefined) return key;
  }
  return undefined;
}

/** How many rows from the top are searched for the header row. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * The header row: the row among the first 20 whose cells name the most known columns (at least
 * two), the first such row on a tie. Title rows, notes and blank rows above it are skipped.
 */
export function findHeaderRow(sheet: SheetGrid, index: ReadonlyMap<string, string>, resolve: (text: string) => string | undefined = (t) => matchHeader(t, index)): number | undefined {
  let best: number | undefined;
  let bestScore = 1;
  const last = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const keys = new Set<string>();
    for (const cell of sheet.rows[r] ?? []) {
      const key = cell?.text ? resolve(cell.text) : undefined;
      if (key !== undefined) keys.add(key);
    }
    if (keys.size > bestScore) {
      best = r;
      bestScore = keys.size;
    }
  }
  return best;
}
