import type { SourceText } from '@crr/core';
import type { Paint } from './colour.js';

/** The lines around a position, with a caret under the column. */
export function codeFrame(source: SourceText, line: number, column: number, p: Paint, context = 2): string {
  const first = Math.max(1, line - context);
  const last = Math.min(source.lines.lineCount, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = clip(source.lines.lineText(n));
    const marker = n === line ? p.red('>') : ' ';
    out.push(`${marker} ${p.dim(String(n).padStart(width) + ' |')} ${text}`);
    if (n === line) {
      const prefix = source.lines.lineText(n).slice(0, column - 1).replace(/[^\t]/g, ' ');
      out.push(`  ${' '.repeat(width)} ${p.dim('|')} ${clip(prefix)}${p.red('^')}`);
    }
  }
  return out.join('\n');
}

/** Long lines (minified data, a 50 MB single line) are cut so the terminal stays readable. */
function clip(s: string): string {
  return s.length > 160 ? s.slice(0, 157) + '…' : s;
}
