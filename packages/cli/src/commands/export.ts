import { closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import { analyse, groupDigits, hazardLogWorkbook, sheetFiles, type Analysis, type CellTooLong, type HazardLogWorkbook, type Register } from '@crr/core';
import { describeFsError } from '../fs-problem.js';
import { EXIT, UsageError, useColour, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { realPathOf } from '../real-path.js';
import { paint } from '../render/colour.js';
import { writeDiagnostics } from '../render/pretty.js';
import { csvBytes } from '../spreadsheet/csv.js';
import { xlsxBytes } from '../spreadsheet/xlsx.js';
import { isMarkedZip } from '../spreadsheet/zip-dates.js';
import { crrCommand } from '../command-prefix.js';
import { resolveDir } from './common.js';
import { loadValidated } from './load.js';

/**
 * `crr export <dir> --format xlsx|csv --out <file|folder>`: the hazard log as a spreadsheet, in
 * the NHS hazard-log template's columns (docs/spreadsheets.md). The file or folder is checked
 * before the register is read, and written only once everything is ready: nothing is written
 * outside `--out`, and an existing file is replaced only when it is a previous export.
 */
export async function exportCommand(parsed: Parsed<'export'>, io: Io): Promise<number> {
  const { dir } = parsed.args;
  const { format, out, 'as-of': asOf } = parsed.options;
  if (out === undefined || out.trim() === '')
    throw new UsageError(
      `\`${crrCommand('export')}\` needs \`--out\`: the ${format === 'csv' ? 'folder to write the CSV files into' : 'XLSX file to write'}.`,
      format === 'csv' ? 'For example `--format csv --out hazard-log-csv`.' : 'For example `--out hazard-log.xlsx`.',
    );
  const target = checkTarget(io, dir, out, format);
  const { register, diagnostics, errors } = await loadValidated(io, dir, asOf, 'export');
  if (errors) {
    writeDiagnostics(io.stderr, diagnostics, { displayDir: dir, register, paint: paint(useColour(io, 'stderr')), asOf }, `The register has errors, so it was not exported. Fix them and run \`${crrCommand('export')}\` again.`);
    return EXIT.errors;
  }
  const analysis = analyse(register, { asOf });
  const wb = hazardLogWorkbook(register, analysis, { asOf });
  if (wb.tooLong.length) {
    io.stderr.write(tooLongText(wb.tooLong));
    return EXIT.errors;
  }
  let bytes = 0;
  if (format === 'xlsx') {
    const data = await xlsxBytes(wb);
    writeFile(target, data, out);
    bytes = data.length;
  } else {
    if (!lstatSync(target, { throwIfNoEntry: false })) {
      try {
        mkdirSync(target);
      } catch (e) {
        throw describeFsError(e, 'create the folder', out);
      }
    }
    for (const sheet of wb.sheets) {
      const data = csvBytes(sheet);
      writeFile(`${target}${sep}${sheet.file}`, data, `${out}/${sheet.file}`);
      bytes += data.length;
    }
  }
  const hazards = wb.sheets[0]!.rows.length;
  io.stdout.write(
    `Wrote the hazard log (${groupDigits(hazards)} ${hazards === 1 ? 'hazard' : 'hazards'}, ${wb.sheets.length} sheets${format === 'csv' ? ', one CSV file each' : ''}, ${groupDigits(bytes)} bytes) to ${out}.\n`,
  );
  return EXIT.ok;
}

/** The workbook's files for the site's data page: `hazard-log.xlsx` and a CSV per sheet. */
export async function spreadsheetFiles(register: Register, analysis: Pick<Analysis, 'findings'>, asOf: string): Promise<{ files: Record<string, Buffer>; tooLong: CellTooLong[] }> {
  const wb: HazardLogWorkbook = hazardLogWorkbook(register, analysis, { asOf });
  if (wb.tooLong.length) return { files: {}, tooLong: wb.tooLong };
  const files: Record<string, Buffer> = { 'hazard-log.xlsx': await xlsxBytes(wb) };
  for (const sheet of wb.sheets) files[`hazard-log-${sheet.file}`] = csvBytes(sheet);
  return { files, tooLong: [] };
}

/** The cells Excel cannot hold, one line each; nothing is written. */
export function tooLongText(cells: readonly CellTooLong[]): string {
  const shown = cells.slice(0, 20);
  return (
    `crr: ${cells.length === 1 ? 'A cell is' : `${groupDigits(cells.length)} cells are`} longer than the 32,767 characters Excel keeps in a cell, so nothing was exported (crr never shortens a cell):\n` +
    shown.map((c) => `  ${c.sheet} row ${c.row} (${c.record}), ${c.column}: ${groupDigits(c.length)} characters\n`).join('') +
    (cells.length > shown.length ? `  … and ${groupDigits(cells.length - shown.length)} more\n` : '') +
    '  hint: Shorten the text in the register (move long evidence or notes into a document and give its reference), then export again.\n'
  );
}

/**
 * Where the export goes, as an absolute path, once it is known to be safe: outside the register,
 * not a link, and new or a previous export (an XLSX file carrying crr's mark, or a folder holding
 * only crr's CSV files). Checked before the register is read.
 */
function checkTarget(io: Io, dir: string, out: string, format: 'xlsx' | 'csv'): string {
  const path = resolveDir(io, out);
  const parent = dirname(path);
  const realParent = (() => {
    try {
      return realPathOf(parent, io.cwd);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw describeFsError(e, 'look up the folder of', out);
    }
  })();
  if (!lstatSync(realParent, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`The folder \`${dirname(out)}\` of \`${out}\` does not exist.`, 'Create it first, or give a path in a folder that exists.');
  const real = `${realParent}${realParent.endsWith(sep) ? '' : sep}${basename(path)}`;
  let register: string | undefined;
  try {
    register = realPathOf(resolveDir(io, dir), io.cwd);
  } catch {
    register = undefined; // the loader says what is wrong with the register folder
  }
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
  if (register && (within(real, register) || within(register, real)))
    throw new UsageError(`\`${out}\` is inside the register folder (or holds it); crr never writes into a register.`, 'Choose a path outside the register, e.g. `--out hazard-log.xlsx`.');

  const existing = lstatSync(real, { throwIfNoEntry: false });
  if (format === 'xlsx') {
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`\`--out ${out}\`: an XLSX export is written to a file whose name ends in \`.xlsx\`.`, 'For example `--out hazard-log.xlsx`; for CSV files, `--format csv --out <folder>`.');
    if (existing) {
      if (!existing.isFile()) throw new UsageError(`\`${out}\` exists and is ${existing.isDirectory() ? 'a folder' : 'a link or special file'}, not a file crr can replace.`, 'Give a new file name, e.g. `--out hazard-log.xlsx`.');
      if (!isMarkedXlsx(real)) throw new UsageError(`\`${out}\` already exists and is not a spreadsheet crr exported, so crr leaves it alone.`, 'Give a new file name; crr replaces only a file it exported before.');
    }
    return real;
  }
  if (existing) {
    if (!existing.isDirectory()) throw new UsageError(`\`${out}\` exists and is not a folder; a CSV export is written into a folder of its own.`, 'Give a new folder name, e.g. `--format csv --out hazard-log-csv`.');
    const ours = new Set<string>(sheetFiles);
    for (const entry of readdirSync(real, { withFileTypes: true })) {
      if (!ours.has(entry.name) || !entry.isFile() || !isOurCsv(`${real}${sep}${entry.name}`))
        throw new UsageError(
          `The folder \`${out}\` holds \`${entry.name}\`, which is not a CSV file crr exported, so crr does not write into it.`,
          'Give a new or empty folder; crr replaces only the CSV files it exported there before.',
        );
    }
  }
  return real;
}

function readHead(path: string, bytes: number, fromEnd: boolean): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const size = lstatSync(path).size;
    const n = Math.min(bytes, size);
    const buf = Buffer.alloc(n);
    readSync(fd, buf, 0, n, fromEnd ? size - n : 0);
    return buf;
  } finally {
    closeSync(fd);
  }
}

function isMarkedXlsx(path: string): boolean {
  try {
    return isMarkedZip(readHead(path, 64, true));
  } catch {
    return false;
  }
}

/** A CSV file crr wrote: the byte-order mark, then one of its sheets' header rows. */
function isOurCsv(path: string): boolean {
  try {
    const head = readHead(path, 64, false);
    return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf && /^(Hazard ID|Control ID|Incident ID|Acceptance ID|Asset ID|Site ID|Finding ID),/.test(head.subarray(3).toString('utf8'));
  } catch {
    return false;
  }
}

/** Writes (or replaces) one file, never through a link. */
function writeFile(path: string, data: Buffer, shown: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
    let at = 0;
    while (at < data.length) at += writeSync(fd, data, at, data.length - at);
  } catch (e) {
    throw describeFsError(e, 'write', shown);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
