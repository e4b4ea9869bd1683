import { constants, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadCodes } from '../load/load-codes.js';
import type { SourceFile } from '../source/source-file.js';
import { isRegisterFile, isSkipped, skippedFolderDiagnostic, skippedFolderPolicy, YAML_SEARCH_LIMIT } from './skipped-folder.js';

/**
 * Register files larger than this are refused (CRR-E005). The largest file of the generated
 * national register (6,500 practices) is 0.7 MiB; a file of 4 MiB loads, and is located into for
 * its diagnostics, in well under a second (docs/decisions.md, "Limits on input").
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface FolderRead {
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

/**
 * How a register file is opened. Only entries seen to be ordinary files are opened at all; should
 * one be swapped for a FIFO or a link after it was looked at, O_NONBLOCK keeps the open and the
 * read from waiting for a writer, and O_NOFOLLOW refuses a link (the path read is already real).
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export class FolderNotFoundError extends Error {
  constructor(readonly folder: string, readonly reason: 'missing' | 'not-a-folder') {
    super(reason === 'missing' ? `No such folder: ${folder}` : `Not a folder: ${folder}`);
  }
}

/**
 * The one edge where the core touches the file system: a folder becomes a sorted list of file
 * texts (as bytes). It only reads. Links that lead out of the folder are refused, so the register
 * validated is the one in the repository.
 *
 * Synchronous on purpose: a register is hundreds of small files, and awaiting each one costs
 * more than reading it (measured: 227 ms against 15 ms for 777 files).
 */
export async function readRegisterFolder(folder: string): Promise<FolderRead> {
  return readRegisterFolderSync(folder);
}

const tryStat = (path: string) => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};
const tryRealpath = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
};

export function readRegisterFolderSync(folder: string): FolderRead {
  const info = tryStat(folder);
  if (!info) throw new FolderNotFoundError(folder, 'missing');
  if (!info.isDirectory()) throw new FolderNotFoundError(folder, 'not-a-folder');

  const root = realpathSync(folder);
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const seenFolders = new Set<string>();

  const rel = (abs: string) => relative(folder, abs).split(sep).join('/');
  const problem = (def: (typeof loadCodes)[keyof typeof loadCodes], file: string, message: string, hint: string) =>
    diagnostics.push({ code: def.code, severity: def.severity, rule: def.name, file, message, hint });

  function walk(dir: string): void {
    const real = realpathSync(dir);
    if (seenFolders.has(real)) return; // a link back into a folder already read
    seenFolders.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problem(loadCodes.unreadable, rel(dir), `The folder could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, 'Check its permissions.');
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      if (isSkipped(entry.name)) {
        if (entry.isDirectory()) skipFolder(abs, entry.name);
        continue;
      }
      let target = abs;
      let kind: Dirent | Stats = entry;
      if (entry.isSymbolicLink()) {
        const resolved = tryRealpath(abs);
        if (resolved === undefined) {
          if (isRegisterFile(entry.name))
            problem(loadCodes.unreadable, rel(abs), 'This symbolic link is broken: its target does not exist.', 'Remove the link or restore its target.');
          continue;
        }
        if (resolved !== root && !resolved.startsWith(root + sep)) {
          // Only links that would have been read matter: a YAML file or a folder.
          const targetIsDir = tryStat(resolved)?.isDirectory() ?? false;
          if (!targetIsDir && !isRegisterFile(entry.name)) continue;
          problem(
            loadCodes.outsideFolder,
            rel(abs),
            `This symbolic link leads out of the register folder, to ${resolved}, so it was not read.`,
            'Copy the file into the register folder, or remove the link.',
          );
          continue;
        }
        target = resolved;
        kind = statSync(resolved); // stat, like lstat, never opens what it looks at
      }
      if (kind.isDirectory()) {
        walk(abs);
      } else if (isRegisterFile(entry.name)) {
        if (kind.isFile()) readFile(abs, target);
        else notAFile(abs, kind);
      }
    }
  }

  /** A register file, known from its directory entry or stat to be an ordinary file. */
  function readFile(abs: string, target: string): void {
    try {
      const size = lstatSync(target).size;
      if (size > MAX_FILE_BYTES) {
        problem(
          loadCodes.fileTooLarge,
          rel(abs),
          `This file is ${(size / 1024 / 1024).toFixed(1)} MiB; register files may be at most ${MAX_FILE_BYTES / 1024 / 1024} MiB, so it was not read.`,
          'Split the register into several smaller files, or move this file out of the register folder.',
        );
        return;
      }
      // @types/node types `flag` as a string; Node takes the numeric flags of openSync too.
      files.push({ path: rel(abs), bytes: readFileSync(target, { flag: READ_FLAGS as unknown as string }) });
    } catch (e) {
      problem(loadCodes.unreadable, rel(abs), `The file could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, 'Check its permissions.');
    }
  }

  function notAFile(abs: string, kind: Dirent | Stats): void {
    const what = kind.isFIFO()
      ? 'a named pipe (FIFO)'
      : kind.isSocket()
        ? 'a socket'
        : kind.isCharacterDevice() || kind.isBlockDevice()
          ? 'a device'
          : 'a special file';
    problem(
      loadCodes.notARegularFile,
      rel(abs),
      `This is ${what}, not an ordinary file, so it was not read: reading it could wait forever or never end.`,
      'Replace it with an ordinary YAML file, or remove it from the register folder.',
    );
  }

  /** A folder the walk does not enter: say so when someone could take it for part of the register. */
  function skipFolder(abs: string, name: string): void {
    const policy = skippedFolderPolicy(name);
    if (policy === 'silent') return;
    if (policy === 'report') {
      diagnostics.push(skippedFolderDiagnostic(rel(abs)));
      return;
    }
    const yaml = firstYaml(abs);
    if (yaml !== undefined) diagnostics.push(skippedFolderDiagnostic(rel(abs), yaml));
  }

  /**
   * The first YAML file under a hidden folder (each folder's own entries by name before its
   * subfolders'), without following links and looking at no more than `YAML_SEARCH_LIMIT`
   * entries: the same answer the git reader gives.
   */
  function firstYaml(dir: string): string | undefined {
    let budget = YAML_SEARCH_LIMIT;
    const stack = [dir]; // a stack, not recursion: a hostile folder may nest thousands deep
    while (stack.length) {
      const d = stack.pop()!;
      let list: Dirent[];
      try {
        list = readdirSync(d, { withFileTypes: true });
      } catch {
        continue;
      }
      list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const folders: string[] = [];
      for (const e of list) {
        if (--budget < 0) return undefined;
        if (e.isFile() && isRegisterFile(e.name)) return rel(join(d, e.name));
        if (e.isDirectory()) folders.push(join(d, e.name));
      }
      for (let i = folders.length - 1; i >= 0; i--) stack.push(folders[i]!);
    }
    return undefined;
  }

  walk(folder);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}
