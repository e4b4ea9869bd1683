import { realpathSync, statSync } from 'node:fs';
import { fsTree } from './fs-tree.js';
import { walkRegister, type FolderRead } from './walk-register.js';

export { MAX_FILE_BYTES, type FolderRead } from './walk-register.js';

export class FolderNotFoundError extends Error {
  constructor(readonly folder: string, readonly reason: 'missing' | 'not-a-folder') {
    super(reason === 'missing' ? `No such folder: ${folder}` : `Not a folder: ${folder}`);
  }
}

/**
 * The one edge where the core touches the file system: a folder becomes a sorted list of file
 * texts (as bytes), by the one folder policy (`walk-register.ts`). It only reads. Links that lead
 * out of the folder are refused, so the register validated is the one in the repository.
 * Throws FolderNotFoundError only when there is no folder at all.
 */
export async function readRegisterFolder(folder: string): Promise<FolderRead> {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new FolderNotFoundError(folder, 'missing');
  }
  if (!isFolder) throw new FolderNotFoundError(folder, 'not-a-folder');
  return walkRegister(fsTree(realpathSync(folder)));
}
