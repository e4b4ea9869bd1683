/**
 * The output folder: one policy for every caller (`crr build`, `crr serve`, the site's tests).
 * crr deletes only what it wrote. The marker `.crr-site` lists, as JSON, every file the last
 * build wrote; a rebuild removes those (and the folders they leave empty) and nothing else, so a
 * gh-pages checkout keeps its `.git`, `CNAME`, `.nojekyll` and whatever the user added.
 *
 * - A folder may be built into when it is new, empty, holds only names crr never writes (hidden
 *   names and `CNAME`), or holds a marker crr wrote.
 * - The marker is written before anything else, so a build that fails part-way leaves a folder
 *   the next build accepts; the files written are recorded even when the build fails.
 * - A symbolic link or special file (FIFO, device, socket) in the folder is refused before
 *   anything is written: writing through it could reach files outside, or block for ever.
 * - Folders are created one level at a time, never with `mkdir -p` semantics: Node's recursive
 *   mkdir loops for ever on a path under /proc.
 */
import { lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, parse, relative, sep } from 'node:path';

/** The marker file crr leaves in every folder it builds into. */
export const SITE_MARKER = '.crr-site';

/** What the marker says to a person who opens it. */
const ABOUT = 'A site built by crr. On a rebuild, crr removes the files listed here (and folders they leave empty) and nothing else.';

/** A marker larger than this is not one crr wrote (a national register's list is tens of MB). */
const MARKER_MAX_BYTES = 256 * 1024 * 1024;

/** Why a folder cannot be built into, as a sentence and what to do. The CLI shows it as a usage error. */
export class OutDirProblem extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'OutDirProblem';
  }
}

/** Top-level names crr never writes (its marker aside): whatever is there is the user's. */
export function neverWritten(name: string): boolean {
  return name.startsWith('.') || name === 'CNAME';
}

/** A file's kind in words, for messages. */
function kindOf(s: Stats): string {
  if (s.isFile()) return 'a file';
  if (s.isDirectory()) return 'a folder';
  if (s.isSymbolicLink()) return 'a symbolic link';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'a special file';
}

function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

export interface OutDirState {
  /** The folder exists already. */
  exists: boolean;
  /** The files the last build wrote, from its marker; undefined when there is no marker. */
  previous?: string[];
}

/**
 * Looks at `outDir` without changing anything: it must be a folder (or not exist yet), not a
 * file-system root, and empty, or hold nothing crr might write, or hold a marker crr wrote.
 * Throws OutDirProblem when it is none of these; errno errors (EACCES…) are thrown as they are.
 */
export function inspectOutDir(outDir: string): OutDirState {
  if (parse(outDir).root === outDir)
    throw new OutDirProblem(`\`${outDir}\` is the root of the file system; crr never builds a site into a root folder.`, 'Choose a folder of its own, e.g. `_site`.');
  let s: Stats;
  try {
    s = statSync(outDir);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') {
      // A link to nothing: statSync fails, but a folder cannot be made there either.
      const link = lstatOrUndefined(outDir);
      if (link?.isSymbolicLink())
        throw new OutDirProblem(`\`${outDir}\` is a symbolic link to \`${readlinkSync(outDir)}\`, which does not exist.`, 'Point the link at a folder, or choose another output folder.');
      return { exists: false };
    }
    throw e;
  }
  if (!s.isDirectory()) throw new OutDirProblem(`\`${outDir}\` is ${kindOf(s)}, not a folder.`, 'Choose a folder for the site: a new one, an empty one, or one crr built before.');
  const entries = readdirSync(outDir);
  if (entries.includes(SITE_MARKER)) return { exists: true, previous: readMarker(outDir) };
  const others = entries.filter((n) => !neverWritten(n)).sort();
  if (others.length > 0)
    throw new OutDirProblem(
      `The output folder \`${outDir}\` is not empty and was not built by crr (it holds \`${others[0]}\`${others.length > 1 ? ` and ${others.length - 1} more` : ''}), so crr will not write into it.`,
      'Choose a new or empty folder, or one crr built before. (Hidden entries such as `.git`, and `CNAME`, may be there: crr leaves them alone.)',
    );
  return { exists: true };
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** A path the marker may list: relative, plain segments, never `..`, never a hidden top-level name. */
export function isListablePath(p: string): boolean {
  if (p.length === 0 || p.length > 4096 || p.includes('\0') || p.includes('\\')) return false;
  const segments = p.split('/');
  if (neverWritten(segments[0]!)) return false;
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
}

/** The marker's list of files; OutDirProblem if it is not a marker crr wrote. */
function readMarker(outDir: string): string[] {
  const path = join(outDir, SITE_MARKER);
  const refuse = (why: string) =>
    new OutDirProblem(
      `The marker \`${SITE_MARKER}\` in \`${outDir}\` ${why}, so crr cannot tell the files it wrote from yours.`,
      'Empty the folder (keep what is yours, such as `.git` or `CNAME`) and build again, or choose a new folder.',
    );
  const s = lstatSync(path);
  if (!s.isFile()) throw refuse(`is ${kindOf(s)}, not a file crr wrote`);
  if (s.size > MARKER_MAX_BYTES) throw refuse('is far larger than any crr writes');
  const text = readFileSync(path, 'utf8');
  if (text.startsWith('A site built by crr.')) throw refuse('was written by an older crr, which did not list the files it wrote');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refuse('is not valid JSON');
  }
  const files = (parsed as { files?: unknown } | null)?.files;
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) throw refuse('has no list of files');
  const bad = files.find((f) => !isListablePath(f));
  if (bad !== undefined) throw refuse(`lists \`${bad.slice(0, 200)}\`, which is not a path inside the folder that crr writes`);
  return files;
}

