import { existsSync, mkdirSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve as resolvePath, sep } from 'node:path';
import { buildReport, registerExport, type Register } from '@crr/core';
import { buildSite, type BuiltSite } from '@crr/site';
import { EXIT, useColour, UsageError, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { paint } from '../render/colour.js';
import { writeDiagnostics } from '../render/pretty.js';
import { CLI_VERSION } from '../version.js';
import { analysisJson } from './analyse.js';
import { asOfOption, resolveDir } from './common.js';
import { loadValidated } from './load.js';

/** A file left in every folder crr builds, so that it only ever clears its own folders. */
export const SITE_MARKER = '.crr-site';

export async function buildCommand(parsed: Parsed, io: Io): Promise<number> {
  const dir = parsed.args.dir ?? '.';
  const asOf = asOfOption(parsed, io);
  const out = resolveDir(io, (parsed.options.out as string | undefined) ?? '_site');
  checkOutDir(resolveDir(io, dir), out, (parsed.options.out as string | undefined) ?? '_site');
  const { register, diagnostics, errors } = await loadValidated(io, dir, asOf);
  const p = paint(useColour(io, 'stderr'));
  if (errors) {
    writeDiagnostics(io.stderr, diagnostics, { displayDir: dir, register, paint: p, asOf }, 'The register has errors, so no site was built. Fix them and run `crr build` again.');
    return EXIT.errors;
  }
  const built = await buildInto(register, asOf, out, { search: !parsed.options['no-search'], io });
  const rel = relative(io.cwd, out);
  const shown = rel === '' ? '.' : rel.startsWith('..') ? out : rel;
  io.stdout.write(`Built ${built.pages.toLocaleString('en-GB')} pages (${built.files.toLocaleString('en-GB')} files) into ${shown}. Open ${join(shown, 'index.html')}, or run \`crr serve ${dir}\`.\n`);
  return EXIT.ok;
}

/** Build the site of a validated register into `out`, reporting progress on stderr. */
export async function buildInto(register: Register, asOf: string, out: string, options: { search: boolean; io: Io }): Promise<BuiltSite> {
  const { report, analysis } = buildReport(register, { asOf, tool: `crr ${CLI_VERSION}` });
  const progress = progressLine(options.io);
  mkdirSync(out, { recursive: true });
  const built = await buildSite({
    report,
    exports: { 'register.json': registerExport(register), 'analysis.json': analysisJson(register, analysis) },
    outDir: out,
    search: options.search,
    onProgress: progress.update,
  });
  progress.done(built.pages);
  writeFileSync(join(out, SITE_MARKER), 'A site built by crr. `crr build` clears and rewrites this folder.\n');
  return built;
}

/**
 * Pages done out of the total, on one line: rewritten in place on a terminal, a few lines
 * (each quarter) otherwise. Never a line per page.
 */
function progressLine(io: Io) {
  const tty = io.stderr.isTTY === true;
  let lastQuarter = -1;
  return {
    update(done: number, total: number) {
      if (tty) io.stderr.write(`\rBuilding the site: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} pages`);
      else {
        const quarter = Math.floor((4 * done) / Math.max(total, 1));
        if (quarter > lastQuarter && quarter < 4) {
          lastQuarter = quarter;
          io.stderr.write(`Building the site: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} pages\n`);
        }
      }
    },
    done(pages: number) {
      io.stderr.write(`${tty ? '\r' : ''}Building the site: ${pages.toLocaleString('en-GB')} of ${pages.toLocaleString('en-GB')} pages, done.\n`);
    },
  };
}

/**
 * Refuse an output folder that would write into the register (a command that reads a register
 * never modifies it), or that holds something other than a site crr built (it is cleared).
 */
export function checkOutDir(registerDir: string, out: string, shown: string): void {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolvePath(p));
  const reg = real(registerDir);
  const target = real(out);
  if (target === reg || target.startsWith(reg + sep) || reg.startsWith(target + sep))
    throw new UsageError(`The output folder \`${shown}\` is inside the register folder (or holds it); crr never writes into a register.`, 'Choose an output folder outside the register, e.g. `--out _site`.');
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UsageError(`\`${shown}\` is a file, not a folder.`, 'Choose an output folder, e.g. `--out _site`.');
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(SITE_MARKER))
      throw new UsageError(`The output folder \`${shown}\` is not empty and was not built by crr, so crr will not clear it.`, 'Choose an empty or new folder, or one crr built before.');
  }
}
