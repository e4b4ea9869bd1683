/**
 * Register text made safe for a terminal (and a CI log, and a pull-request comment).
 *
 * A register arrives in a pull request from anyone. Printed raw, its strings could drive the
 * reader's terminal: `ESC ] 52` writes the clipboard, `ESC [ 8 m` hides text, `CR` overwrites a
 * line, a bidi override (U+202E) shows text in an order other than the one it is read in. Every
 * such character becomes a visible escape (`\x1b`, `\r`, `\u202e`): never dropped, so nothing is
 * lost and the reader sees that the register holds something odd.
 *
 * Escaped: C0 controls, DEL, C1 controls (U+0080 to U+009F: 8-bit terminals read U+009B as CSI),
 * the bidi embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069), the marks
 * U+200E, U+200F and U+061C, and the line and paragraph separators U+2028 and U+2029. Tab is
 * kept (it moves the cursor, harmlessly); a line break is kept only where the caller means one.
 *
 * Characters from U+007F up are written `\uXXXX`, which is also a JSON escape: text escaped here
 * stays valid JSON and parses back to the original string (see `jsonText`).
 */

/** Every character escaped, line breaks included. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
/** The same, but a line feed is kept: for text whose line breaks are meant. */
const UNSAFE_KEEP_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** One line of register text (a title, a name, a message): nothing in it can move the cursor to another line. */
export function safeLine(s: string): string {
  return s.replace(UNSAFE, visible);
}

/** Text whose line breaks are meant (a block of lines crr composed); everything else as `safeLine`. */
export function safeText(s: string): string {
  return s.replace(UNSAFE_KEEP_LF, visible);
}

/**
 * A value as JSON for output. `JSON.stringify` already escapes C0 controls, but writes DEL, C1
 * controls and bidi characters raw, and a terminal shown the JSON would act on them; they are
 * written as `\uXXXX` escapes, so the JSON parses back to exactly the same strings.
 */
export function jsonText(value: unknown): string {
  // The line feed is added before escaping (safeText keeps it): escaping after would leave a
  // concatenation that the output guard must copy again, ~50 MB for a national analysis.
  return safeText(JSON.stringify(value, null, 2) + '\n');
}

/**
 * crr's own styles (render/colour.ts), the only escape sequences crr itself writes, or one
 * character `safeText` escapes.
 */
const GUARDED = /\u001b\[(?:1|2|22|31|33|36|39)m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * The last line of defence, for an output stream: whatever a command writes, control characters
 * reach the terminal only as crr's own colours, line feeds and tabs, and a carriage return at the
 * very start of a write (how progress rewrites its line on a terminal). Renderers escape register
 * text themselves (`safeLine`), so this only catches text a renderer forgot; it escapes as
 * `safeText` does, so JSON written through it stays valid and parses to the same strings.
 */
export function guardOutput(s: string): string {
  return s.replace(GUARDED, (m: string, offset: number) => (m.length > 1 || (m === '\r' && offset === 0) ? m : visible(m)));
}

/** An output stream whose writes pass through `guardOutput`. */
export function guardedStream(stream: { write(s: string): unknown; isTTY?: boolean }): { write(s: string): unknown; isTTY?: boolean } {
  return {
    write: (s: string) => stream.write(guardOutput(String(s))),
    get isTTY() {
      return stream.isTTY;
    },
  };
}
