import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paint } from './colour.js';
import { guardedStream, guardOutput, jsonText, safeLine, safeText } from './safe-text.js';

/** Everything a terminal acts on, except line feed and tab. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe('safeLine', () => {
  it('shows each class as a visible escape', () => {
    expect(safeLine('a\u001b]52;c;ZXZpbA==\u0007b')).toBe(String.raw`a\x1b]52;c;ZXZpbA==\x07b`);
    expect(safeLine('\u001b[8mhidden')).toBe(String.raw`\x1b[8mhidden`);
    expect(safeLine('one\rtwo\nthree')).toBe(String.raw`one\rtwo\nthree`);
    expect(safeLine('\u0000\u007f\u0085\u009b')).toBe(String.raw`\x00\u007f\u0085\u009b`);
    expect(safeLine('\u202a\u202e\u2066\u2069\u200e\u200f\u061c\u2028\u2029')).toBe(String.raw`\u202a\u202e\u2066\u2069\u200e\u200f\u061c\u2028\u2029`);
  });

  it('leaves ordinary text alone: tabs, accents, other scripts, emoji with joiners, backslashes', () => {
    const ordinary = 'Zoë’s Café\tعربي עברית 日本 👩‍⚕️ C:\\path \\x1b';
    expect(safeLine(ordinary)).toBe(ordinary);
  });

  it('never leaves a raw control character, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(safeLine(s)).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
});

describe('safeText', () => {
  it('keeps line feeds, escapes the rest as safeLine does', () => {
    expect(safeText('a\nb\r\u001b')).toBe(String.raw`a` + '\n' + String.raw`b\r\x1b`);
  });
});

describe('jsonText', () => {
  it('parses back to exactly the original value, with nothing raw, for any strings', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (value) => {
        const text = jsonText(value);
        expect(text).not.toMatch(RAW);
        expect(JSON.parse(text)).toEqual(value);
      }),
    );
  });

  it('escapes what JSON.stringify writes raw: DEL, C1 and bidi characters', () => {
    expect(JSON.stringify('\u009b\u202e')).toMatch(RAW);
    expect(jsonText('\u009b\u202e')).toBe('"\\u009b\\u202e"\n');
  });
});

describe('guardOutput', () => {
  it("keeps crr's own colours and a carriage return that starts a write (progress), escapes the rest", () => {
    const p = paint(true);
    const own = `${p.bold('b')} ${p.red('r')} ${p.yellow('y')} ${p.cyan('c')} ${p.dim('d')}`;
    expect(guardOutput(own)).toBe(own);
    expect(guardOutput('\rBuilding the site: 3 of 9 pages')).toBe('\rBuilding the site: 3 of 9 pages');
    expect(guardOutput('a\rb')).toBe(String.raw`a\rb`);
    expect(guardOutput('\u001b[8mhidden\u001b[0m \u001b]52;c;eA==\u0007')).toBe(String.raw`\x1b[8mhidden\x1b[0m \x1b]52;c;eA==\x07`);
    expect(guardOutput('line\n\tindented\n')).toBe('line\n\tindented\n');
  });

  it('keeps JSON valid and equal when it catches something', () => {
    const value = { title: 'a\u0085\u202eb', list: ['\u007f'] };
    expect(JSON.parse(guardOutput(JSON.stringify(value)))).toEqual(value);
  });

  it('guards a stream and keeps what it says of being a terminal', () => {
    let written = '';
    const stream = guardedStream({ write: (s: string) => (written += s), isTTY: true });
    stream.write('x\u001b[2Jy');
    expect(written).toBe(String.raw`x\x1b[2Jy`);
    expect(stream.isTTY).toBe(true);
  });
});
