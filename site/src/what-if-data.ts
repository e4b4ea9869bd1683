/**
 * The what-if page's data: the register's compact graph (core's `compactGraph`) as a classic
 * script beside the page, `what-if/data.js`, that sets `crrWhatIfData`. A classic script, not
 * JSON through fetch(): fetch fails over file://. JSON is a JavaScript expression (since ES2019
 * even with U+2028 in a string), so the script is the JSON assigned; nothing in it runs.
 */
import type { CompactGraph } from '@crr/core';

export const WHAT_IF_DATA = 'data.js';

export function whatIfDataScript(data: CompactGraph): string {
  return `window.crrWhatIfData=${JSON.stringify(data)};\n`;
}
