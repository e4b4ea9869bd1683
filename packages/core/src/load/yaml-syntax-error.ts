import type yaml from 'js-yaml';
import type { DiagnosticDefinition } from '../diagnostics/make-diagnostic.js';
import type { SourceText } from '../source/source-text.js';
import { loadCodes } from './load-codes.js';
import { unclosedQuoteBefore } from './unclosed-quote.js';

export interface SyntaxProblem {
  def: DiagnosticDefinition;
  offset?: number;
  message: string;
  hint: string;
}

/** Characters YAML does not allow anywhere in a stream (js-yaml's own list). */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/g;

/**
 * A js-yaml exception as a problem placed where the mistake is. js-yaml's own line and column
 * are not always right (for a NUL byte it counts the whole file as line 1), so the position is
 * taken from its offset, and for some errors found in the text.
 */
export function yamlSyntaxProblem(error: yaml.YAMLException, source: SourceText): SyntaxProblem {
  const reason = error.reason ?? String(error.message);
  const text = source.text;
  const offset = error.mark?.position;
  if (/null byte|non-printable|valid JSON character/.test(reason)) {
    const at = nonPrintableBefore(text, offset ?? text.length);
    if (at !== undefined) {
      const code = text.codePointAt(at)!;
      const name = code === 0 ? 'a NUL byte (U+0000)' : `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      return {
        def: loadCodes.yamlSyntax,
        offset: at,
        message: `The file holds ${name} here; YAML, and so a register file, is text and cannot contain it.`,
        hint: 'Remove the character. A file full of them is not text: perhaps a binary file, or text saved as UTF-16.',
      };
    }
  }
  if (/duplicated mapping key/.test(reason)) {
    return { def: loadCodes.duplicateKey, offset, message: 'This key appears twice in the same mapping; YAML would keep only one of the values.', hint: 'Remove one of the two, or merge them.' };
  }
  if (/single document/.test(reason)) {
    return {
      def: loadCodes.yamlSyntax,
      offset: secondDocumentStart(text),
      message: 'A second YAML document starts here (`---`); a register file holds one document.',
      hint: 'Remove the `---` line, or move what follows into a file of its own.',
    };
  }
  const quote = offset === undefined ? undefined : unclosedQuoteBefore(text, offset);
  if (quote) {
    const mark = text[quote.open] === '"' ? '"' : "'";
    const where = offset! >= text.length - 1 ? 'the end of the file' : `line ${source.position(offset!).line}`;
    return {
      def: loadCodes.yamlSyntax,
      offset: quote.open,
      message: `The quoted text that starts here is not closed on its line, so YAML read on to ${where} and stopped there: ${reason}.`,
      hint: `Close the quote with \`${mark}\` at the end of the text on this line.`,
    };
  }
  return { def: loadCodes.yamlSyntax, offset, message: `The YAML could not be parsed: ${reason}.`, hint: 'Check indentation, quotes and colons at this position.' };
}

/** The last character YAML does not allow at or before `offset` (the parser reports the end of the scalar holding it). */
function nonPrintableBefore(text: string, offset: number): number | undefined {
  const nul = text.indexOf('\0');
  if (nul >= 0 && nul <= offset) return nul;
  let found: number | undefined;
  NON_PRINTABLE.lastIndex = 0;
  for (let m = NON_PRINTABLE.exec(text); m && m.index <= offset; m = NON_PRINTABLE.exec(text)) {
    // The pattern for a lone low surrogate starts one character early.
    found = m[0].length === 2 && /[\uDC00-\uDFFF]/.test(m[0][1]!) && !/[\uD800-\uDBFF]/.test(m[0][0]!) ? m.index + 1 : m.index;
  }
  return found ?? (nul >= 0 ? nul : undefined);
}

/**
 * Where the second document starts: the second `---` marker, or the first when content comes
 * before it. A marker is `---` at the start of a line, followed by a space or the line's end; it
 * ends a block scalar too, so no scalar can hold one.
 */
function secondDocumentStart(text: string): number | undefined {
  let content = false;
  let markers = 0;
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    if (/^(---|\.\.\.)([ \t\r].*)?$/.test(line)) {
      if (line.startsWith('---') && (markers++ > 0 || content)) return start;
      if (line.startsWith('...')) content = true; // after an end marker, the next document begins
    } else if (!/^\s*(#.*)?$/.test(line) && !line.startsWith('%')) content = true;
    start = end + 1;
  }
  return undefined;
}
