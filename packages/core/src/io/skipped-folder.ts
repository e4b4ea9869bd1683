import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make-diagnostic.js';
import { loadCodes } from '../load/load-codes.js';

/**
 * Which entries of a register folder the readers (the folder walk and the git tree walk) never
 * enter, and when skipping one is worth a word (CRR-W017). Both readers share this, so a register
 * read from disk and the same register read at a revision say the same.
 *
 * A skipped folder is silent only when nobody could mistake it for part of the register: `.git`,
 * `.github` and `.crr` hold tools' files. `node_modules` is always reported and never looked into
 * (it can hold a hundred thousand files, many of them YAML). Any other hidden folder is reported
 * when it holds a `.yaml` or `.yml` file, because records put there would look, in a pull request,
 * like part of the register and yet be neither validated nor reported. Hidden *files* stay silent:
 * `.yamllint.yaml`, `.pre-commit-config.yaml` and the like are tool configuration.
 */

export const isRegisterFile = (name: string) => /\.ya?ml$/i.test(name);

/** Entries the walk skips: hidden entries and installed packages. */
export const isSkipped = (name: string) => name.startsWith('.') || name === 'node_modules';

/** Hidden folders of tools, skipped without a word. */
const TOOL_FOLDERS = new Set(['.git', '.github', '.crr']);

/** How a skipped folder is treated: not reported, reported as is, or reported if it holds YAML. */
export function skippedFolderPolicy(name: string): 'silent' | 'report' | 'report-if-yaml' {
  if (name === 'node_modules') return 'report';
  return TOOL_FOLDERS.has(name) ? 'silent' : 'report-if-yaml';
}

/** At most this many entries are looked at when searching a hidden folder for YAML. */
export const YAML_SEARCH_LIMIT = 10_000;

/**
 * The warning for a skipped folder (`folder` relative to the register folder, with `/`); `yaml`
 * is the first YAML file found in it (depth first, by name), for a hidden folder.
 */
export function skippedFolderDiagnostic(folder: string, yaml?: string): Diagnostic {
  const name = folder.slice(folder.lastIndexOf('/') + 1);
  const dependencies = name === 'node_modules';
  const message = dependencies
    ? `The folder \`${folder}\` was not read: \`node_modules\` holds installed packages, never register records, so crr skips it. Anything put there is not part of the register, its validation or its report.`
    : `The folder \`${folder}\` holds YAML files (such as \`${yaml ?? '?'}\`) that were not read: crr skips folders whose names start with \`.\`, so their records are not part of the register, its validation or its report.`;
  const hint = dependencies
    ? 'Remove `node_modules` from the register folder (install packages outside it), or move any register files out of it.'
    : `If they belong to the register, move them to a folder whose name does not start with \`.\`; if not, move \`${name}\` out of the register folder.`;
  return makeDiagnostic(loadCodes.skippedFolder, { file: folder, message, hint });
}
