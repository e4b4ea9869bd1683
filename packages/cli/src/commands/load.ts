import { countBySeverity, FolderNotFoundError, validateFolder, type Validation } from '@crr/core';
import { UsageError, type Io } from '../io.js';
import { resolveDir } from './common.js';

/** Read and validate the register a command works on; a missing folder is a usage error (exit 2). */
export async function loadValidated(io: Io, dir: string, asOf: string): Promise<Validation & { errors: number }> {
  try {
    const result = await validateFolder(resolveDir(io, dir), { asOf });
    return { ...result, errors: countBySeverity(result.diagnostics).errors };
  } catch (e) {
    if (e instanceof FolderNotFoundError)
      throw new UsageError(e.reason === 'missing' ? `There is no folder \`${dir}\`.` : `\`${dir}\` is a file, not a folder.`, 'Give the folder that holds the register, e.g. `registers/example-icb`.');
    throw e;
  }
}
