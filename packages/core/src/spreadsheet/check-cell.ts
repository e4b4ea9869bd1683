import { isIsoDate } from '../dates.js';
import { didYouMeanSentence } from '../diagnostics/did-you-mean.js';
import type { DiagnosticDefinition } from '../diagnostics/make-diagnostic.js';
import { controlKinds, controlStatuses } from '../model/control.js';
import { idPattern } from '../model/field.js';
import { hazardStatuses } from '../model/hazard.js';
import type { RiskScheme } from '../risk/scheme.js';
import type { CellWorkbook, GridCell } from './cell-grid.js';
import { restoreFormula } from './hazard-log-columns.js';
import { importCodes } from './import-codes.js';
import type { ReadColumn } from './record-sheet-columns.js';

/** The longest cell imported, and the most lines in a list cell. */
export const MAX_CELL_CHARS = 10_000;
export const MAX_CELL_LINES = 1_000;

const levelWord = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
const enumWord = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '-');

/**
 * One cell's text as the column reads it, after the checks every cell gets; `undefined` when a
 * check refused it (reported through `report`).
 */
export function checkedCell(cell: GridCell, column: ReadColumn, format: CellWorkbook['format'], scheme: RiskScheme, report: (def: DiagnosticDefinition, message: string, hint?: string) => void): string | undefined {
  let text = cell.text;
  if (text.length > MAX_CELL_CHARS) {
    report(importCodes.cellTooLarge, `The ${column.header} cell holds ${text.length.toLocaleString('en-GB')} characters; a cell may hold at most ${MAX_CELL_CHARS.toLocaleString('en-GB')}.`, 'Shorten it: a hazard log cell needs a few sentences at most.');
    return undefined;
  }
  if (column.list && text.split('\n').length > MAX_CELL_LINES) {
    report(importCodes.cellTooLarge, `The ${column.header} cell has ${text.split('\n').length.toLocaleString('en-GB')} lines; a list cell may have at most ${MAX_CELL_LINES.toLocaleString('en-GB')} items.`);
    return undefined;
  }
  if (cell.kind === 'error') {
    report(importCodes.invalidValue, `The ${column.header} cell holds the spreadsheet error \`${text}\`, not a value.`, 'Correct the formula or the value that gave the error.');
    return undefined;
  }
  if (cell.formula !== undefined && !column.derived)
    report(importCodes.formulaCell, `The ${column.header} cell holds the formula \`=${cell.formula.slice(0, 60)}\`; crr imported its last computed value${text ? ` \`${text.slice(0, 60)}\`` : ', which is empty'}.`, 'Replace the formula with its value (copy, paste values) so the log says what it means without a spreadsheet program.');
  else if (format === 'csv' && text.startsWith('=') && !column.derived)
    report(importCodes.formulaCell, `The ${column.header} cell starts with \`=\`, as a formula does; crr imported it as the text written.`, 'A spreadsheet program opening this file would run it as a formula: write it with a leading apostrophe (`\'=…`), as crr export does.');
  if (column.derived) return text;
  const intent = column.intent;
  if (intent === 'id') return text.trim();
  if (intent === 'org-ref') {
    // `Name (id)`, as crr export writes it, or the id alone.
    const t = /\(([^()\s]+)\)$/.exec(text.trim())?.[1] ?? text.trim();
    if (t && !idPattern.test(t)) {
      report(importCodes.valueLeftOut, `\`${t.slice(0, 60)}\` in ${column.header} is not an organisation id (such as \`org-icb\`), so the record is imported without it.`, 'Add `organisation:` with the organisation\'s id to the imported record by hand.');
      return '';
    }
    return t;
  }
  if (intent === 'date') {
    if (cell.kind === 'date') return text;
    const t = restoreFormula(text.trim());
    if (!isIsoDate(t)) {
      report(importCodes.badDate, `\`${t.slice(0, 40)}\` in ${column.header} is not a date written YYYY-MM-DD.`, cell.kind === 'number' ? 'The cell holds a number: format it as a date in the spreadsheet program.' : 'Format the cell as a date, or write the date as YYYY-MM-DD (2026-04-07): a date such as 07/04/2026 means different days in different countries.');
      return undefined;
    }
    return t;
  }
  if (intent === 'severity' || intent === 'likelihood') {
    const levels = (intent === 'severity' ? scheme.severities : scheme.likelihoods).map((l) => l.level);
    const word = levelWord(restoreFormula(text));
    if (!word) return '';
    if (!levels.includes(word)) {
      report(importCodes.unknownLevel, `\`${text.trim().slice(0, 40)}\` in ${column.header} is not a ${intent} of the risk scheme.${didYouMeanSentence(word, levels)}`, `The scheme's ${intent === 'severity' ? 'severities' : 'likelihoods'} are: ${levels.map((l) => `\`${l}\``).join(', ')}.`);
      return undefined;
    }
    return word;
  }
  const choices = intent === 'hazard-status' ? hazardStatuses : intent === 'control-kind' ? controlKinds : intent === 'control-status' ? controlStatuses : undefined;
  if (choices) {
    const word = enumWord(restoreFormula(text));
    if (!word) return '';
    if (!(choices as readonly string[]).includes(word)) {
      report(importCodes.unknownWord, `\`${text.trim().slice(0, 40)}\` in ${column.header} is not a ${intent === 'hazard-status' ? 'hazard status' : intent === 'control-kind' ? 'kind of control' : 'control status'} crr knows.${didYouMeanSentence(word, choices)}`, `Write one of: ${choices.map((c) => `\`${c}\``).join(', ')}.`);
      return undefined;
    }
    return word;
  }
  return text.trim() === '' ? '' : text;
}

