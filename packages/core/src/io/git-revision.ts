import { basename, dirname, resolve } from 'node:path';
import { failure, gitSaid, GitError, isDirectory, line, runGit, type GitRun } from './git-run.js';

/**
 * Which repository holds a register folder, and which commit a revision names. Revisions that
 * look like options are refused before git sees them, and `--end-of-options` keeps user input as
 * data.
 */

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
export async function commitOf(top: string, rev: string, folder?: string): Promise<string> {
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
export async function locate(cwd: string, folder: string): Promise<{ top: string; path: string }> {
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