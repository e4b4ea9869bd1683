import { diffNotices } from '../diff/diff-notices.js';
import { guards } from '../diff/guards.js';
import { loadCodes } from '../load/load-codes.js';
import { odsCodes } from '../ods/ods-codes.js';
import { parseCodes } from '../load/parse-codes.js';
import { rules } from '../rules/index.js';
import { importCodes } from '../spreadsheet/import-codes.js';
import type { CodeDefinition } from './code.js';

/**
 * Every code crr can report, each defined once beside its logic: load codes and parse codes (CRR-E001–E029),
 * validation rules (CRR-E030 on, CRR-W…), the guards of `crr diff` (CRR-G001–G004, CRR-G007,
 * CRR-G008) and its notices (CRR-G005, CRR-G006), and the codes of `crr import hazard-log`
 * (CRR-I001–I019) and of `crr import ods` (CRR-I020–I039).
 */
const definitions = [...Object.values(loadCodes), ...Object.values(parseCodes), ...rules, ...guards, ...Object.values(diffNotices), ...Object.values(odsCodes), ...Object.values(importCodes)];

/** Every permanent code, as a closed union: a code that is not in the catalogue does not type-check. */
export type DiagnosticCode = (typeof definitions)[number]['code'];

/** A catalogue entry: the definition alone, without a rule's or guard's check. */
export type CatalogueEntry = CodeDefinition<DiagnosticCode>;

/**
 * The order of the series: validation codes (E and W, numbered together), then the codes of
 * `crr diff` (G), then the codes of the importers (I). A series not listed sorts last.
 */
const seriesOrder: Readonly<Record<string, number>> = { E: 0, W: 0, G: 1, I: 2 };

/** By series (see `seriesOrder`), then by number within it. */
function codeOrder(a: CatalogueEntry, b: CatalogueEntry): number {
  const series = (c: CatalogueEntry) => seriesOrder[c.code.charAt(4)] ?? 9;
  return series(a) - series(b) || Number(a.code.slice(5)) - Number(b.code.slice(5));
}

/** A code of a register's validation: E or W. */
const isValidationCode = (c: CatalogueEntry) => /^CRR-[EW]/.test(c.code);

/** Every code crr can produce, in code order: the source of `crr rules` and the README's catalogue. */
export const catalogue: readonly CatalogueEntry[] = definitions
  .map(({ code, name, severity, title, explanation }): CatalogueEntry => Object.freeze({ code, name, severity, title, explanation }))
  .sort(codeOrder);

/** The codes `crr validate` can report (errors and warnings of a register): what its SARIF describes. */
export const validationCatalogue: readonly CatalogueEntry[] = catalogue.filter(isValidationCode);

/** The codes only `crr diff` reports: its guards and notices. */
export const diffCatalogue: readonly CatalogueEntry[] = catalogue.filter((c) => c.code.startsWith('CRR-G'));

/** The codes of the importers (`crr import …`): each names the sheet and cell it is about. */
export const importCatalogue: readonly CatalogueEntry[] = catalogue.filter((c) => c.code.startsWith('CRR-I'));
