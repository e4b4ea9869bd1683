import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import {
  countBySeverity,
  countOf,
  importCodes,
  importColumns,
  importedFiles,
  importHazardLog,
  importDiagnostic,
  MAX_MAPPING_BYTES,
  parseMappingFile,
  sheetCellText,
  type CellWorkbook,
  type Diagnostic,
  type MappingFile,
  type SheetGrid,
} from '@crr/core';
import { EXIT, UsageError, useColour, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { crrCommand } from '../command-prefix.js';
import { describeFsError } from '../fs-problem.js';
import { shownPath } from '../register-root.js';
import { paint } from '../render/colour.js';
import { jsonEnvelope } from '../render/json-envelope.js';
import { renderDiagnostic } from '../render/pretty.js';
import { jsonText, safeLine } from '../render/safe-text.js';
import { readCsv } from '../spreadsheet/read-csv.js';
import { readXlsx } from '../spreadsheet/read-xlsx.js';
import { checkZip } from '../spreadsheet/zip-guard.js';
import { resolveDir } from './common.js';

/** The largest spreadsheet file read: a national register's whole export is a few megabytes. */
export const MAX_SPREADSHEET_BYTES = 20 * 1024 * 1024;

/** The CSV files beside a hazards CSV file that are read with it, by role. */
const SIBLING_CSV = { controls: 'controls.csv', acceptances: 'acceptances.csv' } as const;

/**
 * `crr import hazard-log <file> --out <dir> [--mapping <file.yaml>]`: the IO edge of the
 * importer. It reads the file (bounded: size, zip unpacking, rows), hands the core a grid of
 * cells (`importHazardLog`), and writes the records as register files into a new or empty
 * folder, each created exclusively, only when the spreadsheet has no errors. The spreadsheet is
 * treated as hostile: nothing in it is executed, and every problem is a diagnostic at its cell.
 */
export async function importHazardLogCommand(parsed: Parsed<'import hazard-log'>, io: Io): Promise<number> {
  const { file } = parsed.args;
  const { out, mapping: mappingPath, format } = parsed.options;
  if (out === undefined) throw new UsageError('`crr import hazard-log` needs `--out <folder>`: the new folder to write the register files in.', `For example \`${crrCommand(`import hazard-log ${file} --out imported`)}\`.`);
  const outAbs = resolveDir(io, out);
  checkOut(outAbs, out);

  const diagnostics: Diagnostic[] = [];
  let mapping: MappingFile | undefined;
  if (mappingPath !== undefined) {
    const bytes = readBounded(resolveDir(io, mappingPath), mappingPath, MAX_MAPPING_BYTES);
    if ('tooLarge' in bytes) throw new UsageError(`The mapping file \`${mappingPath}\` is larger than ${MAX_MAPPING_BYTES / 1024} KB; a mapping file is a few dozen lines.`, 'Check that it is the mapping file.');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.bytes);
    } catch {
      throw new UsageError(`The mapping file \`${mappingPath}\` is not UTF-8 text.`, 'Save it as UTF-8.');
    }
    const m = parseMappingFile(text, mappingPath, importColumns);
    diagnostics.push(...m.diagnostics);
    mapping = m.mapping;
  }

  const workbook = diagnostics.length ? undefined : await readWorkbook(io, file, diagnostics);
  const result = workbook ? importHazardLog(workbook, mapping ? { mapping } : {}) : undefined;
  if (result) diagnostics.push(...result.diagnostics);
  const { errors, warnings } = countBySeverity(diagnostics);

  const written: string[] = [];
  if (result && errors === 0) {
    const files = importedFiles(result, basename(file));
    try {
      mkdirSync(outAbs, { recursive: true });
    } catch (e) {
      throw describeFsError(e, 'create the folder', out);
    }
    for (const f of files) {
      try {
        writeFileSync(join(outAbs, f.name), f.text, { flag: 'wx' });
      } catch (e) {
        throw describeFsError(e, 'write', `${out}/${f.name}`);
      }
      written.push(f.name);
    }
  }

  const counts = { hazards: result?.hazards.length ?? 0, controls: result?.controls.length ?? 0, acceptances: result?.acceptances.length ?? 0 };
  if (format === 'json') {
    io.stdout.write(
      jsonText(
        jsonEnvelope({
          file,
          out,
          summary: { errors, warnings, ...counts },
          sheets: result?.sheets ?? [],
          written,
          diagnostics: diagnostics.map((d) => ({
            code: d.code,
            severity: d.severity,
            rule: d.rule,
            file: d.file ?? null,
            cell: d.cell ? { ...d.cell, text: sheetCellText(d.cell) } : null,
            line: d.line ?? null,
            column: d.column ?? null,
            record: d.record ?? null,
            message: d.message,
            hint: d.hint ?? null,
          })),
        }),
      ),
    );
  } else {
    const p = paint(useColour(io));
    for (const d of diagnostics) io.stdout.write(renderDiagnostic(d, { displayDir: '.', paint: p }) + '\n\n');
    const tally = `${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}`;
    if (errors)
      io.stdout.write(`${p.red(`✖ ${tally}`)} in ${safeLine(file)}: nothing was written.\n`);
    else {
      const shown = shownPath(io.cwd, outAbs);
      const what = [countOf(counts.hazards, 'hazard'), countOf(counts.controls, 'control'), countOf(counts.acceptances, 'acceptance')].join(', ');
      io.stdout.write(`${warnings ? p.yellow(`⚠ ${tally}`) : `✔ ${tally}`}: imported ${what} from ${safeLine(file)} into ${safeLine(shown)}/: ${written.join(', ')}.\n`);
      io.stdout.write(`Next: put them beside the register's other files and run \`${crrCommand(`validate <register>`)}\`.\n`);
    }
  }
  return errors ? EXIT.errors : EXIT.ok;
}

