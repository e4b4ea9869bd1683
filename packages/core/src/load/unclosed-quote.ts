/**
 * A quote that is opened and not closed on its line makes YAML read on, through the lines that
 * follow, to the next quote of the same kind, and fail there, or at the end of the file: far
 * from the mistake. Given where the parser failed, this finds the quoted text that ran on to
 * there, so the diagnostic can point at the quote that opens it.
 *
 * A small scanner, not a YAML parser: it knows comments, block scalars (`|`, `>`), and where a
 * quoted scalar can begin (at the start of a node: after indentation, `- `, `: `, `[`, `{`, `,`),
 * so an apostrophe inside plain text (`St Luke's`) is not taken for a quote.
 */
export function unclosedQuoteBefore(text: string, errorOffset: number): { open: number; close?: number } | undefined {
  let last: { open: number; close?: number; multiline: boolean } | undefined;
  let i = 0;
  let lineStart = 0;
  let atNodeStart = true;
  let blockIndent = -1; // inside a block scalar: the indentation of the line that opened it
  while (i < errorOffset && i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      i++;
      lineStart = i;
      atNodeStart = true;
      if (blockIndent >= 0) {
        // Skip the block scalar's lines: blank, or indented more than the line that opened it.
        for (;;) {
          let j = i;
          while (text[j] === ' ') j++;
          const blank = text[j] === '\n' || (text[j] === '\r' && text[j + 1] === '\n');
          if (j >= text.length || (!blank && j - i <= blockIndent)) break;
          const nl = text.indexOf('\n', j);
          if (nl < 0 || nl >= errorOffset) return lastIfRunOn(last, text, errorOffset);
          i = nl + 1;
          lineStart = i;
        }
        blockIndent = -1;
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' && (i === lineStart || /[ \t]/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    if ((c === '"' || c === "'") && atNodeStart) {
      const open = i;
      let j = i + 1;
      let multiline = false;
      for (; j < text.length; j++) {
        const d = text[j]!;
        if (d === '\n') multiline = true;
        else if (c === '"' && d === '\\') j++;
        else if (d === c) {
          if (c === "'" && text[j + 1] === "'") j++;
          else break;
        }
      }
      last = { open, ...(j < text.length ? { close: j } : {}), multiline };
      if (j >= errorOffset || j >= text.length) return lastIfRunOn(last, text, errorOffset);
      i = j + 1;
      atNodeStart = false;
      continue;
    }
    if ((c === '|' || c === '>') && atNodeStart) {
      let indent = 0;
      while (text[lineStart + indent] === ' ') indent++;
      blockIndent = indent;
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    if (c === '-' || c === '?' || c === ':') {
      // An indicator followed by a space opens a node; otherwise it is part of plain text.
      const next = text[i + 1];
      atNodeStart = next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
      i++;
      continue;
    }
    if (c === '[' || c === '{' || c === ',') {
      atNodeStart = true;
      i++;
      continue;
    }
    if ((c === '&' || c === '!') && atNodeStart) {
      // An anchor or tag: the node starts after it.
      while (i < text.length && !/[ \t\r\n]/.test(text[i]!)) i++;
      continue;
    }
    atNodeStart = false;
    i++;
  }
  return lastIfRunOn(last, text, errorOffset);
}

/**
 * The last quoted text, if it is the culprit: it spans lines, and the parser failed inside it,
 * on the line where it closed, or on the next line with content.
 */
function lastIfRunOn(last: { open: number; close?: number; multiline: boolean } | undefined, text: string, errorOffset: number) {
  if (!last || !last.multiline) return undefined;
  if (last.close === undefined || last.close >= errorOffset) return { open: last.open, ...(last.close !== undefined ? { close: last.close } : {}) };
  const closeLineEnd = text.indexOf('\n', last.close);
  if (closeLineEnd < 0 || errorOffset <= closeLineEnd) return { open: last.open, close: last.close };
  // The next line with content after the closing line.
  let j = closeLineEnd + 1;
  while (j < text.length && /[ \t\r\n]/.test(text[j]!)) j++;
  const nextEnd = text.indexOf('\n', j);
  return errorOffset <= (nextEnd < 0 ? text.length : nextEnd) ? { open: last.open, close: last.close } : undefined;
}
