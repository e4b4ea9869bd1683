import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index.js';

describe('LineIndex', () => {
  it('ends lines where YAML does: LF, CRLF and a lone CR alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['register:', '  id: x', '  title: "unclosed'].join(eol);
      const index = new LineIndex(text);
      expect(index.lineCount).toBe(3);
      expect(index.position(text.indexOf('title'))).toEqual({ line: 3, column: 3 });
      expect([1, 2, 3].map((l) => index.lineText(l))).toEqual(['register:', '  id: x', '  title: "unclosed']);
    }
  });

  it('counts CRLF as one line break, not two', () => {
    const index = new LineIndex('a\r\n\r\nb');
    expect(index.lineCount).toBe(3);
    expect(index.position(5)).toEqual({ line: 3, column: 1 });
  });
});
