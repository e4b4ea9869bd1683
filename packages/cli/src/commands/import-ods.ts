import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import {
  compareWithOds,
  countBySeverity,
  FolderNotFoundError,
  groupDigits,
  loadRegister,
  makeOdsDiagnostic,
  MAX_ODS_FILE_BYTES,
  odsText,
  odsYamlFiles,
  readOds,
  readRegisterFolder,
  sortDiagnostics,
  type Diagnostic,
  type OdsComparison,
  type OdsInputFile,
} from '@crr/core';
import { EXIT, UsageError, useColour, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { describeFsError } from '../fs-problem.js';
import { crrCommand } from '../command-prefix.js';
import { paint, type Paint } from '../render/colour.js';
import { safeLine } from '../render/safe-text.js';
import { shownPath } from '../register-root.js';
import { resolveDir } from './common.js';
import { comparisonText, importReport } from '../render/ods-report.js';

/** Diagnostics shown per input file, at most: a file of 16,000 bad rows prints a page. */
const SHOWN_PER_FILE = 20;

/**
 * `crr import ods`: the published NHS organisation files (epraccur, the practice → PCN map, the
 * list sizes) to a register part of one ICB or all of England, written into a new or empty
 * folder, each file created exclusively. The input files and a `--compare` register are only
 * read. Parsing, selection, comparison and the YAML are the core's (`packages/core/src/ods/`);
 * this is the edge: options, reading files, writing files, the report.
 */
export async function importOdsCommand(parsed: Parsed<'import ods'>, io: Io): Promise<number> {
  const o = parsed.options;
  const missing = (['practices', 'pcns', 'list-sizes', 'out'] as const).filter((k) => o[k] === undefined);
  if (missing.length)
    throw new UsageError(
      `\`crr import ods\` needs ${missing.map((k) => `\`--${k}\``).join(', ')}.`,
      `For example \`${crrCommand('import ods --practices epraccur.csv --pcns pcn-map.csv --list-sizes list-size.csv --icb QKS --out registers/kent/ods')}\`.`,
    );
  if (o.all && o.icb.length) throw new UsageError('Give `--icb` or `--all`, not both.', '`--icb QKS` imports one ICB (repeat it for several); `--all` every ICB in England.');
  if (!o.all && !o.icb.length) throw new UsageError('Say which ICB to import: `--icb <code>` (e.g. `--icb QKS`), or `--all` for every ICB in England.');
  const share = listSizeShare(o['list-size-change']);
  const profile = o.profile;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(profile) || profile.length > 128)
    throw new UsageError(`\`--profile\` must be a record id (letters, digits, \`-\`, \`_\`, \`.\`), not \`${profile.slice(0, 60)}\`.`, 'For example `--profile standard-practice`.');
  const outDir = o.out!;
  const out = resolveDir(io, outDir);
  checkOut(io, out, outDir, o.compare);

  // --- Read the three files (only read: opened read-only, never written).
  const inputs: Diagnostic[] = [];
  const read = (given: string): OdsInputFile | undefined => {
    const r = readInput(resolveDir(io, given), given);
    if ('diagnostic' in r) inputs.push(r.diagnostic);
    else return r;
    return undefined;
  };
  const practices = read(o.practices!);
  const pcns = read(o.pcns!);
  const listSizes = read(o['list-sizes']!);
  const p = paint(useColour(io, 'stderr'));
  if (!practices || !pcns || !listSizes) {
    writeDiagnostics(io, sortDiagnostics(inputs), p);
    return EXIT.errors;
  }
  const icbs = o.all ? ('all' as const) : o.icb;
  const ods = readOds({ practices, pcns, listSizes }, { icbs, profile });
  writeDiagnostics(io, ods.diagnostics, p);
  const { result } = ods;
  if (!result) {
    io.stderr.write(`Nothing was written: correct the input${countBySeverity(ods.diagnostics).errors > 1 ? 's' : ''} above and run the command again.\n`);
    return EXIT.errors;
  }

  // --- Compare with a register (read only), before anything is written.
  let comparison: OdsComparison | undefined;
  let compareNote = '';
  if (o.compare !== undefined) {
    let folder;
    try {
      folder = await readRegisterFolder(resolveDir(io, o.compare));
    } catch (e) {
      if (e instanceof FolderNotFoundError)
        throw new UsageError(e.reason === 'missing' ? `There is no folder \`${o.compare}\` to compare with.` : `\`${o.compare}\` is a file, not a register folder.`, 'Give `--compare` the folder of the register whose practices to check.');
      throw e;
    }
    const loaded = loadRegister(folder.files, { refused: folder.diagnostics.filter((d) => d.severity === 'error').length });
    const errors = [...folder.diagnostics, ...loaded.diagnostics].filter((d) => d.severity === 'error' && d.code !== 'CRR-E023');
    if (errors.length) compareNote = ` (its files have ${errors.length} error${errors.length === 1 ? '' : 's'}; \`${crrCommand(`validate ${o.compare}`)}\` shows them; the records that loaded are compared)`;
    comparison = compareWithOds(loaded.register, result, share);
  }

  // --- Write: the folder, then each file created exclusively (`wx`).
  const files = odsYamlFiles(result, {
    practices: baseName(o.practices!),
    pcns: baseName(o.pcns!),
    listSizes: baseName(o['list-sizes']!),
    pcnExtract: ods.pcnExtract,
    listExtract: ods.listExtract,
  });
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw describeFsError(e, 'create the output folder', outDir);
  }
  let bytes = 0;
  for (const [path, text] of files) {
    const abs = join(out, path);
    try {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text, { flag: 'wx' });
    } catch (e) {
      throw describeFsError(e, 'write', `${outDir}/${path}`);
    }
    bytes += Buffer.byteLength(text);
  }

  const shown = shownPath(io.cwd, out);
  io.stdout.write(importReport(result.counts, { shown, files: files.size, bytes, icbs: result.icbs.map((i) => i.code), profile, all: o.all }));
  if (comparison) io.stdout.write(comparisonText(comparison, o.compare!, compareNote, share));
  return EXIT.ok;
}

