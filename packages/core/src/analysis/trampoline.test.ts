import { describe, expect, it } from 'vitest';
import { trampoline } from './trampoline.js';

describe('trampoline', () => {
  it('runs a recursion far deeper than the call stack allows, with memoised sub-problems', () => {
    // The length of the chain n → n-1 → … → 0, written as plain recursion would be.
    const memo = new Map<number, number>([[0, 0]]);
    function* length(n: number): Generator<number, number, number> {
      const rest = yield n - 1;
      memo.set(n, rest + 1);
      return rest + 1;
    }
    expect(trampoline(200_000, (n) => memo.get(n), length)).toBe(200_000);
    expect(memo.size).toBe(200_001);
  });

  it('evaluates in the order and with the short cuts of plain recursion', () => {
    const visited: string[] = [];
    const tree: Record<string, string[]> = { a: ['b', 'c', 'd'], b: [], c: ['e'], d: [], e: [] };
    // "Some child is a leaf named c or e": stops at the first that holds, as `some` would.
    function* holds(node: string): Generator<string, boolean, boolean> {
      visited.push(node);
      if (node === 'e') return true;
      for (const child of tree[node]!) if (yield child) return true;
      return false;
    }
    expect(trampoline('a', () => undefined, holds)).toBe(true);
    expect(visited).toEqual(['a', 'b', 'c', 'e']);
  });
});
