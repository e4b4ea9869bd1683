import { catFiles, kindOf, lsTree, parseLsTree, realFolderPath, type GitEntry } from './git-objects.js';
import { failure, GitError, runGit } from './git-run.js';
import { commitOf, locate } from './git-revision.js';
import { gitTree } from './git-tree.js';
import { walkRegister, type FolderRead } from './walk-register.js';

export { GitError, type GitErrorKind } from './git-run.js';
export { isGitWorkTree, resolveRevision } from './git-revision.js';

/**
 * The git edge: a register folder at a revision becomes the same `FolderRead` that
 * `readRegisterFolder` makes of the checked-out folder, by the same walk over a git tree
 * (`git-tree.ts`), and one file of it becomes its committed bytes. It only reads (`git-run.ts`).
 */

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
  const inFolder = (root: string) => (e: GitEntry) => root === '' || e.path.startsWith(`${root}/`);
  let root = asked;
  let listing = await lsTree(top, commit, root, true, context);
  if (!listing.some(inFolder(root))) {
    const real = await realFolderPath(top, commit, asked, context);
    if (real === undefined || real === asked) throw noRegister();
    root = real;
    listing = await lsTree(top, commit, root, true, context);
    if (!listing.some(inFolder(root))) throw noRegister();
  }

  const tree = await gitTree({ top, commit, root, listing, context });
  return walkRegister(tree);
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
