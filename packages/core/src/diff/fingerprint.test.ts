import { describe, expect, it } from 'vitest';
import { canonical } from './fingerprint.js';

describe('canonical', () => {
  it('sorts keys at every level, keeps array order, and leaves out `source` and undefined values', () => {
    const value = { b: 1, a: { d: [3, { z: 1, y: undefined, source: { file: 'x.yaml', line: 2 } }], c: 'two' }, source: { line: 9 } };
    expect(canonical(value)).toBe('{"a":{"c":"two","d":[3,{"z":1}]},"b":1}');
  });

  it('gives equal text for equal values written in another key order', () => {
    expect(canonical({ x: { p: 1, q: [1, 2] }, y: null })).toBe(canonical({ y: null, x: { q: [1, 2], p: 1 } }));
    expect(canonical({ q: [1, 2] })).not.toBe(canonical({ q: [2, 1] }));
  });

  it('writes undefined as null, as the recursive writer it replaced did, in arrays and at the top', () => {
    expect(canonical(undefined)).toBe('null');
    expect(canonical([undefined, 'a'])).toBe('[null,"a"]');
  });
});
