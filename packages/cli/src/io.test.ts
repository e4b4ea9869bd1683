import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { processOutput } from './io.js';

/** A stream that records each write it is given, and can fail like a closed pipe after some writes. */
function fakeStream(failAfter = Infinity) {
  const writes: string[] = [];
  const stream = Object.assign(new EventEmitter(), {
    write(s: string) {
      if (writes.length >= failAfter) throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      writes.push(s);
      return true;
    },
  });
  return { stream: stream as unknown as NodeJS.WritableStream, writes };
}

describe('processOutput', () => {
  it('passes a short write through as one write', () => {
    const { stream, writes } = fakeStream();
    processOutput(stream).write('{"a": 1}\n');
    expect(writes).toEqual(['{"a": 1}\n']);
  });

  it('writes a long string in pieces that join to exactly the same text', () => {
    const { stream, writes } = fakeStream();
    const text = 'x'.repeat(200_000) + '\n';
    processOutput(stream).write(text);
    expect(writes.length).toBeGreaterThan(1);
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThanOrEqual(1 << 16);
    expect(writes.join('')).toBe(text);
  });

  it('never splits a surrogate pair between pieces, wherever it falls', () => {
    for (const at of [(1 << 16) - 2, (1 << 16) - 1, 1 << 16]) {
      const { stream, writes } = fakeStream();
      const text = 'a'.repeat(at) + '👩‍⚕️' + 'b'.repeat(70_000);
      processOutput(stream).write(text);
      expect(writes.join('')).toBe(text);
      // Each piece is well-formed UTF-16 on its own: what the stream encodes is what was meant.
      for (const w of writes) expect(Buffer.from(w, 'utf8').toString('utf8')).toBe(w);
    }
  });

  it('stops writing pieces once the reader has gone, quietly', () => {
    const { stream, writes } = fakeStream(2);
    const out = processOutput(stream);
    expect(out.write('y'.repeat(500_000))).toBe(false);
    expect(writes.length).toBe(2);
    expect(out.failure()).toBeUndefined();
    expect(out.write('more')).toBe(false);
    expect(writes.length).toBe(2);
  });
});