/** Writes the marker (atomically: a crash leaves the old marker or the new one, never half of one). */
function writeMarker(outDir: string, files: readonly string[]): void {
  const path = join(outDir, SITE_MARKER);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ about: ABOUT, files: [...files].sort() }, null, 2)}\n`);
  renameSync(temp, path);
}

/**
 * Creates `path` and any missing parents, one level at a time. Returns the folders it created,
 * outermost first (so a caller can remove them again if nothing is built). Errno errors are
 * thrown as they are; a parent that will not take a new folder (ENOENT though it exists, as
 * under /proc) is an OutDirProblem.
 */
export function makeFolder(path: string): string[] {
  const missing: string[] = [];
  let p = path;
  for (;;) {
    let s: Stats | undefined;
    try {
      s = statSync(p);
    } catch (e) {
      // ENOTDIR: a parent is a file; walking up finds it, to name it.
      if (errnoCode(e) !== 'ENOENT' && errnoCode(e) !== 'ENOTDIR') throw e;
    }
    if (s) {
      if (!s.isDirectory()) throw new OutDirProblem(`\`${p}\` is ${kindOf(s)}, so \`${path}\` cannot be made inside it.`, 'Check the path: every name before the last must be a folder.');
      break;
    }
    missing.push(p);
    const parent = dirname(p);
    if (parent === p) break;
    p = parent;
  }
  missing.reverse();
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (e) {
      if (errnoCode(e) === 'EEXIST' && lstatOrUndefined(folder)?.isDirectory()) continue;
      if (errnoCode(e) === 'ENOENT')
        throw new OutDirProblem(`\`${folder}\` cannot be created: the system does not allow new folders in \`${dirname(folder)}\`.`, 'Choose an ordinary folder you may write to, e.g. `_site`.');
      throw e;
    }
  }
  return missing;
}

/** Every file under `outDir` except top-level names crr never writes: relative paths with `/`. */
function walk(outDir: string, onOther: (rel: string, kind: string) => void): string[] {
  const files: string[] = [];
  const visit = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (rel === '' && neverWritten(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(join(dir, entry.name), path);
      else if (entry.isFile()) files.push(path);
      else onOther(path, entry.isSymbolicLink() ? 'a symbolic link' : entry.isFIFO() ? 'a named pipe (FIFO)' : entry.isSocket() ? 'a socket' : 'a device');
    }
  };
  visit(outDir, '');
  return files;
}

/** A file's identity and last change: if any differs after the build, crr wrote it. */
function stamp(path: string): string | undefined {
  try {
    const s = lstatSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined;
  }
}

/** What `prepareOutDir` saw, for `recordOutDir`: the files already there (the user's) and their stamps. */
export interface Prepared {
  outDir: string;
  before: Map<string, string | undefined>;
}

/**
 * Makes `outDir` ready for a build: creates it, or checks it (see `inspectOutDir`), refuses links
 * and special files in it, writes the marker if there was none, and removes the files the last
 * build listed, with any folders they leave empty. Nothing else is touched.
 */
export function prepareOutDir(outDir: string): Prepared {
  const state = inspectOutDir(outDir);
  if (!state.exists) makeFolder(outDir);
  const present = walk(outDir, (rel, kind) => {
    throw new OutDirProblem(
      `The output folder \`${outDir}\` holds \`${rel}\`, which is ${kind}; crr writes only plain files and folders, and writing through it could reach outside the folder or never finish.`,
      'Remove it, or choose a new folder.',
    );
  });
  if (state.previous === undefined) writeMarker(outDir, []);
  const removed = removeListed(outDir, state.previous ?? []);
  const before = new Map<string, string | undefined>();
  for (const rel of present) if (!removed.has(rel)) before.set(rel, stamp(join(outDir, rel)));
  return { outDir, before };
}

/** Removes the listed files that are still plain files, then the folders left empty; returns what it removed. */
function removeListed(outDir: string, listed: readonly string[]): Set<string> {
  const removed = new Set<string>();
  const folders = new Set<string>();
  for (const rel of listed) {
    const path = join(outDir, ...rel.split('/'));
    // Every folder on the way must be a real folder inside outDir (a link was refused above; this
    // holds the line even so), and the file itself a plain file: a folder or link is not crr's.
    if (relative(outDir, path).startsWith('..')) continue;
    const s = lstatOrUndefined(path);
    if (!s?.isFile()) continue;
    unlinkSync(path);
    removed.add(rel);
    for (let d = dirname(path); d !== outDir && d.startsWith(outDir + sep); d = dirname(d)) folders.add(d);
  }
  // Deepest first, so a folder emptied by removing its emptied children goes too.
  for (const d of [...folders].sort((a, b) => b.split(sep).length - a.split(sep).length || (a < b ? 1 : -1))) {
    try {
      rmdirSync(d);
    } catch (e) {
      if (!['ENOTEMPTY', 'EEXIST', 'ENOENT', 'ENOTDIR'].includes(errnoCode(e) ?? '')) throw e;
    }
  }
  return removed;
}

/**
 * Records in the marker every file this build wrote (new, or changed since `prepareOutDir`),
 * so the next build removes exactly those. Runs after a failed build too. Returns the list.
 */
export function recordOutDir(prepared: Prepared): string[] {
  const { outDir, before } = prepared;
  const after = walk(outDir, () => undefined);
  const written = after.filter((rel) => !before.has(rel) || before.get(rel) !== stamp(join(outDir, rel)));
  writeMarker(outDir, written);
  return written.sort();
}
