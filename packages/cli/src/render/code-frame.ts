import type { SourceText } from '@crr/core';
import type { Paint } from './colour.js';
import { safeLine } from './safe-text.js';

/** Widest line shown; longer lines are cut to a window around the column. */
const WIDTH = 120;

/** The lines around a position, with a caret under the column. */
export function codeFrame(source: SourceText, line: number, column: number, p: Paint, context = 2): string {
  const first = Math.max(1, line - context);
  const last = Math.min(source.lines.lineCount, line + context);
  const width = String(last).length;
  // One window for every line, so the lines stay aligned with each other and with the caret.
  const start = column > WIDTH - 20 ? column - 1 - (WIDTH - 40) : 0;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    // Only the line the diagnostic is on is windowed; the lines around it are shown from their
    // start, so a short neighbouring line never turns blank.
    const text = n === line ? window(source.lines.lineText(n), start) : window(source.lines.lineText(n), 0);
    const marker = n === line ? p.red('>') : ' ';
    out.push(`${marker} ${p.dim(String(n).padStart(width) + ' |')} ${text}`);
    if (n === line) {
      // Measured on the escaped text, as shown, so the caret stays under its column when an
      // escape is wider than the character it shows.
      const before = safeLine(source.lines.lineText(n).slice(start, column - 1)).replace(/[^\t]/g, ' ');
      out.push(`  ${' '.repeat(width)} ${p.dim('|')} ${start > 0 ? ' ' : ''}${before}${p.red('^')}`);
    }
  }
  return out.join('\n');
}

/** The part of a source line shown, escaped: a source line is register text like any other. */
function window(s: string, start: number): string {
  const cut = s.slice(start, start + WIDTH);
  return (start > 0 ? '…' : '') + safeLine(cut) + (s.length > start + WIDTH ? '…' : '');
}
