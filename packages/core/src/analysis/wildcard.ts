/**
 * Wildcard patterns as selectors use them: `*` matches any run of characters (none included),
 * every other character matches itself, ignoring case (people type "cisco meraki"), and the
 * pattern must match the whole value.
 *
 * Patterns come from untrusted registers and command lines, so matching must not backtrack: a
 * RegExp built from `*` → `.*` takes exponential time on `***…*zz` against a value that does not
 * end in `zz`. Here the pattern is split at its wildcards into literal pieces; the first must
 * start the value, the last must end it, and each one between is found, in order, at its leftmost
 * place after the one before (leftmost is always safe: it leaves the most room for the rest).
 * Each piece is found with Knuth-Morris-Pratt, so no character of the value is read twice and a
 * match costs O(pattern + value) whatever either holds.
 */

interface Piece {
  text: string;
  /** KMP failure function: the length of the longest proper border of `text[0..i]`. */
  border: Int32Array;
}

interface Compiled {
  /** The pattern had no `*`: the value must equal it. */
  exact?: string;
  head: string;
  tail: string;
  middle: Piece[];
}

/** One case fold for patterns and values alike, so both sides compare the same way. */
export const foldCase = (s: string) => s.toLowerCase();

function compile(pattern: string): Compiled {
  const pieces = foldCase(pattern).split('*');
  if (pieces.length === 1) return { exact: pieces[0]!, head: '', tail: '', middle: [] };
  return {
    head: pieces[0]!,
    tail: pieces[pieces.length - 1]!,
    middle: pieces.slice(1, -1).filter((p) => p !== '').map((text) => ({ text, border: borders(text) })),
  };
}

function borders(text: string): Int32Array {
  const border = new Int32Array(text.length);
  for (let i = 1, k = 0; i < text.length; i++) {
    while (k > 0 && text[i] !== text[k]) k = border[k - 1]!;
    if (text[i] === text[k]) k++;
    border[i] = k;
  }
  return border;
}

/** Where `piece` first occurs wholly within `value[from, to)`, or -1; reads each character once. */
function find(piece: Piece, value: string, from: number, to: number): number {
  const { text, border } = piece;
  for (let i = from, k = 0; i < to; i++) {
    while (k > 0 && value[i] !== text[k]) k = border[k - 1]!;
    if (value[i] === text[k]) k++;
    if (k === text.length) return i - k + 1;
  }
  return -1;
}

// Compiled patterns, by pattern: a selector is matched against every asset. Emptied when full, so
// a long-lived process (`crr serve` rebuilding as a register is edited) cannot grow it for ever.
const compiled = new Map<string, Compiled>();
const CACHE_SIZE = 1000;

/** Whether `value` matches the wildcard `pattern` as a whole; O(pattern + value). */
export function wildcardMatches(pattern: string, value: string): boolean {
  let c = compiled.get(pattern);
  if (!c) {
    if (compiled.size >= CACHE_SIZE) compiled.clear();
    compiled.set(pattern, (c = compile(pattern)));
  }
  const v = foldCase(value);
  if (c.exact !== undefined) return v === c.exact;
  if (c.head.length + c.tail.length > v.length || !v.startsWith(c.head) || !v.endsWith(c.tail)) return false;
  // The middle pieces must fit between the head and the tail, without overlapping either.
  const end = v.length - c.tail.length;
  let at = c.head.length;
  for (const piece of c.middle) {
    const found = find(piece, v, at, end);
    if (found < 0) return false;
    at = found + piece.text.length;
  }
  return true;
}
