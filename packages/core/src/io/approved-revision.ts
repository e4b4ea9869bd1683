import { readRegisterAtRevision } from './git.js';
import { GitError, runGit } from './git-run.js';
import { isGitWorkTree, locate } from './git-revision.js';
import type { FolderRead } from './walk-register.js';

/**
 * The git edge of document control: the newest commit at which a register folder held the
 * content an approval names, so that the report can say what changed since. Reads only.
 */

/**
 * How many commits that changed the register are read, newest first, before the search stops: a
 * register approved long ago would otherwise have its whole history read on every build. 200
 * commits is years of a register's changes.
 */
export const APPROVAL_SEARCH_LIMIT = 200;

export type ApprovedRevision =
  /** `read` is the register folder at `commit` (full sha), committed on `date` (`YYYY-MM-DD`). */
  | { kind: 'found'; commit: string; date: string; read: FolderRead }
  /** The folder is not in a git work tree, or git cannot be run. */
  | { kind: 'no-git'; why: 'not-a-repository' | 'git-missing' }
  /** `searched` commits that changed the folder were read, none the approved content; `limit` was the bound. */
  | { kind: 'not-found'; searched: number; limit: number; shallow: boolean };

/**
 * Walk the commits that changed `folder` (relative to `cwd`), newest first, at most `limit` of
 * them, and return the first whose register `isApproved` says is the approved content. Commits
 * that did not change the folder hold the content of the one before, so they need no reading.
 * A commit whose register cannot be read is passed over.
 */
export async function findApprovedRevision(options: {
  cwd: string;
  folder: string;
  isApproved: (read: FolderRead) => boolean;
  limit?: number;
}): Promise<ApprovedRevision> {
  const { cwd, folder, isApproved } = options;
  const limit = options.limit ?? APPROVAL_SEARCH_LIMIT;
  try {
    if (!(await isGitWorkTree(cwd))) return { kind: 'no-git', why: 'not-a-repository' };
    const { top, path } = await locate(cwd, folder);
    const run = await runGit(top, ['log', '--format=%H %cs', `--max-count=${limit}`, 'HEAD', '--', path === '' ? '.' : path]);
    // No commit yet (a new repository), or HEAD unborn: nothing to search.
    const commits = run.code === 0 ? run.stdout.toString('utf8').split('\n').filter((l) => /^[0-9a-f]{40,64} \d{4}-\d{2}-\d{2}$/.test(l)) : [];
    for (const entry of commits) {
      const [commit, date] = entry.split(' ') as [string, string];
      let read: FolderRead;
      try {
        read = await readRegisterAtRevision({ cwd, rev: commit, folder });
      } catch (e) {
        if (e instanceof GitError && e.kind !== 'git-missing') continue;
        throw e;
      }
      if (isApproved(read)) return { kind: 'found', commit, date, read };
    }
    const shallowRun = await runGit(top, ['rev-parse', '--is-shallow-repository']);
    return { kind: 'not-found', searched: commits.length, limit, shallow: shallowRun.code === 0 && shallowRun.stdout.toString('utf8').trim() === 'true' };
  } catch (e) {
    if (e instanceof GitError && e.kind === 'git-missing') return { kind: 'no-git', why: 'git-missing' };
    if (e instanceof GitError && e.kind === 'not-a-repository') return { kind: 'no-git', why: 'not-a-repository' };
    throw e;
  }
}
