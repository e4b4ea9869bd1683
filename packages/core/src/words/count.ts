/**
 * Counts in words: the one pluralising helper, for the report's data, the site's templates and the
 * CLI's messages alike, so "1 clinical services" cannot be written in one place and fixed in another.
 * Numbers are grouped by hand (`1,234`), never by `Intl`, so output is the same on every machine.
 */

/** 450923 → `450,923`; a fraction keeps its digits (`2.5`). */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const [int, frac] = Math.abs(n).toString().split('.');
  return sign + int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

/**
 * The word for `n` of a thing: `one` for exactly 1, else `many` (by default `one` + `s`, or `es`
 * after s, x, z, ch and sh: "switch" → "switches"). Give `many` for anything irregular
 * ("capacity" → "capacities"). Only the last word of a phrase is made plural ("clinical service"
 * → "clinical services").
 */
export function plural(n: number, one: string, many?: string): string {
  if (n === 1) return one;
  if (many !== undefined) return many;
  return /(?:s|x|z|ch|sh)$/.test(one) ? `${one}es` : `${one}s`;
}

/** `n` and its word: "1 site", "2 sites", "1,234 sites", "0 sites". */
export function countOf(n: number, one: string, many?: string): string {
  return `${groupDigits(n)} ${plural(n, one, many)}`;
}

/**
 * The indefinite article for a word as it is read: "an" before a vowel sound ("an ICB", "an
 * inet link", "an NHS service", "an 8-port switch"), else "a" ("a firewall", "a user", "a one-off").
 * Letters read as letters (an acronym in capitals) go by how the letter is said.
 */
export function articleFor(word: string): 'a' | 'an' {
  const w = word.trim().replace(/^[`'"(]+/, '');
  if (!w) return 'a';
  // Said as starting with a consonant sound though spelt with a vowel.
  if (/^(?:uni(?![mn])|use|usu|uti|ure|eu|one\b|once\b|ubiq)/i.test(w)) return 'a';
  // An initialism: the letter's name decides (an NHS, an ICB, a PCN, an SD-WAN, a UPS).
  const acronym = /^([A-Z])[A-Z0-9]/.exec(w);
  if (acronym) return 'AEFHILMNORSX'.includes(acronym[1]!) ? 'an' : 'a';
  // Digits as said: an 8, an 11, an 18; a 1, a 2 …
  if (/^(?:8|11|18)(?!\d)|^8\d/.test(w)) return 'an';
  if (/^\d/.test(w)) return 'a';
  if (/^(?:hour|honest|honou?r|heir)/i.test(w)) return 'an';
  return /^[aeiou]/i.test(w) ? 'an' : 'a';
}

/** The word with its article: "an inet link", "a firewall". */
export function withArticle(word: string): string {
  return `${articleFor(word)} ${word}`;
}

/** Units that read the same for one as for many (rates and abbreviations): "1 mbps", "1 kVA". */
const INVARIANT_UNIT = /(?:ps|PS|[A-Z])$|^(?:series|data)$/;

/**
 * An amount in a capacity unit, which registers write in the plural (`tunnels`, `users`, `mbps`):
 * "1 tunnel", "48 tunnels", "1 mbps". The singular drops the plural `s` where there is one.
 */
export function amountOf(n: number, unit: string): string {
  const one = n === 1 && !INVARIANT_UNIT.test(unit) && /[^s]s$/.test(unit) ? unit.slice(0, -1) : unit;
  return `${groupDigits(n)} ${one}`;
}
