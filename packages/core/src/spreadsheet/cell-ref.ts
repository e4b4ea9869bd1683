/** A1 references: column letters and 1-based row numbers, from 0-based indices. */

/** `0` → `A`, `25` → `Z`, `26` → `AA`. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `(11, 5)` → `F12`. */
export function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A whole row, `12`. */
export function rowRef(row: number): string {
  return String(row + 1);
}
