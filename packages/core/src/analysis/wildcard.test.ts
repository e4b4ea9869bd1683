import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wildcardMatches } from './wildcard.js';

/**
 * The reference: dynamic programming over (pattern prefix, value prefix), obviously right and
 * O(pattern × value), on the same case fold.
 */
function reference(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase();
  const v = value.toLowerCase();
  // ok[j]: p[0, i) matches v[0, j).
  let ok = Array.from({ length: v.length + 1 }, (_, j) => j === 0);
  for (let i = 1; i <= p.length; i++) {
    const next = Array.from({ length: v.length + 1 }, () => false);
    for (let j = 0; j <= v.length; j++) {
      if (p[i - 1] === '*') next[j] = ok[j]! || (j > 0 && next[j - 1]!);
      else next[j] = j > 0 && ok[j - 1]! && p[i - 1] === v[j - 1];
    }
    ok = next;
  }
  return ok[v.length]!;
}

/** The matcher this one replaced: a RegExp, `*` → `.*`. Right, but exponential on hostile patterns. */
function oldRegExp(pattern: string, value: string): boolean {
  return new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$', 'is').test(value);
}

// A small alphabet, so that random patterns and values often nearly match; `*` in a value is literal.
const text = (chars: string[], maxLength: number) => fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''));
const pattern = text(['a', 'A', 'b', '*', '.'], 10);
const value = text(['a', 'A', 'b', '*', '.', '\n'], 12);

describe('wildcardMatches', () => {
  it('agrees with a dynamic-programming reference on random patterns and values', () => {
    fc.assert(
      fc.property(pattern, value, (p, v) => {
        expect(wildcardMatches(p, v)).toBe(reference(p, v));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the RegExp it replaced, on short inputs', () => {
    fc.assert(
      fc.property(pattern, value, (p, v) => {
        expect(wildcardMatches(p, v)).toBe(oldRegExp(p, v));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees when the value is built to match, around each piece', () => {
    // Random values rarely match long patterns; fill each `*` with random text to get matches too.
    fc.assert(
      fc.property(pattern, fc.array(text(['a', 'b', '*'], 4), { minLength: 11, maxLength: 11 }), (p, fills) => {
        const v = p.split('*').map((piece, i) => (i === 0 ? piece : fills[i - 1] + piece)).join('');
        expect(wildcardMatches(p, v)).toBe(true);
        expect(reference(p, v)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches the whole value, ignoring case, with every other character literal', () => {
    expect(wildcardMatches('MX 18.*', 'mx 18.107')).toBe(true);
    expect(wildcardMatches('MX 18.*', 'MX 19.1')).toBe(false);
    expect(wildcardMatches('a.b', 'axb')).toBe(false);
    expect(wildcardMatches('a?c', 'abc')).toBe(false);
    expect(wildcardMatches('[ab]', 'a')).toBe(false);
    expect(wildcardMatches('fw', 'fw-1')).toBe(false);
    expect(wildcardMatches('*', '')).toBe(true);
    expect(wildcardMatches('', '')).toBe(true);
    expect(wildcardMatches('', 'a')).toBe(false);
    expect(wildcardMatches('ab*ba', 'aba')).toBe(false); // head and tail may not overlap
    expect(wildcardMatches('ab*ba', 'abba')).toBe(true);
    expect(wildcardMatches('*aab*', 'xaaab')).toBe(true); // a partial match of a piece restarts correctly
    expect(wildcardMatches('a*\n*b', 'a\nb')).toBe(true);
  });

  it('takes linear time on patterns that are exponential for a backtracking RegExp', () => {
    const value = 'a'.repeat(10_000);
    const cases = [
      ['*'.repeat(24) + 'zz', value],
      ['*a'.repeat(10) + 'b', value],
      ['*' + 'a'.repeat(199) + 'b', value], // a naive search re-reads the value at each start
      ['*' + 'a'.repeat(99) + 'b*' + 'a'.repeat(99), value],
      ['*'.repeat(5000) + 'b', value + 'c'],
    ] as const;
    const started = performance.now();
    for (const [p, v] of cases) expect(wildcardMatches(p, v)).toBe(false);
    expect(wildcardMatches('*a'.repeat(10) + '*', value)).toBe(true);
    // Each is ~10^4 steps; a backtracking matcher takes longer than the age of the universe.
    expect(performance.now() - started).toBeLessThan(250);
  });
});
