import { rmdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, parse, relative, sep } from 'node:path';
import { buildReport, compactGraph, registerExport, type Register, type Scope } from '@crr/core';
import { buildSite, inspectOutDir, makeFolder, OutDirProblem, SITE_MARKER, type BuiltSite } from '@crr/site';
import { describeFsError, fsErrorOf } from '../fs-problem.js';
import { EXIT, useColour, UsageError, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { realPathOf } from '../real-path.js';
import { paint } from '../render/colour.js';
import { writeDiagnostics } from '../render/pretty.js';
import { CLI_VERSION } from '../version.js';
import { analysisJson } from './analyse.js';
import { changesSinceApproval } from './changes-since-approval.js';
import { collectGarbage } from './collect-garbage.js';
import { spreadsheetFiles, tooLongText } from './export.js';
import { resolveDir } from './common.js';
import { loadValidated } from './load.js';
import { scopeOption } from './scope-option.js';
import { crrCommand } from '../command-prefix.js';

/** The file left in every folder crr builds, listing the files it wrote (the site's out-dir.ts owns the policy). */
export { SITE_MARKER };

export async function buildCommand(parsed: Parsed<'build'>, io: Io): Promise<number> {
  const { dir } = parsed.args;
  const { out: given, 'as-of': asOf, 'no-search': noSearch, scope: scopeText } = parsed.options;
  const out = checkOutDir(resolveDir(io, dir), given, io);
  // The folder is made before the register is read, so a path that cannot be a folder (under
  // /proc, too long, read-only) is refused at once; it is removed again if nothing is built.
  const created = outDirStep(() => makeFolder(out), 'create the output folder', out);
  let built: BuiltSite | undefined;
  try {
    const { register, diagnostics, errors } = await loadValidated(io, dir, asOf, 'build');
    const p = paint(useColour(io, 'stderr'));
    if (errors) {
      writeDiagnostics(io.stderr, diagnostics, { displayDir: dir, register, paint: p, asOf }, `The register has errors, so no site was built. Fix them and run \`${crrCommand('build')}\` again.`);
      return EXIT.errors;
    }
    const scope = scopeText !== undefined ? scopeOption(register, scopeText) : undefined;
    built = await buildInto(register, asOf, out, { search: !noSearch, io, registerDir: resolveDir(io, dir), ...(scope ? { scope } : {}) });
  } finally {
    if (!built) removeIfEmpty(created);
  }
  const rel = relative(io.cwd, out);
  const shown = rel === '' ? '.' : rel.startsWith('..') ? out : rel;
  io.stdout.write(`Built ${built.pages.toLocaleString('en-GB')} pages (${built.files.toLocaleString('en-GB')} files) into ${shown}. Open ${join(shown, 'index.html')}, or run \`${crrCommand(`serve ${dir}`)}\`.\n`);
  return EXIT.ok;
}

/** Removes the folders `makeFolder` created, innermost first, while they are still empty. */
function removeIfEmpty(created: readonly string[]): void {
  for (const folder of [...created].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      return; // Not empty (something was written after all), or already gone: leave it.
    }
  }
}

/**
 * Build the site of a validated register into `out`, reporting progress on stderr. A problem
 * with the folder or the disk (permission, space, a name too long) is a UsageError. With
 * `registerDir` (the folder it was read from), a register changed since its latest approval has
 * the changes read from git for its document control.
 */
export async function buildInto(register: Register, asOf: string, out: string, options: { search: boolean; io: Io; scope?: Scope; registerDir?: string }): Promise<BuiltSite> {
  const changes = options.registerDir !== undefined ? await changesSinceApproval(register, options.registerDir, asOf) : undefined;
  const { report, analysis } = buildReport(register, { asOf, tool: `crr ${CLI_VERSION}`, ...(options.scope ? { scope: options.scope } : {}), ...(changes ? { changesSinceApproval: changes } : {}) });
  // The hazard log as a spreadsheet for the data page; a cell too long for Excel leaves it out, with a warning.
  const sheets = await spreadsheetFiles(register, analysis, asOf);
  if (sheets.tooLong.length) options.io.stderr.write(tooLongText(sheets.tooLong).replace('nothing was exported', 'the site has no spreadsheet downloads'));
  const progress = progressLine(options.io);
  let built: BuiltSite;
  try {
    built = await buildSite({
      report,
      exports: { 'register.json': registerExport(register), 'analysis.json': analysisJson(register, analysis) },
      files: sheets.files,
      whatIf: compactGraph(register),
      outDir: out,
      search: options.search,
      onProgress: progress.update,
      beforeRun: collectGarbage,
    });
  } catch (e) {
    progress.abort();
    throw outDirError(e, 'write the site into', out);
  }
  progress.done(built.pages);
  return built;
}