/** `0.1`, `.25` or `10%` as a share from 0 to 10. */
function listSizeShare(value: string): number {
  const m = /^(\d{0,3}(?:\.\d{1,6})?)(%?)$/.exec(value.trim());
  const n = m && m[1] !== '' && m[1] !== '.' ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 10)
    throw new UsageError(`\`--list-size-change\` must be a share such as \`0.1\` (or \`10%\`), not \`${value.slice(0, 40)}\`.`, 'A list size is reported as changed when it moved by more than this share of the register\'s figure.');
  return n;
}

/** `--out` must be new or an empty folder, and not inside the register compared with (it is only read). */
function checkOut(io: Io, out: string, shown: string, compare: string | undefined): void {
  const existing = lstatSync(out, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory())
    throw new UsageError(`\`${shown}\` already exists and is not a folder, so crr cannot write the import there.`, 'Give `--out` a new folder, e.g. `--out registers/kent/ods`.');
  if (existing) {
    const entries = readdirSync(out);
    if (entries.length)
      throw new UsageError(
        `\`${shown}\` is not empty (it holds ${entries.length === 1 ? `\`${entries[0]}\`` : `${entries.length} entries, such as \`${entries.sort()[0]}\``}), and \`crr import ods\` never writes over or beside existing files.`,
        'Give `--out` a new folder, or empty this one first. To refresh a register, import into a new folder with `--compare <register>` and review the differences.',
      );
  }
  if (compare !== undefined) {
    const reg = resolveDir(io, compare);
    const rel = relative(reg, out);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)))
      throw new UsageError(`\`${shown}\` is inside the register \`${compare}\` being compared with, which crr only reads.`, 'Import into a folder outside it; copy the files in after reviewing the comparison.');
  }
}

/** An input file's text, or a diagnostic saying why it cannot be had. Never follows into a pipe or device. */
function readInput(abs: string, shown: string): OdsInputFile | { diagnostic: Diagnostic } {
  const fail = (message: string, hint: string) => ({ diagnostic: makeOdsDiagnostic('unreadable', { file: shown, message, hint }) });
  let stat;
  try {
    stat = statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('There is no such file.', 'Check the path; the files are downloaded from NHS England (ODS data, "GP practice and PCN mappings", "Patients registered at a GP practice").');
    if (code === 'EACCES' || code === 'EPERM') return fail('Permission to read the file was denied.', 'Ask for read access, or copy the file somewhere you can read it.');
    return fail(`The file cannot be looked at (${code ?? 'unknown error'}).`, 'Check the path and its permissions.');
  }
  if (stat.isDirectory()) return fail('This is a folder, not a file.', 'Name the CSV file inside it.');
  if (!stat.isFile()) return fail('This is not a regular file (a pipe, a device or a socket), so crr does not read it.', 'Save the data to a file and name that file.');
  if (stat.size > MAX_ODS_FILE_BYTES)
    return { diagnostic: makeOdsDiagnostic('tooLarge', { file: shown, message: `The file is ${groupDigits(stat.size)} bytes; no published ODS file is near the limit of ${groupDigits(MAX_ODS_FILE_BYTES)}.`, hint: 'Check that the option names the CSV itself (not an archive, a database or a log).' }) };
  let fd: number | undefined;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) return fail('This is not a regular file, so crr does not read it.', 'Save the data to a file and name that file.');
    const size = Math.min(st.size, MAX_ODS_FILE_BYTES + 1);
    const buf = Buffer.alloc(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    if (got > MAX_ODS_FILE_BYTES) return { diagnostic: makeOdsDiagnostic('tooLarge', { file: shown, message: 'The file grew past the limit while it was read.', hint: 'Name a finished download.' }) };
    const text = odsText(buf.subarray(0, got), shown);
    return 'diagnostic' in text ? text : { file: shown, text: text.text };
  } catch (e) {
    return fail(`The file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).`, 'Check the file and its permissions.');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const baseName = (path: string) => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

/** `file:line CODE severity message`, then the hint; at most SHOWN_PER_FILE a file, the rest counted. */
function writeDiagnostics(io: Io, diagnostics: readonly Diagnostic[], p: Paint): void {
  const perFile = new Map<string, number>();
  const hidden = new Map<string, number>();
  for (const d of diagnostics) {
    const key = d.file ?? '';
    const n = (perFile.get(key) ?? 0) + 1;
    perFile.set(key, n);
    if (n > SHOWN_PER_FILE) {
      hidden.set(key, (hidden.get(key) ?? 0) + 1);
      continue;
    }
    const where = `${d.file ?? ''}${d.line !== undefined ? `:${d.line}` : ''}`;
    const sev = d.severity === 'error' ? p.red('error') : p.yellow('warning');
    io.stderr.write(`${p.bold(safeLine(where))} ${p.dim(d.code)} ${sev} ${safeLine(d.message)}\n${d.hint ? `  ${p.cyan('hint:')} ${safeLine(d.hint)}\n` : ''}\n`);
  }
  for (const [file, n] of hidden) io.stderr.write(`${safeLine(file)}: ${n} more like these not shown.\n\n`);
}
