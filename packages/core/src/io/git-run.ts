import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';

/**
 * Running git, read-only: without a shell, with argument arrays, `GIT_OPTIONAL_LOCKS=0` (so not
 * even the index's stat cache is refreshed) and `protocol.allow=never` (so a partial clone cannot
 * fetch missing objects into `.git/objects`); and the one error type for a register that cannot
 * be read at a revision.
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

export interface GitRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export function runGit(cwd: string, args: readonly string[], input?: string): Promise<GitRun> {
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
export const line = (run: GitRun) => run.stdout.toString('utf8').replace(/\r?\n$/, '');

/** The first line of what git said, for messages. */
export const gitSaid = (run: GitRun) => run.stderr.split('\n').find((l) => l.trim() !== '')?.replace(/^(fatal|error): /, '') ?? `exit code ${run.code}`;

export const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** A failure no caller can do anything specific about, or one of the recognisable ones. */
export function failure(run: GitRun, what: string, context: { revision?: string; folder?: string } = {}): GitError {
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

/** Which revision and folder an operation concerns, for messages. */
export interface GitContext {
  revision: string;
  folder: string;
}
