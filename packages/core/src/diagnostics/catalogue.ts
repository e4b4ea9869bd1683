import { diffNotices } from '../diff/diff-notices.js';
import { guards } from '../diff/guards.js';
import { loadCodes } from '../load/load-codes.js';
import { odsCodes } from '../ods/ods-codes.js';
import { parseCodes } from '../load/parse-codes.js';
import { rules } from '../rules/index.js';
import type { CodeDefinition } from './code.js';

/**
 * Every code crr can report, each defined once beside its logic: load codes and parse codes (CRR-E001–E029),
 * validation rules (CRR-E030 on, CRR-W…), the guards of `crr diff` (CRR-G001–G004, CRR-G007,
 * CRR-G008) and its notices (CRR-G005, CRR-G006).
 */
const definitions = [...Object.values(loadCodes), ...Object.values(parseCodes), ...rules, ...guards, ...Object.values(diffNotices), ...Object.values(odsCodes)];

/** Every permanent code, as a closed union: a code that is not in the catalogue does not type-check. */
export type DiagnosticCode = (typeof definitions)[number]['code'];

/** A catalogue entry: the definition alone, without a rule's or guard's check. */
export type CatalogueEntry = CodeDefinition<DiagnosticCode>;

/** Validation codes (E, W) by number, then the codes of `crr diff` (G) by number. */
function codeOrder(a: CatalogueEntry, b: CatalogueEntry): number {
  const series = (c: CatalogueEntry) => (c.code.startsWith('CRR-G') ? 1 : 0);
  return series(a) - series(b) || Number(a.code.slice(5)) - Number(b.code.slice(5));
}

/** Every code crr can produce, in code order: the source of `crr rules` and the README's catalogue. */
export const catalogue: readonly CatalogueEntry[] = definitions
  .map(({ code, name, severity, title, explanation }): CatalogueEntry => Object.freeze({ code, name, severity, title, explanation }))
  .sort(codeOrder);

/** The codes `crr validate` can report (errors and warnings of a register): what its SARIF describes. */
export const validationCatalogue: readonly CatalogueEntry[] = catalogue.filter((c) => /^CRR-[EW]/.test(c.code));

/** The codes only `crr diff` reports: its guards and notices. */
export const diffCatalogue: readonly CatalogueEntry[] = catalogue.filter((c) => c.code.startsWith('CRR-G'));
