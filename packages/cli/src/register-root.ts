import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { collectionNames } from '@crr/core';

/**
 * Is the folder a command was given a register, or a folder near one?
 *
 * `crr validate` at a repository's root would read every YAML file in it (a lock file, CI
 * workflows) and report hundreds of errors; in a register's `hazards/` folder it would report a
 * missing manifest and every reference it cannot resolve. Both are the wrong folder, and one
 * sentence saying where the register is helps more than hundreds of diagnostics.
 *
 * A folder is taken as a register (and loaded as always) when one of its own YAML files starts a
 * line with `register:`. Otherwise, in this order:
 * 1. an ancestor folder whose own YAML files hold `register:` (looked for up to the git root, at
 *    most `MAX_UP` folders up, and never in the file system's root, the home folder or the
 *    temporary folder, where unrelated files sit): the folder is inside that register;
 * 2. folders below (at most `MAX_DEPTH` levels, skipping dot folders and `node_modules`) whose
 *    own YAML files hold `register:`, and no register file (one with a collection such as
 *    `hazards:`) outside them: the folder holds registers;
 * 3. anything else is loaded as always (the loader then reports an empty folder as CRR-E001, a
 *    register without its manifest as CRR-E023).
 *
 * What is read: only names of entries, and at most the first `HEAD_BYTES` of regular `.yaml` and
 * `.yml` files (never through a link, never a pipe), scanned for a key at the start of a line.
 * Nothing read is ever printed: only folder paths. Outside the folder given, only the YAML files
 * directly in its ancestor folders are looked at, and only when the folder itself holds no
 * manifest.
 */
export type RegisterPlace =
  | { kind: 'register' }
  | { kind: 'inside'; root: string }
  | { kind: 'holds'; registers: string[]; more: number };

/** How much of a YAML file is read to find its top-level keys: a manifest starts within a comment header. */
const HEAD_BYTES = 8 * 1024;
/** Ancestors looked at, at most (a register's deepest sub-folders are a few levels down). */
const MAX_UP = 4;
/** Levels below the folder looked at for registers, and how many folders at most. */
const MAX_DEPTH = 3;
const MAX_FOLDERS = 500;
/** YAML files read per folder, at most: a folder of thousands of files is not searched further. */
const MAX_FILES_PER_FOLDER = 200;
/** Registers named in the message, at most. */
const MAX_SHOWN = 5;

const isYaml = (name: string) => /\.ya?ml$/i.test(name);
const MANIFEST = /^\uFEFF?register:/m;
const COLLECTION = new RegExp(`^\\uFEFF?(?:${collectionNames.join('|')}):`, 'm');

function head(path: string): string {
  let fd: number | undefined;
  try {
    // Non-blocking, then checked: a file swapped for a pipe after the listing cannot hang crr.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return '';
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** What a folder's own YAML files hold: a manifest, register collections, or neither. */
export function folderHolds(dir: string, list: Dirent[] = entries(dir)): 'manifest' | 'records' | 'nothing' {
  // `register.yaml` first: where a manifest usually is, so usually the only file read.
  const files = list
    // Regular files only: a link could lead out of the folder, or to a pipe that never answers.
    .filter((e) => e.isFile() && isYaml(e.name) && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => Number(!/^register\.ya?ml$/i.test(a)) - Number(!/^register\.ya?ml$/i.test(b)))
    .slice(0, MAX_FILES_PER_FOLDER);
  let records = false;
  for (const name of files) {
    const text = head(join(dir, name));
    if (MANIFEST.test(text)) return 'manifest';
    if (COLLECTION.test(text)) records = true;
  }
  return records ? 'records' : 'nothing';
}

/** Where `folder` (absolute, an existing folder) stands: a register, inside one, or above some. */
export function placeOf(folder: string): RegisterPlace {
  const own = entries(folder);
  const holds = folderHolds(folder, own);
  if (holds === 'manifest') return { kind: 'register' };

  // Up: ancestors, to the git root (a repository's registers are inside it) or MAX_UP levels,
  // never into the shared folders where unrelated files sit (the file system's root, the home
  // and temporary folders).
  const shared = new Set([homedir(), tmpdir()].map((p) => p.replace(/[\\/]+$/, '')));
  let dir = folder;
  for (let up = 0; up < MAX_UP; up++) {
    if (existsSync(join(dir, '.git'))) break;
    const parent = dirname(dir);
    if (parent === dir || dirname(parent) === parent || shared.has(parent)) break;
    dir = parent;
    if (folderHolds(dir) === 'manifest') return { kind: 'inside', root: dir };
  }

  // Register files of its own, but no manifest: a register missing its manifest, reported as such.
  if (holds === 'records') return { kind: 'register' };

  // Down, breadth first, not into a register found (its sub-folders are its own).
  const found: string[] = [];
  let level: string[] = [folder];
  let seen = 0;
  for (let depth = 1; depth <= MAX_DEPTH && level.length; depth++) {
    const next: string[] = [];
    for (const parent of level) {
      for (const e of parent === folder ? own : entries(parent)) {
        if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'node_modules') continue;
        if (++seen > MAX_FOLDERS) return found.length ? holdsResult(folder, found) : { kind: 'register' };
        const sub = join(parent, e.name);
        const inSub = folderHolds(sub);
        // Register files outside any register found: the folder may be a register whose manifest
        // sits deeper; load it as always.
        if (inSub === 'records') return { kind: 'register' };
        if (inSub === 'manifest') found.push(sub);
        else next.push(sub);
      }
    }
    level = next;
  }
  return found.length ? holdsResult(folder, found) : { kind: 'register' };
}

function holdsResult(folder: string, found: string[]): RegisterPlace {
  const rel = found.map((f) => relative(folder, f).split(sep).join('/'));
  // Shallowest first: `registers/x` before a test fixture three levels down.
  rel.sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
  return { kind: 'holds', registers: rel.slice(0, MAX_SHOWN), more: Math.max(0, rel.length - MAX_SHOWN) };
}

/** A folder as the user would type it from `cwd`, with `/` separators. */
export function shownPath(cwd: string, abs: string): string {
  return relative(cwd, abs).split(sep).join('/') || '.';
}

/** Only an existing folder has a place; anything else is left to the loader's own messages. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
