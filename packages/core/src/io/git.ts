import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadCodes } from '../load/load-codes.js';
import type { SourceFile } from '../source/source-file.js';
import { MAX_FILE_BYTES, type FolderRead } from './read-folder.js';
import { isSkipped, skippedFolderDiagnostic, skippedFolderPolicy, YAML_SEARCH_LIMIT } from './skipped-folder.js';

/**
 * The git edge: a register folder at a revision becomes the same `FolderRead` that
 * `readRegisterFolder` makes of the checked-out folder (same order, skips and diagnostics).
 *
 * It only reads. git runs without a shell, with argument arrays, `GIT_OPTIONAL_LOCKS=0` (so not
 * even the index's stat cache is refreshed) and `protocol.allow=never` (so a partial clone cannot
 * fetch missing objects into `.git/objects`); revisions that look like options are refused before
 * git sees them, and `--end-of-options`, `--` and literal pathspecs keep user input as data.
 */

export type GitErrorKind = 'git-missing' | 'not-a-repository' | 'unknown-revision' | 'shallow' | 'no-register' | 'git-failed';

/**
 * Why a register cannot be read at a revision at all. `message` says what is wrong (naming the
 * revision or folder), `hint` what to do. `git-failed` is git failing in a way crr does not
 * recognise (a damaged repository); `stderr` then holds what git said.
 */
export class GitError extends Error {
  override readonly name = 'GitError';
  readonly revision?: string;
  readonly folder?: string;
  readonly stderr?: string;
  constructor(
    readonly kind: GitErrorKind,
    message: string,
    readonly hint: string,
    context: { revision?: string; folder?: string; stderr?: string } = {},
  ) {
    super(message);
    if (context.revision !== undefined) this.revision = context.revision;
    if (context.folder !== undefined) this.folder = context.folder;
    if (context.stderr !== undefined) this.stderr = context.stderr;
  }
}

// ---------------------------------------------------------------------------------------------
// Running git
// ---------------------------------------------------------------------------------------------

/** Variables that would point git at another repository than the one holding the folder. */
const REPOSITORY_ENV = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
  'GIT_QUARANTINE_PATH',
];

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of REPOSITORY_ENV) delete env[name];
  delete env.LANGUAGE;
  return {
    ...env,
    GIT_OPTIONAL_LOCKS: '0',
    GIT_TERMINAL_PROMPT: '0',
    GIT_LITERAL_PATHSPECS: '1',
    GIT_NO_LAZY_FETCH: '1', // git ≥ 2.45; `protocol.allow=never` covers older versions
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    LC_ALL: 'C',
  };
}

const GLOBAL_ARGS = ['--no-pager', '-c', 'core.quotepath=off', '-c', 'protocol.allow=never'];

interface GitRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

