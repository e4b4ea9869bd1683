import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanSentence } from '../diagnostics/did-you-mean.js';
import { makeDiagnostic } from '../diagnostics/make-diagnostic.js';
import { headerIndex, matchHeader, type KnownColumn } from './header-match.js';
import { importCodes } from './import-codes.js';

/** The sheets a hazard log has that the importer reads, in the order it reads them. */
export const importSheets = ['hazards', 'controls', 'acceptances'] as const;
export type ImportSheet = (typeof importSheets)[number];

/** The largest mapping file read: a mapping is a few dozen lines. */
export const MAX_MAPPING_BYTES = 64 * 1024;

const text = (what: string) => z.string().trim().min(1, `${what} cannot be empty`).max(200, `${what} is longer than 200 characters`);

export const SheetMapping = z
  .strictObject({
    sheet: text('A sheet name').optional().meta({ description: 'The sheet that holds these rows (XLSX only; CSV files are named by the file).', examples: ['Risk log'] }),
    headerRow: z.number().int().min(1).max(1000).optional().meta({ description: 'The 1-based row of column headers; found in the first 20 rows when absent.', examples: [3] }),
    columns: z
      .record(text('A header'), text('A crr column'))
      .optional()
      .meta({ description: "The sheet's own headers, each mapped to the crr column it holds (the hazard-log template's header).", examples: [{ 'Risk No.': 'Hazard ID' }] }),
    ignore: z.array(text('A header')).max(200).optional().meta({ description: 'Headers of columns to leave out without a warning.', examples: [['RAG', 'Comments']] }),
  })
  .meta({ description: 'Where one sheet of the hazard log is, and what its headers mean.' });
export type SheetMapping = z.infer<typeof SheetMapping>;

export const MappingFile = z
  .strictObject({
    hazards: SheetMapping.optional(),
    controls: SheetMapping.optional(),
    acceptances: SheetMapping.optional(),
  })
  .meta({ description: 'How to read a hazard log laid out differently from the NHS template crr exports.' });
export type MappingFile = z.infer<typeof MappingFile>;

export interface ParsedMapping {
  mapping?: MappingFile;
  diagnostics: Diagnostic[];
}

/**
 * Read a mapping file: YAML, checked by its zod schema, every column it maps to checked against
 * the columns crr knows for that sheet. Every problem is a CRR-I017 at its line and column;
 * with any, there is no mapping.
 */
export function parseMappingFile(source: string, file: string, known: Readonly<Record<ImportSheet, readonly KnownColumn[]>>): ParsedMapping {
  const lines = new LineCounter();
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problem = (offset: number | undefined, message: string, hint?: string) =>
    makeDiagnostic(importCodes.badMapping, { file, ...at(offset), message, ...(hint ? { hint } : {}) });
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) return { diagnostics: doc.errors.map((e) => problem(e.pos[0], `The mapping file is not valid YAML: ${e.message.split('\n')[0]}`)) };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 10 });
  } catch (e) {
    return { diagnostics: [problem(0, `The mapping file could not be read: ${(e as Error).message}`)] };
  }
  const offsetOf = (path: readonly PropertyKey[], key = false): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
      if (isNode(node) && node.range) {
        if (key && n === path.length && n > 0) {
          // Point at the key of an unknown or mapped entry, not its value.
          const parent = doc.getIn(path.slice(0, n - 1) as (string | number)[], true) as { items?: { key: { value?: unknown; range?: number[] } }[] };
          const pair = parent?.items?.find((i) => i.key?.value === path[n - 1]);
          if (pair?.key?.range) return pair.key.range[0];
        }
        return node.range[0];
      }
    }
    return undefined;
  };
  if (value === null || value === undefined) return { diagnostics: [problem(0, 'The mapping file is empty.', 'Write at least `hazards:` with the `sheet`, `headerRow` or `columns` the sheet needs.')] };
  const parsed = MappingFile.safeParse(value);
  if (!parsed.success) {
    return {
      diagnostics: parsed.error.issues.map((issue) => {
        if (issue.code === 'unrecognized_keys') {
          const key = issue.keys[0]!;
          const allowed = issue.path.length === 0 ? importSheets : Object.keys(SheetMapping.shape);
          return problem(offsetOf([...issue.path, key], true), `\`${key}\` is not a key of ${issue.path.length ? `\`${issue.path.join('.')}\`` : 'a mapping file'}.${didYouMeanSentence(key, allowed)}`, `The keys here are: ${allowed.map((k) => `\`${k}\``).join(', ')}.`);
        }
        const where = issue.path.length ? `\`${issue.path.join('.')}\`` : 'The mapping file';
        return problem(offsetOf(issue.path), `${where}: ${issue.message}.`, 'See the mapping file format in docs/spreadsheets.md.');
      }),
    };
  }
  const diagnostics: Diagnostic[] = [];
  for (const sheet of importSheets) {
    const columns = parsed.data[sheet]?.columns;
    if (!columns) continue;
    const index = headerIndex(known[sheet]);
    const names = known[sheet].map((c) => c.header);
    for (const [from, to] of Object.entries(columns)) {
      if (matchHeader(to, index) === undefined)
        diagnostics.push(problem(offsetOf([sheet, 'columns', from]), `\`${to}\` is not a column of the ${sheet} sheet.${didYouMeanSentence(to, names)}`, `The ${sheet} sheet's columns are: ${names.map((n) => `\`${n}\``).join(', ')}.`));
    }
  }
  return diagnostics.length ? { diagnostics } : { mapping: parsed.data, diagnostics };
}
