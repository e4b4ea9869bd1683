import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeJson, writeJsonFile } from './json-file.js';

const dir = mkdtempSync(join(tmpdir(), 'crr-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (value: unknown, pretty = true) => {
  const parts: string[] = [];
  return writeJson(value, '', (s) => parts.push(s), pretty) ? parts.join('') : undefined;
};

describe('writeJson', () => {
  const cases: [string, unknown][] = [
    ['primitives', [null, true, false, 0, -0, 1.5, -2e-7, 1e21, NaN, Infinity, 'a"b\\c\n\u2028\u{1F600}', '']],
    ['empty containers', { a: [], b: {}, c: [[], [{}]] }],
    ['holes and no-JSON values', { u: undefined, f: () => 1, s: Symbol('x'), arr: [undefined, () => 1, Symbol('y'), 1] }],
    ['toJSON and boxed values', { d: new Date(Date.UTC(2026, 10, 21)), n: new Number(3), str: new String('x'), b: new Boolean(false), t: { toJSON: (k: string) => `key:${k}` } }],
    ['nesting', { meta: { id: 'x', list: [{ a: 1, b: [1, 2, { c: 'd' }] }] }, 'weird key "\n': 1 }],
  ];
  it.each(cases)('gives exactly JSON.stringify(v, null, 2) for %s', (_name, value) => {
    expect(text(value)).toBe(JSON.stringify(value, null, 2));
  });
  it.each(cases)('not pretty, gives exactly JSON.stringify(v) for %s', (_name, value) => {
    expect(text(value, false)).toBe(JSON.stringify(value));
  });

  it('has no form for undefined, functions and symbols at the top, as JSON.stringify', () => {
    expect(text(undefined)).toBeUndefined();
    expect(text(() => 1)).toBeUndefined();
  });

  it('walks a value further down when its text would pass the string limit, with the same bytes', () => {
    // JSON.stringify meets V8's string limit as a RangeError; one is raised here, on the first
    // attempt at the inner object only, as a value too large to be one string would.
    let attempts = 0;
    const inner = { b: [1, { c: 'x' }], d: 'e' };
    const big = {
      a: {
        toJSON() {
          attempts++;
          if (attempts === 1) throw new RangeError('Invalid string length');
          return inner;
        },
      },
    };
    expect(text({ top: big }, false)).toBe(JSON.stringify({ top: { a: inner } }));
    expect(attempts).toBeGreaterThan(1);
    attempts = 0;
    expect(text({ top: big }, true)).toBe(JSON.stringify({ top: { a: inner } }, null, 2));
  });

  it('refuses cycles and BigInt, as JSON.stringify does', () => {
    const a: Record<string, unknown> = {};
    a['self'] = a;
    expect(() => text(a)).toThrow(/circular/);
    expect(() => text({ n: 1n })).toThrow(/BigInt/);
  });
});

describe('writeJsonFile', () => {
  const big = { rows: Array.from({ length: 30_000 }, (_, i) => ({ id: `row-${i}`, name: `Rôw ${i} ✓`, values: [i, i / 3, null] })) };
  it('writes compact JSON with a final newline, in chunks, and returns its byte length', () => {
    const file = join(dir, 'big.json');
    const bytes = writeJsonFile(file, big);
    const expected = JSON.stringify(big) + '\n';
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(bytes).toBe(Buffer.byteLength(expected));
  });
  it('writes pretty JSON when asked', () => {
    const file = join(dir, 'pretty.json');
    const bytes = writeJsonFile(file, big, { pretty: true });
    const expected = JSON.stringify(big, null, 2) + '\n';
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(bytes).toBe(Buffer.byteLength(expected));
  });
});