/** Runs one step on the output folder, turning its refusals and errno errors into UsageErrors. */
function outDirStep<T>(step: () => T, action: string, out: string): T {
  try {
    return step();
  } catch (e) {
    throw outDirError(e, action, out);
  }
}

function outDirError(e: unknown, action: string, out: string): unknown {
  if (e instanceof UsageError) return e;
  if (e instanceof OutDirProblem) return new UsageError(e.message, e.hint);
  if (fsErrorOf(e)) return describeFsError(e, action, out);
  return e;
}

/**
 * Pages done out of the total, on one line: rewritten in place on a terminal, a few lines
 * (each quarter) otherwise. Never a line per page.
 */
function progressLine(io: Io) {
  const tty = io.stderr.isTTY === true;
  let lastQuarter = -1;
  let lineOpen = false;
  return {
    update(done: number, total: number) {
      lineOpen = tty;
      if (tty) io.stderr.write(`\rBuilding the site: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} pages`);
      else {
        const quarter = Math.floor((4 * done) / Math.max(total, 1));
        if (quarter > lastQuarter && quarter < 4) {
          lastQuarter = quarter;
          io.stderr.write(`Building the site: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} pages\n`);
        }
      }
    },
    /** Ends a progress line left open on a terminal, so an error starts on a line of its own. */
    abort() {
      if (lineOpen) io.stderr.write('\n');
    },
    done(pages: number) {
      io.stderr.write(`${tty ? '\r' : ''}Building the site: ${pages.toLocaleString('en-GB')} of ${pages.toLocaleString('en-GB')} pages, done.\n`);
    },
  };
}


/**
 * Where the site goes, as a real path, once it is known to be safe: not inside the register nor
 * holding it (a command that reads a register never modifies it), not a file-system root, not the
 * user's home, not the current folder unless asked for as `.`, and a folder crr may build into
 * (see the site's out-dir.ts). Every part of the path is resolved through its links first, so a
 * link cannot lead the site somewhere these checks did not look.
 */
export function checkOutDir(registerDir: string, given: string, io: Io): string {
  if (given.trim() === '') throw new UsageError('`--out` needs a folder, but was given an empty one.', 'Check the variable or the quoting that gave it, e.g. `--out _site`.');
  const out = outDirStep(() => realPathOf(given, io.cwd), 'look up the output folder', given);
  const shown = out === given ? `\`${given}\`` : `\`${given}\` (really \`${out}\`)`;
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
  const ownFolder = 'Choose a folder of its own for the site, e.g. `--out _site`.';

  if (parse(out).root === out) throw new UsageError(`The output folder ${shown} is the root of the file system; crr never builds into a root folder.`, ownFolder);
  const reg = outDirStep(() => realPathOf(registerDir, io.cwd), 'look up the register folder', registerDir);
  if (within(out, reg) || within(reg, out))
    throw new UsageError(`The output folder ${shown} is inside the register folder (or holds it); crr never writes into a register.`, 'Choose an output folder outside the register, e.g. `--out _site`.');
  const home = realHome(io);
  if (home && within(home, out)) throw new UsageError(`The output folder ${shown} ${home === out ? 'is' : 'holds'} your home folder; crr builds only into a folder of its own.`, ownFolder);
  const cwd = outDirStep(() => realPathOf('.', io.cwd), 'look up the current folder', io.cwd);
  if (out === cwd && given !== '.')
    throw new UsageError(`The output folder ${shown} is the current folder; crr builds into the current folder only when asked with \`--out .\`.`, `${ownFolder} Or, if you mean it, \`--out .\`.`);
  outDirStep(() => inspectOutDir(out), 'look at the output folder', out);
  return out;
}

/** The user's home folder, really; undefined if it is unknown or cannot be looked at. */
function realHome(io: Io): string | undefined {
  const home = io.env.HOME || homedir();
  try {
    return home ? realPathOf(home, io.cwd) : undefined;
  } catch {
    return undefined;
  }
}