/** `--out` must be new, or an empty folder; never a file, a link or a folder with anything in it. */
function checkOut(abs: string, shown: string): void {
  const existing = lstatSync(abs, { throwIfNoEntry: false });
  if (!existing) return;
  if (!existing.isDirectory())
    throw new UsageError(`\`${shown}\` already exists and is not a folder, so crr cannot import into it.`, 'Give `--out` the name of a new folder.');
  const entries = readdirSync(abs);
  if (entries.length)
    throw new UsageError(
      `\`${shown}\` is not empty (it holds ${entries.length === 1 ? `\`${entries[0]}\`` : `${entries.length} entries, such as \`${entries.sort()[0]}\``}), and \`crr import hazard-log\` never writes over or beside a folder's files.`,
      'Give `--out` the name of a new folder, then move the files it writes into the register.',
    );
}

/** A regular file's bytes, read through one descriptor (no swap between check and read), up to `max`. */
function readBounded(abs: string, shown: string, max: number): { bytes: Uint8Array } | { tooLarge: number } {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw describeFsError(e, 'read', shown);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`\`${shown}\` is not a file (it is a folder, a pipe or a device).`, 'Give the path of a spreadsheet file.');
    if (st.size > max) return { tooLarge: st.size };
    const bytes = new Uint8Array(st.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, null);
      if (n === 0) break;
      at += n;
    }
    return { bytes: bytes.subarray(0, at) };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw describeFsError(e, 'read', shown);
  } finally {
    closeSync(fd);
  }
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** The file as a grid of cells, or diagnostics saying why it cannot be one. */
async function readWorkbook(io: Io, file: string, diagnostics: Diagnostic[]): Promise<CellWorkbook | undefined> {
  const abs = resolveDir(io, file);
  const read = readBounded(abs, file, MAX_SPREADSHEET_BYTES);
  const problem = (code: typeof importCodes.notASpreadsheet | typeof importCodes.tooLarge, shown: string, message: string, hint?: string) =>
    diagnostics.push(importDiagnostic(code, { file: shown, message, ...(hint ? { hint } : {}) }));
  if ('tooLarge' in read) {
    problem(importCodes.tooLarge, file, `The file is ${(read.tooLarge / 1024 / 1024).toFixed(1)} MB; crr imports a spreadsheet of at most ${MAX_SPREADSHEET_BYTES / 1024 / 1024} MB.`, 'Check that it is the hazard log; delete sheets the import does not need.');
    return undefined;
  }
  const bytes = read.bytes;
  const ext = extname(file).toLowerCase();
  if (isZip(bytes)) {
    const zip = checkZip(bytes);
    if (zip) {
      if (zip.kind === 'too-large') problem(importCodes.tooLarge, file, `The workbook cannot be imported: ${zip.detail}.`, 'A hazard log workbook unpacks to a few megabytes; check that it is the hazard log.');
      else problem(importCodes.notASpreadsheet, file, `The file is not a workbook crr can read: ${zip.detail}.`, 'Open it in the spreadsheet program and save it again as "Excel Workbook (.xlsx)".');
      return undefined;
    }
    let sheets: SheetGrid[];
    try {
      sheets = await readXlsx(bytes);
    } catch (e) {
      problem(importCodes.notASpreadsheet, file, `The file is a zip archive but not a workbook crr can read (${String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200)}).`, 'Open it in the spreadsheet program and save it again as "Excel Workbook (.xlsx)".');
      return undefined;
    }
    if (sheets.length === 0) {
      problem(importCodes.notASpreadsheet, file, 'The file is a zip archive with no worksheets in it, so it is not a workbook.', 'Open it in the spreadsheet program and save it again as "Excel Workbook (.xlsx)".');
      return undefined;
    }
    return { file, format: 'xlsx', sheets };
  }
  if (isOle(bytes) || ext === '.xls') {
    problem(importCodes.notASpreadsheet, file, 'The file is an old-style Excel workbook (.xls) or another Office document, which crr does not read.', 'Save it from the spreadsheet program as "Excel Workbook (.xlsx)" or "CSV UTF-8".');
    return undefined;
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    problem(importCodes.notASpreadsheet, file, 'The file is named as a workbook but is not one (a workbook is a zip archive; this file does not start as one).', 'Save it from the spreadsheet program as "Excel Workbook (.xlsx)".');
    return undefined;
  }
  const sheets: SheetGrid[] = [];
  const hazards = csvSheet(bytes, file, 'hazards', diagnostics);
  if (!hazards) return undefined;
  sheets.push(hazards);
  // controls.csv and acceptances.csv beside it, as crr export writes them.
  for (const [role, name] of Object.entries(SIBLING_CSV) as [keyof typeof SIBLING_CSV, string][]) {
    if (basename(abs) === name) continue;
    const siblingAbs = join(dirname(abs), name);
    const st = lstatSync(siblingAbs, { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    const shown = join(dirname(file), name).split('\\').join('/');
    const sib = readBounded(siblingAbs, shown, MAX_SPREADSHEET_BYTES);
    if ('tooLarge' in sib) {
      problem(importCodes.tooLarge, shown, `The file is ${(sib.tooLarge / 1024 / 1024).toFixed(1)} MB; crr imports a spreadsheet of at most ${MAX_SPREADSHEET_BYTES / 1024 / 1024} MB.`);
      continue;
    }
    const sheet = csvSheet(sib.bytes, shown, role, diagnostics);
    if (sheet) sheets.push(sheet);
  }
  return { file, format: 'csv', sheets };
}

function csvSheet(bytes: Uint8Array, shown: string, role: SheetGrid['role'] & string, diagnostics: Diagnostic[]): SheetGrid | undefined {
  const csv = readCsv(bytes);
  const name = basename(shown);
  if ('problem' in csv) {
    diagnostics.push(
      importDiagnostic(importCodes.notASpreadsheet, {
        file: shown,
        ...(csv.line ? { cell: { sheet: name, ref: String(csv.line) } } : {}),
        message: `The file cannot be imported: ${csv.problem}.`,
        hint: 'Save it from the spreadsheet program as "CSV UTF-8", or as "Excel Workbook (.xlsx)".',
      }),
    );
    return undefined;
  }
  return { name, role, file: shown, rows: csv.rows, ...(csv.tooLarge ? { tooLarge: csv.tooLarge } : {}) };
}
