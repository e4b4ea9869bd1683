import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collect-garbage.js';

describe('collectGarbage', () => {
  it('collects, and leaves `gc` exposed nowhere else: not on this context, not on contexts made later', () => {
    const hadGc = typeof (globalThis as { gc?: unknown }).gc;
    collectGarbage();
    collectGarbage(); // the second call reuses the collector
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe(hadGc);
    // Unless the process itself runs with --expose-gc, a context made now has no `gc`.
    if (!process.execArgv.includes('--expose-gc')) expect(runInNewContext('typeof gc')).toBe('undefined');
  });

  it('frees what is no longer referenced', async () => {
    let big: number[][] | null = Array.from({ length: 200 }, () => new Array(10_000).fill(1));
    const ref = new WeakRef(big);
    big = null;
    // A WeakRef holds its target until the end of the job that made it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
