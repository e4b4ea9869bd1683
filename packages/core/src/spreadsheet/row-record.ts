/**
 * A row's cells into a record: read through the columns, ordered like the model, and the model's
 * zod issues traced back to the column (and so the cell) they are about.
 */
import type { z } from 'zod';
import { restoreFormula, type CellProblem, type HazardDraft } from './hazard-log-columns.js';
import type { ReadColumn } from './record-sheet-columns.js';

/** Reads a row's cells through the columns (formula neutralisation undone first), as `readHazardRow` does. */
export function readRow(columns: readonly ReadColumn[], cells: ReadonlyMap<string, string>): { draft: HazardDraft; problems: CellProblem[] } {
  const draft: HazardDraft = {};
  const problems: CellProblem[] = [];
  for (const column of columns) {
    const raw = cells.get(column.key);
    if (raw === undefined || raw === '' || !column.read) continue;
    column.read(restoreFormula(raw), draft, problems);
  }
  return { draft, problems };
}

/** The draft's fields in the order of the schema's, so the YAML reads like a hand-written register. */
export function orderedLike(draft: Record<string, unknown>, schema: z.ZodType): Record<string, unknown> {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (!shape) return draft;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(shape)) if (k in draft) out[k] = draft[k];
  for (const k of Object.keys(draft)) if (!(k in out)) out[k] = draft[k];
  return out;
}

/** Where each column's `read` puts its value in a draft, found by reading a sample text. */
export function columnPaths(columns: readonly ReadColumn[]): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  for (const column of columns) {
    if (!column.read) continue;
    const draft: Record<string, unknown> = {};
    column.read('x', draft, []);
    const path: string[] = [];
    let at: unknown = draft;
    while (at && typeof at === 'object' && !Array.isArray(at)) {
      const [key] = Object.keys(at);
      if (key === undefined) break;
      path.push(key);
      at = (at as Record<string, unknown>)[key];
    }
    if (path.length) paths.set(column.key, path);
  }
  return paths;
}

/** The column a zod issue's path falls in: the one whose path is its longest prefix, or which shares its first key. */
export function columnOfPath(paths: ReadonlyMap<string, string[]>, issuePath: readonly PropertyKey[]): string | undefined {
  let best: string | undefined;
  let bestLength = 0;
  for (const [key, path] of paths) {
    const n = path.length;
    if (n > bestLength && n <= issuePath.length && path.every((p, i) => p === issuePath[i])) {
      best = key;
      bestLength = n;
    }
  }
  if (best !== undefined) return best;
  for (const [key, path] of paths) if (path[0] === issuePath[0]) return key;
  return undefined;
}

export function issueSentence(issue: z.core.$ZodIssue, column: ReadColumn, noun: string, id: string, present: boolean): string {
  const subject = `The ${column.header} of ${noun} \`${id}\``;
  if (!present) return `${subject} is empty, and every ${noun} needs one.`;
  if (issue.code === 'too_small') return `${subject} has no items; write at least one, one per line.`;
  if (issue.code === 'invalid_format' && (issue as { format?: string }).format === 'date') return `${subject} holds a date that is not written YYYY-MM-DD or is not a real day.`;
  if (issue.code === 'invalid_value') return `${subject} holds a value that is not one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}.`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${subject} is missing a part every ${noun} needs (${issue.path.filter((p) => typeof p === 'string').join('.')}).`;
  return `${subject} cannot be imported: ${issue.message.replace(/\.$/, '')}.`;
}

