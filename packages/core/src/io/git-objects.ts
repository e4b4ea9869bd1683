import { isAbsolute, relative } from 'node:path';
import { failure, runGit, type GitContext, type GitRun } from './git-run.js';

/**
 * Trees and blobs at a commit: `ls-tree` listings, `cat-file --batch` for many objects in one
 * process, and where paths and links lead.
 */

export interface GitEntry {
  mode: string;
  type: string;
  sha: string;
  size: number | undefined;
  /** Path from the top of the repository. */
  path: string;
}

/** `ls-tree -z -l` records: `<mode> <type> <sha> <size padded>\t<path>\0`. */
export function parseLsTree(out: Buffer): GitEntry[] {
  const entries: GitEntry[] = [];
  let start = 0;
  while (start < out.length) {
    let end = out.indexOf(0, start);
    if (end < 0) end = out.length;
    const tab = out.indexOf(0x09, start);
    if (tab > start && tab < end) {
      const [mode, type, sha, size] = out.toString('latin1', start, tab).trim().split(/ +/);
      const n = size === undefined ? NaN : Number(size);
      entries.push({ mode: mode!, type: type!, sha: sha!, size: Number.isFinite(n) ? n : undefined, path: out.toString('utf8', tab + 1, end) });
    }
    start = end + 1;
  }
  return entries;
}

export async function lsTree(top: string, commit: string, path: string, recursive: boolean, context: GitContext): Promise<GitEntry[]> {
  const args = ['ls-tree', '-z', '-l', '--full-tree', ...(recursive ? ['-r'] : []), commit];
  if (path !== '') args.push('--', path);
  const run = await runGit(top, args);
  if (run.code !== 0) throw failure(run, `list revision \`${context.revision}\``, context);
  return parseLsTree(run.stdout);
}

/**
 * `git cat-file --batch` for many objects in one process. Its output is, per object,
 * `<sha> <type> <size>\n<size bytes>\n`, or `<sha> missing\n`; the contents are binary.
 */
export async function catFiles(top: string, shas: readonly string[], context: GitContext): Promise<Map<string, Buffer | undefined>> {
  const found = new Map<string, Buffer | undefined>();
  const wanted = [...new Set(shas)];
  if (wanted.length === 0) return found;
  const run = await runGit(top, ['cat-file', '--batch', '--buffer'], wanted.map((s) => `${s}\n`).join(''));
  if (run.code !== 0) throw failure(run, `read the files of \`${context.folder}\` at revision \`${context.revision}\``, context);
  const out = run.stdout;
  let at = 0;
  for (const sha of wanted) {
    const nl = out.indexOf(0x0a, at);
    if (nl < 0) throw failure({ ...run, stderr: 'git cat-file --batch stopped early' }, 'read the register files', context);
    const header = /^([0-9a-f]+) (\S+) (\d+)$/.exec(out.toString('latin1', at, nl));
    at = nl + 1;
    if (!header || header[1] !== sha) {
      found.set(sha, undefined); // `<sha> missing`
      continue;
    }
    const size = Number(header[3]);
    if (at + size >= out.length || out[at + size] !== 0x0a) {
      throw failure({ ...run, stderr: 'git cat-file --batch gave a truncated object' }, 'read the register files', context);
    }
    found.set(sha, Buffer.from(out.subarray(at, at + size)));
    at += size + 1;
  }
  return found;
}

/** What `<commit>:<path>` is once in-repository links are followed (`cat-file --follow-symlinks`). */
export async function kindsAt(
  top: string,
  commit: string,
  paths: readonly string[],
  context: GitContext,
): Promise<Map<string, 'folder' | 'other' | 'missing'>> {
  const kinds = new Map<string, 'folder' | 'other' | 'missing'>();
  const asked = [...new Set(paths)].filter((p) => !p.includes('\n'));
  for (const p of paths) if (p.includes('\n')) kinds.set(p, 'other');
  if (asked.length === 0) return kinds;
  const run = await runGit(top, ['cat-file', '--batch-check', '--follow-symlinks'], asked.map((p) => `${commit}:${p}\n`).join(''));
  if (run.code !== 0) throw failure(run, `look up where the links of \`${context.folder}\` lead at revision \`${context.revision}\``, context);
  const out = run.stdout;
  let at = 0;
  for (const p of asked) {
    const nl = out.indexOf(0x0a, at);
    if (nl < 0) {
      kinds.set(p, 'other');
      continue;
    }
    const header = out.toString('utf8', at, nl);
    at = nl + 1;
    const object = /^[0-9a-f]{40,64} (\S+) \d+$/.exec(header);
    const special = /^(symlink|dangling|loop|notdir) (\d+)$/.exec(header);
    if (object) kinds.set(p, object[1] === 'tree' ? 'folder' : 'other');
    else if (special) {
      at += Number(special[2]) + 1; // the link's target, or the name asked for
      kinds.set(p, special[1] === 'symlink' ? 'other' : 'missing'); // `symlink`: leads out of the repository, so exists as far as git can tell
    } else kinds.set(p, 'missing');
  }
  return kinds;
}

export const MAX_LINKS = 40; // as Linux's ELOOP
export const MAX_LINK_BYTES = 4096; // a link's blob is its target path; anything longer is not a link git made

export type NodeKind = 'folder' | 'file' | 'link' | 'other';

export const kindOf = (e: GitEntry): NodeKind =>
  e.mode === '040000' || e.type === 'tree' ? 'folder' : e.mode === '120000' ? 'link' : e.type === 'blob' ? 'file' : 'other'; // 160000: a submodule

/** Under the top of the work tree: the `/`-separated path from it, else undefined. */
export function underTop(top: string, abs: string): string | undefined {
  const rel = relative(top, abs);
  if (rel === '') return '';
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(/[\\/]/).join('/');
}

/**
 * Resolve the register folder's own path at the commit, following links in it (git stores a
 * folder reached through a link as a link, which `ls-tree` does not enter). Returns its real
 * path, or undefined when there is no folder there.
 */
export async function realFolderPath(top: string, commit: string, path: string, context: GitContext): Promise<string | undefined> {
  const done: string[] = [];
  let queue = path.split('/');
  let hops = 0;
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (done.length === 0) return undefined;
      done.pop();
      continue;
    }
    const here = [...done, part].join('/');
    const entry = (await lsTree(top, commit, here, false, context)).find((e) => e.path === here);
    if (!entry) return undefined;
    const kind = kindOf(entry);
    if (kind === 'folder') done.push(part);
    else if (kind === 'link') {
      if (++hops > MAX_LINKS || (entry.size ?? 0) > MAX_LINK_BYTES) return undefined;
      const target = (await catFiles(top, [entry.sha], context)).get(entry.sha)?.toString('utf8');
      if (target === undefined) return undefined;
      if (isAbsolute(target)) {
        const rel = underTop(top, target);
        if (rel === undefined) return undefined;
        done.length = 0;
        queue = [...rel.split('/'), ...queue];
      } else queue = [...target.split('/'), ...queue];
    } else return undefined;
  }
  return done.join('/');
}