function runGit(cwd: string, args: readonly string[], input?: string): Promise<GitRun> {
  return new Promise((done, fail) => {
    const child = spawn('git', [...GLOBAL_ARGS, ...args], {
      cwd,
      env: gitEnv(),
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') {
        fail(
          new GitError(
            'git-missing',
            'crr could not run git, which it needs to read a register at a revision: git is not installed, or not on the PATH.',
            'Install git (https://git-scm.com/downloads), or add the folder that holds it to the PATH.',
          ),
        );
      } else {
        fail(new GitError('git-failed', `crr could not run git (${e.code ?? e.message}).`, 'Check that git can be run from this folder.'));
      }
    });
    child.on('close', (code) => done({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    if (input !== undefined) {
      child.stdin!.on('error', () => undefined); // git may exit before reading all of it; `close` reports why
      child.stdin!.end(input);
    }
  });
}

/** Standard output as one line of text, without its final newline. */
const line = (run: GitRun) => run.stdout.toString('utf8').replace(/\r?\n$/, '');

/** The first line of what git said, for messages. */
const gitSaid = (run: GitRun) => run.stderr.split('\n').find((l) => l.trim() !== '')?.replace(/^(fatal|error): /, '') ?? `exit code ${run.code}`;

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** A failure no caller can do anything specific about, or one of the recognisable ones. */
function failure(run: GitRun, what: string, context: { revision?: string; folder?: string } = {}): GitError {
  if (/promisor remote|lazy fetch/i.test(run.stderr)) {
    const folder = context.folder ?? '.';
    return new GitError(
      'shallow',
      `This repository is a partial clone: the contents of \`${folder}\` at revision \`${context.revision ?? '?'}\` were never fetched, and crr does not fetch them (it never writes to the repository).`,
      `Fetch them once with \`git ls-tree -r --object-only ${context.revision ?? 'HEAD'} -- ${folder} | git cat-file --batch >/dev/null\`, or clone without \`--filter\` (in GitHub Actions, leave \`filter:\` out of \`actions/checkout\`).`,
      { ...context, stderr: run.stderr },
    );
  }
  return new GitError('git-failed', `git could not ${what}: ${gitSaid(run)}.`, 'Check the repository with `git fsck`, or run the same command again.', {
    ...context,
    stderr: run.stderr,
  });
}

// ---------------------------------------------------------------------------------------------
// Repository and revision
// ---------------------------------------------------------------------------------------------

function notARepository(run: GitRun, dir: string, shown: string): GitError {
  const dubious = /dubious ownership/.exec(run.stderr);
  if (dubious) {
    return new GitError(
      'not-a-repository',
      `git refuses to read the repository holding \`${shown}\`: it is owned by another user than the one running crr.`,
      `If you trust it, mark it safe with \`git config --global --add safe.directory <repository>\` (common in containers and CI); git's own message: ${gitSaid(run)}`,
      { folder: shown, stderr: run.stderr },
    );
  }
  if (/not a git repository|must be run in a work tree/.test(run.stderr)) {
    return new GitError(
      'not-a-repository',
      `\`${shown}\` is not inside a git work tree, so it cannot be read at a revision.`,
      `Run crr inside a clone of the repository that holds the register (looked from \`${dir}\`).`,
      { folder: shown, stderr: run.stderr },
    );
  }
  return failure(run, `find the repository holding \`${shown}\``, { folder: shown });
}

/** The top of the work tree holding `dir` (an existing folder), as git spells it. */
async function workTreeTop(dir: string, shown: string): Promise<string> {
  if (!isDirectory(dir)) {
    throw new GitError('not-a-repository', `\`${shown}\` is not an existing folder, so it is not inside a git work tree.`, 'Check the path.', {
      folder: shown,
    });
  }
  const run = await runGit(dir, ['rev-parse', '--show-toplevel']);
  if (run.code !== 0) throw notARepository(run, dir, shown);
  return line(run);
}

/** Whether `cwd` is inside a git work tree. Throws `GitError` (`git-missing`) only when git cannot be run. */
export async function isGitWorkTree(cwd: string): Promise<boolean> {
  if (!isDirectory(cwd)) return false;
  const run = await runGit(cwd, ['rev-parse', '--is-inside-work-tree']);
  return run.code === 0 && line(run) === 'true';
}

async function isShallow(top: string): Promise<boolean> {
  const run = await runGit(top, ['rev-parse', '--is-shallow-repository']);
  return run.code === 0 && line(run) === 'true';
}

/** The full sha of the commit `rev` names, in the repository at `top`. */
async function commitOf(top: string, rev: string, folder?: string): Promise<string> {
  // Nothing git accepts as a revision here starts with `-` (ref names cannot); refusing them
  // outright means no option can ever be smuggled in, whatever git version runs.
  if (rev !== '' && !rev.startsWith('-') && !rev.includes('\0')) {
    const verify = async (name: string) => {
      const run = await runGit(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', name]);
      // rev-parse learned `--end-of-options` in git 2.30; older versions refuse every name with
      // it. `name` cannot start with `-` here, so asking again without it is safe.
      return run.code === 0 ? run : runGit(top, ['rev-parse', '--verify', '--quiet', name]);
    };
    const isSha = (run: GitRun) => run.code === 0 && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(line(run));
    let run = await verify(`${rev}^{commit}`);
    // `:/text` (the newest commit whose message matches) takes everything after `:/` as the
    // pattern, `^{commit}` included: name the object first, then peel it.
    if (!isSha(run) && rev.startsWith(':/')) {
      const named = await verify(rev);
      if (isSha(named)) run = await verify(`${line(named)}^{commit}`);
    }
    if (isSha(run)) return line(run);
    if (/dubious ownership/.test(run.stderr)) throw notARepository(run, top, folder ?? top);
    if (rev !== '' && (await isShallow(top))) {
      throw new GitError(
        'shallow',
        `The revision \`${rev}\` is not in this repository, which is a shallow clone: its history stops before that revision, or the branch was not fetched.`,
        'Fetch the full history with `git fetch --unshallow` (in GitHub Actions, give `actions/checkout` `fetch-depth: 0`).',
        { revision: rev, ...(folder !== undefined ? { folder } : {}) },
      );
    }
  }
  throw new GitError(
    'unknown-revision',
    `The revision \`${rev}\` does not name a commit in this repository.`,
    'Check the name (a branch, tag or commit sha; `git log --oneline` lists commits), or `git fetch` it if it exists only on the remote.',
    { revision: rev, ...(folder !== undefined ? { folder } : {}) },
  );
}

/** The full sha of the commit `rev` names, in the repository holding `cwd`. */
export async function resolveRevision(cwd: string, rev: string): Promise<string> {
  const top = await workTreeTop(cwd, cwd);
  return commitOf(top, rev);
}

/**
 * The repository holding `folder` and the folder's path in it (`/`-separated, '' for the top).
 * The folder need not exist in the working tree (it may have been moved or deleted since the
 * revision): git is asked from its nearest existing ancestor.
 */
async function locate(cwd: string, folder: string): Promise<{ top: string; path: string }> {
  if (!isDirectory(cwd)) {
    throw new GitError('not-a-repository', `\`${cwd}\` is not an existing folder, so it is not inside a git work tree.`, 'Check the path.', { folder });
  }
  let dir = resolve(cwd, folder);
  const rest: string[] = [];
  while (!isDirectory(dir)) {
    const parent = dirname(dir);
    if (parent === dir) break;
    rest.unshift(basename(dir));
    dir = parent;
  }
  const top = await workTreeTop(dir, folder);
  const run = await runGit(dir, ['rev-parse', '--show-prefix']);
  if (run.code !== 0) throw notARepository(run, dir, folder);
  const prefix = line(run).split('/').filter((p) => p !== '');
  return { top, path: [...prefix, ...rest].join('/') };
}

// ---------------------------------------------------------------------------------------------
// Trees and blobs
// ---------------------------------------------------------------------------------------------

interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  size: number | undefined;
  /** Path from the top of the repository. */
  path: string;
}

/** `ls-tree -z -l` records: `<mode> <type> <sha> <size padded>\t<path>\0`. */
function parseLsTree(out: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
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

async function lsTree(top: string, commit: string, path: string, recursive: boolean, context: { revision: string; folder: string }): Promise<TreeEntry[]> {
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
async function catFiles(top: string, shas: readonly string[], context: { revision: string; folder: string }): Promise<Map<string, Buffer | undefined>> {
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
async function kindsAt(
  top: string,
  commit: string,
  paths: readonly string[],
  context: { revision: string; folder: string },
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

// ---------------------------------------------------------------------------------------------
// The register folder at a revision
// ---------------------------------------------------------------------------------------------

const isRegisterFile = (name: string) => /\.ya?ml$/i.test(name);
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const MAX_LINKS = 40; // as Linux's ELOOP
const MAX_LINK_BYTES = 4096; // a link's blob is its target path; anything longer is not a link git made

type NodeKind = 'folder' | 'file' | 'link' | 'other';
interface Node {
  name: string;
  kind: NodeKind;
  sha: string;
  size: number | undefined;
}

const kindOf = (e: TreeEntry): NodeKind =>
  e.mode === '040000' || e.type === 'tree' ? 'folder' : e.mode === '120000' ? 'link' : e.type === 'blob' ? 'file' : 'other'; // 160000: a submodule

/** Where a link leads: a node inside the register, nowhere, or out of the register folder. */
type Resolution =
  | { where: 'inside'; path: string; kind: NodeKind; node?: Node }
  | { where: 'broken' }
  | { where: 'outside'; repoPath?: string; abs: string };

/** Under the top of the work tree: the `/`-separated path from it, else undefined. */
function underTop(top: string, abs: string): string | undefined {
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
async function realFolderPath(top: string, commit: string, path: string, context: { revision: string; folder: string }): Promise<string | undefined> {
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

/**
 * The register folder `folder` (relative to `cwd`, or absolute; inside a git work tree) as it is
 * at revision `rev`, read by exactly the rules of `readRegisterFolder`: files sorted by path
 * (relative to the folder, with `/`), dot-entries and `node_modules` skipped, only `.yaml`/`.yml`
 * read, files over `MAX_FILE_BYTES` refused unread (CRR-E005), links out of the folder refused
 * (CRR-E007), broken links reported (CRR-E011). Blobs are the committed bytes (no checkout
 * filters or line-ending conversion).
 *
 * Throws `GitError` when the register cannot be read at all: git missing, no repository, an
 * unknown revision, a shallow (or partial) clone that lacks it, or no such folder at the revision.
 */
export async function readRegisterAtRevision(options: { cwd: string; rev: string; folder: string }): Promise<FolderRead> {
  try {
    return await readAtRevision(options);
  } catch (e) {
    if (e instanceof GitError && e.kind === 'git-missing') {
      const { rev, folder } = options;
      throw new GitError('git-missing', `crr could not run git to read \`${folder}\` at revision \`${rev}\`: git is not installed, or not on the PATH.`, e.hint, {
        revision: rev,
        folder,
      });
    }
    throw e;
  }
}

async function readAtRevision(options: { cwd: string; rev: string; folder: string }): Promise<FolderRead> {
  const { cwd, rev, folder } = options;
  const { top, path: asked } = await locate(cwd, folder);
  const shownFolder = asked === '' ? '.' : asked;
  const commit = await commitOf(top, rev, shownFolder);
  const context = { revision: rev, folder: shownFolder };
  const noRegister = () =>
    new GitError(
      'no-register',
      `The repository holds no folder \`${shownFolder}\` at revision \`${rev}\`${commit.startsWith(rev.toLowerCase()) ? '' : ` (commit ${commit.slice(0, 12)})`}.`,
      `Check the folder and the revision: \`git log --oneline -- ${shownFolder}\` lists the commits that changed it.`,
      context,
    );

  // The folder's blobs, listed in one go. A folder reached through a link is listed at its real path.
  const inFolder = (root: string) => (e: TreeEntry) => root === '' || e.path.startsWith(`${root}/`);
  let root = asked;
  let listing = await lsTree(top, commit, root, true, context);
  if (!listing.some(inFolder(root))) {
    const real = await realFolderPath(top, commit, asked, context);
    if (real === undefined || real === asked) throw noRegister();
    root = real;
    listing = await lsTree(top, commit, root, true, context);
    if (!listing.some(inFolder(root))) throw noRegister();
  }

  // Folders by path from the register folder ('' is the folder itself), each a map of its entries.
  const folders = new Map<string, Map<string, Node>>([['', new Map()]]);
  const skip = root === '' ? 0 : root.length + 1;
  for (const entry of listing) {
    if (!inFolder(root)(entry)) continue;
    const parts = entry.path.slice(skip).split('/');
    let dir = '';
    for (let i = 0; i < parts.length - 1; i++) {
      const name = parts[i]!;
      const sub = dir === '' ? name : `${dir}/${name}`;
      if (!folders.has(sub)) {
        folders.get(dir)!.set(name, { name, kind: 'folder', sha: '', size: undefined });
        folders.set(sub, new Map());
      }
      dir = sub;
    }
    const name = parts[parts.length - 1]!;
    folders.get(dir)!.set(name, { name, kind: kindOf(entry), sha: entry.sha, size: entry.size });
  }

  // Every link's target, read up front in one process (they are small, and resolving one link may need others).
  const linkShas: string[] = [];
  for (const entries of folders.values()) for (const n of entries.values()) if (n.kind === 'link' && (n.size ?? 0) <= MAX_LINK_BYTES) linkShas.push(n.sha);
  const linkBlobs = await catFiles(top, linkShas, context);
  const linkTarget = (n: Node) => ((n.size ?? 0) <= MAX_LINK_BYTES ? linkBlobs.get(n.sha)?.toString('utf8') : undefined);

  const rootParts = root === '' ? [] : root.split('/');
  const lookup = (rel: string): Node | undefined => {
    const i = rel.lastIndexOf('/');
    return folders.get(i < 0 ? '' : rel.slice(0, i))?.get(i < 0 ? rel : rel.slice(i + 1));
  };

  /**
   * As `realpath` would resolve the link in folder `dir` (a real path from the register folder):
   * inside the register, links are followed through the listing; outside it, the path is taken
   * as written (the rest of the tree is not listed).
   */
  function resolveLink(dir: string, target: string): Resolution {
    let at = [...rootParts, ...(dir === '' ? [] : dir.split('/'))];
    let queue = target.split('/');
    const leaveTop = (rest: string[]): Resolution => ({ where: 'outside', abs: resolve(top, ...at, ...rest) });
    const restart = (abs: string): Resolution | undefined => {
      const rel = underTop(top, abs);
      if (rel === undefined) return { where: 'outside', abs: resolve(abs, ...queue) };
      at = [];
      queue = [...rel.split('/'), ...queue];
      return undefined;
    };
    if (isAbsolute(target)) {
      queue = [];
      const r = restart(target);
      if (r) return r;
    }
    const within = () => at.length >= rootParts.length && rootParts.every((p, i) => at[i] === p);
    let hops = 1;
    while (queue.length > 0) {
      const part = queue.shift()!;
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (at.length === 0) return leaveTop(['..', ...queue]);
        at.pop();
        continue;
      }
      if (!within()) {
        at.push(part);
        continue;
      }
      const rel = at.slice(rootParts.length).join('/');
      const node = folders.get(rel)?.get(part);
      if (!node) return { where: 'broken' };
      if (node.kind === 'folder') at.push(part);
      else if (node.kind === 'link') {
        const next = linkTarget(node);
        if (next === undefined || ++hops > MAX_LINKS) return { where: 'broken' };
        if (isAbsolute(next)) {
          const r = restart(next);
          if (r) return r;
        } else queue = [...next.split('/'), ...queue];
      } else {
        if (queue.length > 0) return { where: 'broken' }; // a path through a file (ENOTDIR), or into a submodule
        at.push(part);
      }
    }
    if (!within()) return { where: 'outside', repoPath: at.join('/'), abs: join(top, ...at) };
    const path = at.slice(rootParts.length).join('/');
    if (path === '') return { where: 'inside', path, kind: 'folder' };
    const node = lookup(path);
    return node ? { where: 'inside', path, kind: node.kind, node } : { where: 'broken' };
  }

  // Walk as the folder reader does, recording what to report and what to read, in order.
  type Step =
    | { kind: 'problem'; diagnostic: Diagnostic }
    | { kind: 'read'; file: string; sha: string }
    | { kind: 'outside'; file: string; name: string; to: { repoPath?: string; abs: string } };
  const steps: Step[] = [];
  const problem = (def: (typeof loadCodes)[keyof typeof loadCodes], file: string, message: string, hint: string): Diagnostic => ({
    code: def.code,
    severity: def.severity,
    rule: def.name,
    file,
    message,
    hint,
  });
  const report = (diagnostic: Diagnostic) => steps.push({ kind: 'problem', diagnostic });

  /** The first YAML file under a skipped folder, found as the folder reader finds it (see `skipped-folder.ts`). */
  const firstYamlIn = (real: string, shown: string): string | undefined => {
    let budget = YAML_SEARCH_LIMIT;
    const stack: [string, string][] = [[real, shown]];
    while (stack.length) {
      const [r, s] = stack.pop()!;
      const list = [...(folders.get(r)?.values() ?? [])].sort((a, b) => byName(a.name, b.name));
      const subs: [string, string][] = [];
      for (const e of list) {
        if (--budget < 0) return undefined;
        if (e.kind === 'file' && isRegisterFile(e.name)) return `${s}/${e.name}`;
        if (e.kind === 'folder') subs.push([`${r}/${e.name}`, `${s}/${e.name}`]);
      }
      for (let i = subs.length - 1; i >= 0; i--) stack.push(subs[i]!);
    }
    return undefined;
  };
  const seenFolders = new Set<string>();

  function walk(shown: string, real: string): void {
    if (seenFolders.has(real)) return; // a link back into a folder already read
    seenFolders.add(real);
    const entries = [...(folders.get(real)?.values() ?? [])].sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      const file = shown === '' ? entry.name : `${shown}/${entry.name}`;
      if (isSkipped(entry.name)) {
        // As the folder reader: a skipped folder is reported when someone could take it for part of the register.
        const policy = entry.kind === 'folder' ? skippedFolderPolicy(entry.name) : 'silent';
        const inner = real === '' ? entry.name : `${real}/${entry.name}`;
        const yaml = policy === 'report-if-yaml' ? firstYamlIn(inner, file) : undefined;
        if (policy === 'report' || yaml !== undefined) report(skippedFolderDiagnostic(file, yaml));
        continue;
      }
      let target: Node | undefined = entry;
      let targetReal = real === '' ? entry.name : `${real}/${entry.name}`;
      let kind = entry.kind;
      if (entry.kind === 'link') {
        const to = linkTarget(entry);
        const resolved: Resolution = to === undefined ? { where: 'broken' } : resolveLink(real, to);
        if (resolved.where === 'broken') {
          if (isRegisterFile(entry.name))
            report(problem(loadCodes.unreadable, file, 'This symbolic link is broken: its target does not exist.', 'Remove the link or restore its target.'));
          continue;
        }
        if (resolved.where === 'outside') {
          steps.push({ kind: 'outside', file, name: entry.name, to: resolved });
          continue;
        }
        target = resolved.node;
        targetReal = resolved.path;
        kind = resolved.kind;
      }
      if (kind === 'folder') {
        walk(file, targetReal);
      } else if (kind === 'file' && target && isRegisterFile(entry.name)) {
        const size = target.size ?? 0;
        if (size > MAX_FILE_BYTES) {
          report(
            problem(
              loadCodes.fileTooLarge,
              file,
              `This file is ${(size / 1024 / 1024).toFixed(1)} MiB; register files may be at most ${MAX_FILE_BYTES / 1024 / 1024} MiB, so it was not read.`,
              'Split the register into several smaller files, or move this file out of the register folder.',
            ),
          );
          continue;
        }
        steps.push({ kind: 'read', file, sha: target.sha });
      }
    }
  }
  walk('', '');

  // Links out of the folder: what they lead to decides whether they matter (as in the folder reader).
  const outside = steps.filter((s): s is Extract<Step, { kind: 'outside' }> => s.kind === 'outside');
  const inRepo = outside.flatMap((s) => (s.to.repoPath !== undefined ? [s.to.repoPath] : []));
  const kinds = await kindsAt(top, commit, inRepo, context);
  const outsideKind = (to: { repoPath?: string; abs: string }) => {
    if (to.repoPath !== undefined) return kinds.get(to.repoPath) ?? 'other';
    try {
      return statSync(to.abs).isDirectory() ? 'folder' : 'other'; // beyond the repository: as on disk
    } catch {
      return 'missing';
    }
  };

  const blobs = await catFiles(
    top,
    steps.flatMap((s) => (s.kind === 'read' ? [s.sha] : [])),
    context,
  );

  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const step of steps) {
    if (step.kind === 'problem') diagnostics.push(step.diagnostic);
    else if (step.kind === 'read') {
      const bytes = blobs.get(step.sha);
      if (bytes) files.push({ path: step.file, bytes });
      else
        diagnostics.push(
          problem(loadCodes.unreadable, step.file, 'The file could not be read (its object is missing from the repository).', 'Check the repository with `git fsck`.'),
        );
    } else {
      const kind = outsideKind(step.to);
      if (kind === 'missing') {
        if (isRegisterFile(step.name))
          diagnostics.push(
            problem(loadCodes.unreadable, step.file, 'This symbolic link is broken: its target does not exist.', 'Remove the link or restore its target.'),
          );
        continue;
      }
      if (kind !== 'folder' && !isRegisterFile(step.name)) continue;
      diagnostics.push(
        problem(
          loadCodes.outsideFolder,
          step.file,
          `This symbolic link leads out of the register folder, to ${step.to.abs}, so it was not read.`,
          'Copy the file into the register folder, or remove the link.',
        ),
      );
    }
  }
  files.sort((a, b) => byName(a.path, b.path));
  return { files, diagnostics };
}

// ---------------------------------------------------------------------------------------------
// One file of the register folder at a revision
// ---------------------------------------------------------------------------------------------

/**
 * What `readFileAtRevision` found. `not-a-file` names the first path (from the register folder)
 * that is not what it should be: a symbolic link, a folder, a submodule where a file or a folder
 * was expected.
 */
export type FileAtRevision =
  | { kind: 'file'; bytes: Buffer; size: number }
  | { kind: 'missing' }
  | { kind: 'not-a-file'; path: string; what: 'link' | 'folder' | 'submodule' | 'file' | 'other' }
  | { kind: 'too-large'; size: number };

const REGULAR_FILE_MODES = new Set(['100644', '100755']);

/**
 * One file of the register folder `folder` at revision `rev` (`file` is `/`-separated, from the
 * register folder, e.g. `.crr/diff.md.hbs`), as the committed blob: never from the working tree.
 *
 * Only a regular file (mode 100644, or 100755: the executable bit changes nothing for data) is
 * read, and only when every folder on the way to it is a real folder: a symbolic link (120000),
 * a submodule (160000) or a tree there is refused (`not-a-file`), so a committed link to
 * `/etc/passwd` or into another part of the repository is never followed. A blob larger than
 * `maxBytes` is refused without being read (its size comes from the tree). The register folder's
 * own path is resolved as `readRegisterAtRevision` resolves it.
 *
 * Throws `GitError` as `readRegisterAtRevision` does when the revision cannot be read at all.
 */
export async function readFileAtRevision(options: { cwd: string; rev: string; folder: string; file: string; maxBytes: number }): Promise<FileAtRevision> {
  const { cwd, rev, folder, file, maxBytes } = options;
  const { top, path: asked } = await locate(cwd, folder);
  const shownFolder = asked === '' ? '.' : asked;
  const commit = await commitOf(top, rev, shownFolder);
  const context = { revision: rev, folder: shownFolder };
  const root = await realFolderPath(top, commit, asked, context);
  if (root === undefined) return { kind: 'missing' };
  const parts = file.split('/').filter((p) => p !== '' && p !== '.');
  // `..` or a newline could name something outside the folder, or confuse git's line protocol.
  if (parts.length === 0 || parts.some((p) => p === '..' || p.includes('\n') || p.includes('\0'))) return { kind: 'missing' };
  // Every step of the path, in one `ls-tree` with a pathspec per step. git descends only into
  // trees (never through a link or into a submodule) and then lists what it found below, not the
  // tree itself: a step that is not listed while a deeper one is, is a folder.
  const steps = parts.map((_, i) => [...(root === '' ? [] : [root]), ...parts.slice(0, i + 1)].join('/'));
  const run = await runGit(top, ['ls-tree', '-z', '-l', '--full-tree', commit, '--', ...steps]);
  if (run.code !== 0) throw failure(run, `list revision \`${context.revision}\``, context);
  const listed = new Map(parseLsTree(run.stdout).map((e) => [e.path, e]));
  for (let i = 0; i < parts.length; i++) {
    const entry = listed.get(steps[i]!);
    if (!entry) {
      if (steps.slice(i + 1).some((p) => listed.has(p))) continue;
      return { kind: 'missing' };
    }
    const kind = kindOf(entry);
    const shown = parts.slice(0, i + 1).join('/');
    const what = kind === 'link' ? 'link' : kind === 'folder' ? 'folder' : entry.mode === '160000' ? 'submodule' : kind === 'file' ? 'file' : 'other';
    if (i < parts.length - 1) {
      if (kind !== 'folder') return { kind: 'not-a-file', path: shown, what };
      continue;
    }
    if (entry.type !== 'blob' || !REGULAR_FILE_MODES.has(entry.mode)) return { kind: 'not-a-file', path: shown, what };
    const size = entry.size ?? Infinity;
    if (size > maxBytes) return { kind: 'too-large', size };
    const bytes = (await catFiles(top, [entry.sha], context)).get(entry.sha);
    if (bytes === undefined) return { kind: 'missing' };
    return { kind: 'file', bytes, size: bytes.length };
  }
  return { kind: 'missing' };
}
