/**
 * Analysis text written for the terminal names records by id in backticks (`document-workflow`,
 * `org-carrier-b`). For the report, each id the register names becomes its name, so a reviewer
 * reads "Document management" rather than a red monospace id. Where the text already gives the
 * name with the id after it ("Kestrel Data Communications Ltd (`org-carrier-b`)") it is kept:
 * name first, id second. Anything else in backticks (a value, `anyOf(…)`) stays as it is.
 */
import type { NameOf } from './selector-phrase.js';

export function namesFirst(text: string, nameOf: NameOf): string {
  return text.replace(/`([^`\n]+)`/g, (whole, id: string, offset: number) => {
    const name = nameOf(id);
    if (name === undefined) return whole;
    if (text.slice(0, offset).endsWith(`${name} (`)) return whole;
    return name;
  });
}
