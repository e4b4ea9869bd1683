import { basename } from 'node:path';
import { countBySeverity, FolderNotFoundError, validateFolder, type Validation } from '@crr/core';
import { UsageError, type Io } from '../io.js';
import { isFolder, placeOf, shownPath } from '../register-root.js';
import { resolveDir } from './common.js';
import { crrCommand } from '../command-prefix.js';

/**
 * Read and validate the register a command works on; a missing folder is a usage error (exit 2),
 * and so is a folder that is not a register but inside one or above some (see `checkRegisterRoot`).
 */
export async function loadValidated(io: Io, dir: string, asOf: string, command?: string): Promise<Validation & { errors: number }> {
  checkRegisterRoot(io, dir, command);
  try {
    const result = await validateFolder(resolveDir(io, dir), { asOf });
    return { ...result, errors: countBySeverity(result.diagnostics).errors };
  } catch (e) {
    if (e instanceof FolderNotFoundError)
      throw new UsageError(e.reason === 'missing' ? `There is no folder \`${dir}\`.` : `\`${dir}\` is a file, not a folder.`, 'Give the folder that holds the register, e.g. `registers/example-icb`.');
    throw e;
  }
}

/**
 * Stop before loading when `dir` is not a register but inside one (`registers/x/hazards`) or
 * above some (a repository's root): one sentence naming the register's folder, instead of a
 * diagnostic for every file that is not a register or every reference that cannot resolve.
 * For every command that reads a register folder, including `crr diff` given two folders.
 * `command`, when given, is named in the hint (`crr analyse registers/x`).
 */
export function checkRegisterRoot(io: Io, dir: string, command?: string): void {
  const run = (path: string, which: string) => (command ? `Run crr on ${which} folder: \`${crrCommand(`${command} ${path}`)}\`.` : `Give crr ${which} folder: \`${path}\`.`);
  const abs = resolveDir(io, dir);
  if (!isFolder(abs)) return; // the loader says what is wrong with it
  const place = placeOf(abs);
  if (place.kind === 'inside') {
    const runAt = shownPath(io.cwd, place.root);
    // `..` alone names nothing: say which folder it is.
    const name = /^(\.\.\/)*\.\.$/.test(runAt) ? ` (\`${basename(place.root)}\`)` : '';
    throw new UsageError(
      `\`${dir}\` is inside the register at \`${runAt}\`${name}, not a register of its own.`,
      run(runAt, "the register's"),
    );
  }
  if (place.kind === 'holds') {
    const paths = place.registers.map((r) => (dir === '.' || dir === './' ? r : `${dir.replace(/\/+$/, '')}/${r}`));
    const list = paths.map((p) => `\`${p}\``).join(', ') + (place.more ? ` and ${place.more} more` : '');
    throw new UsageError(
      `\`${dir}\` is not a register (none of its own files holds the \`register:\` manifest). Registers found below: ${list}.`,
      run(paths[0]!, "a register's"),
    );
  }
}
