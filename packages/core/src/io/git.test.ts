/**
 * The git edge, against real repositories made in temporary folders with real `git`.
 *
 * Every repository a test reads is watched: after the test, `git status --porcelain` must be
 * empty and `.git/index`'s mtime, the files under `.git/refs` and `.git/objects`, `HEAD`,
 * `packed-refs` and `shallow` must be as they were before crr read it.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadRegister } from '../load/load-register.js';
import { GitError, isGitWorkTree, readFileAtRevision, readRegisterAtRevision, resolveRevision } from './git.js';
import { MAX_FILE_BYTES, readRegisterFolder, type FolderRead } from './read-folder.js';

// Every process crr starts: its arguments, options, what it was given on stdin and how much it wrote.
interface Spawned {
  command: string;
  args: string[];
  options: { shell?: unknown; env?: NodeJS.ProcessEnv; cwd?: string };
  input?: string;
  stdoutBytes: number;
}
const spawned = vi.hoisted(() => ({ calls: [] as Spawned[] }));
vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:child_process')>();
  const spawn = ((command: string, args: string[], options: Spawned['options']) => {
    const child = (actual.spawn as (...a: unknown[]) => import('node:child_process').ChildProcess)(command, args, options);
    const call: Spawned = { command, args: [...args], options, stdoutBytes: 0 };
    spawned.calls.push(call);
    child.stdout?.on('data', (chunk: Buffer) => (call.stdoutBytes += chunk.length));
    const stdin = child.stdin;
    if (stdin) {
      const end = stdin.end.bind(stdin) as (...a: unknown[]) => unknown;
      stdin.end = ((...a: unknown[]) => {
        if (typeof a[0] === 'string') call.input = a[0];
        return end(...a);
      }) as typeof stdin.end;
    }
    return child;
  }) as unknown as typeof actual.spawn;
  return { ...actual, spawn, default: { ...actual, spawn } };
});

const HERE = dirname(fileURLToPath(import.meta.url));
const EXAMPLE = resolve(HERE, '../../../../registers/example-icb');
const MiB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Temporary repositories, made with real git and none of the user's configuration
// ---------------------------------------------------------------------------------------------

const REPOSITORY_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE', 'GIT_PREFIX'];
function testEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of REPOSITORY_ENV) delete env[name];
  return {
    ...env,
    GIT_CONFIG_GLOBAL: devNull,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...extra,
  };
}
function git(cwd: string, args: string[], extra: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'core.autocrlf=false', '-c', 'commit.gpgsign=false', '-c', 'safe.directory=*', ...args], {
    cwd,
    env: testEnv(extra),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

// crr itself runs git with the environment it is given: here, without the user's or the system's
// configuration, so that the results do not depend on the machine (the files are not touched).
const savedEnv = { GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM };
beforeAll(() => {
  process.env.GIT_CONFIG_GLOBAL = devNull;
  process.env.GIT_CONFIG_NOSYSTEM = '1';
});
afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const temps: string[] = [];
function tempDir(prefix = 'crr-git-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

type Content = string | Uint8Array | { link: string } | { sparse: number } | null;
/** Write files (text, bytes, a symbolic link, a sparse file of a size), or delete them (`null`). */
function write(dir: string, tree: Record<string, Content>): void {
  for (const [path, content] of Object.entries(tree)) {
    const full = join(dir, path);
    if (content === null) {
      rmSync(full, { recursive: true, force: true });
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    rmSync(full, { force: true });
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(full, content);
    else if ('link' in content) symlinkSync(content.link, full);
    else {
      writeFileSync(full, '');
      truncateSync(full, content.sparse);
    }
  }
}
function commit(repo: string, tree: Record<string, Content>, message: string): string {
  write(repo, tree);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '--allow-empty', '-m', message]);
  return git(repo, ['rev-parse', 'HEAD']).trim();
}
function newRepo(tree: Record<string, Content> = {}): string {
  const repo = tempDir('crr-repo-');
  git(repo, ['init', '-q']);
  if (Object.keys(tree).length > 0) commit(repo, tree, 'first');
  return repo;
}

// ---------------------------------------------------------------------------------------------
// The repository must be exactly as it was
// ---------------------------------------------------------------------------------------------

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => !d.isDirectory())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}
const maybeRead = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
function snapshot(repo: string) {
  const dotGit = join(repo, '.git');
  return {
    // The check itself must not refresh the index.
    status: git(repo, ['status', '--porcelain', '--untracked-files=all'], { GIT_OPTIONAL_LOCKS: '0' }),
    indexMtime: existsSync(join(dotGit, 'index')) ? statSync(join(dotGit, 'index')).mtimeMs : undefined,
    refs: filesUnder(join(dotGit, 'refs')),
    objects: filesUnder(join(dotGit, 'objects')),
    head: maybeRead(join(dotGit, 'HEAD')),
    packedRefs: maybeRead(join(dotGit, 'packed-refs')),
    shallow: maybeRead(join(dotGit, 'shallow')),
    locks: filesUnder(dotGit).filter((f) => f.endsWith('.lock')),
  };
}
const watched = new Map<string, ReturnType<typeof snapshot>>();
/** Watch a repository from now on: it must be clean and unchanged at the end of the test. */
function watch(repo: string): string {
  watched.set(repo, snapshot(repo));
  return repo;
}
beforeEach(() => {
  spawned.calls.length = 0;
});
afterEach(() => {
  for (const [repo, before] of watched) {
    const after = snapshot(repo);
    expect(after, `repository ${repo} changed`).toEqual(before);
    expect(after.status, `repository ${repo} is not clean`).toBe('');
  }
  watched.clear();
});

// ---------------------------------------------------------------------------------------------
// Helpers for the assertions
// ---------------------------------------------------------------------------------------------

const text = (read: FolderRead) => Object.fromEntries(read.files.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')]));
async function gitError(promise: Promise<unknown>): Promise<GitError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(GitError);
    return e as GitError;
  }
  throw new Error('expected a GitError');
}
/** What the folder reader makes of the checked-out folder equals what git makes of HEAD. */
async function expectSameAsCheckout(repo: string, folder: string): Promise<FolderRead> {
  const onDisk = await readRegisterFolder(join(repo, folder));
  const atHead = await readRegisterAtRevision({ cwd: repo, rev: 'HEAD', folder });
  expect(atHead.files.map((f) => f.path)).toEqual(onDisk.files.map((f) => f.path));
  expect(atHead).toEqual(onDisk);
  for (const [i, f] of atHead.files.entries()) expect(Buffer.from(f.bytes).equals(Buffer.from(onDisk.files[i]!.bytes))).toBe(true);
  return atHead;
}

const MANIFEST = 'register:\n  id: test\n  title: Test\n';

// ---------------------------------------------------------------------------------------------

describe('readRegisterAtRevision', () => {
  it('reads HEAD exactly as the folder reader reads the checked-out folder (example register)', async () => {
    const repo = newRepo();
    cpSync(EXAMPLE, join(repo, 'registers/example-icb'), { recursive: true });
    write(repo, {
      'registers/example-icb/extra/Upper.YAML': 'sites: []\n',
      'registers/example-icb/extra/short.yml': 'assets: []\n',
      'registers/example-icb/extra/notes.txt': 'not read\n',
      'registers/example-icb/extra/empty.yaml': '',
      'registers/example-icb/Zed.yaml': 'hazards: []\n',
      'registers/example-icb/ünïcödé name.yaml': 'hazards: []\n',
    });
    commit(repo, {}, 'example');
    watch(repo);
    const read = await expectSameAsCheckout(repo, 'registers/example-icb');
    expect(read.files.length).toBeGreaterThan(10);
    expect(read.files.map((f) => f.path)).toContain('ünïcödé name.yaml');
    expect(read.files.map((f) => f.path)).not.toContain('extra/notes.txt');
    expect(read.diagnostics).toEqual([]);
  });

  it('reads an older commit, where a file differed or did not exist yet', async () => {
    const repo = newRepo({ 'reg/register.yaml': MANIFEST, 'reg/hazards.yaml': 'hazards: [one]\n', 'reg/gone.yaml': 'sites: []\n' });
    const first = git(repo, ['rev-parse', 'HEAD']).trim();
    git(repo, ['tag', 'v1']);
    commit(repo, { 'reg/hazards.yaml': 'hazards: [one, two]\n', 'reg/new.yaml': 'assets: []\n', 'reg/gone.yaml': null }, 'second');
    watch(repo);
    const expected = { 'gone.yaml': 'sites: []\n', 'hazards.yaml': 'hazards: [one]\n', 'register.yaml': MANIFEST };
    for (const rev of ['HEAD~1', first, first.slice(0, 7), 'v1', 'main~1', 'HEAD^']) {
      const read = await readRegisterAtRevision({ cwd: repo, rev, folder: 'reg' });
      expect(text(read), rev).toEqual(expected);
    }
    expect(text(await readRegisterAtRevision({ cwd: repo, rev: 'main', folder: 'reg' }))).toEqual({
      'hazards.yaml': 'hazards: [one, two]\n',
      'new.yaml': 'assets: []\n',
      'register.yaml': MANIFEST,
    });
  });

  it('finds a register in a subfolder while cwd is elsewhere in the repository', async () => {
    const repo = newRepo({ 'registers/kent/register.yaml': MANIFEST, 'registers/kent/sites/a.yaml': 'sites: []\n', 'docs/readme.md': '# hi\n' });
    watch(repo);
    const want = { 'register.yaml': MANIFEST, 'sites/a.yaml': 'sites: []\n' };
    expect(text(await readRegisterAtRevision({ cwd: join(repo, 'docs'), rev: 'HEAD', folder: '../registers/kent' }))).toEqual(want);
    expect(text(await readRegisterAtRevision({ cwd: join(repo, 'registers/kent/sites'), rev: 'HEAD', folder: '..' }))).toEqual(want);
    expect(text(await readRegisterAtRevision({ cwd: join(repo, 'registers/kent'), rev: 'HEAD', folder: '.' }))).toEqual(want);
    expect(text(await readRegisterAtRevision({ cwd: join(repo, 'registers'), rev: 'HEAD', folder: 'kent/sites' }))).toEqual({ 'a.yaml': 'sites: []\n' });
  });

  it('takes the folder given absolute, whatever cwd is (even outside any repository)', async () => {
    const repo = newRepo({ 'registers/kent/register.yaml': MANIFEST });
    watch(repo);
    const elsewhere = tempDir();
    const read = await readRegisterAtRevision({ cwd: elsewhere, rev: 'HEAD', folder: join(repo, 'registers/kent') });
    expect(text(read)).toEqual({ 'register.yaml': MANIFEST });
  });

  it('reads the whole repository when the register is its top folder', async () => {
    const repo = newRepo({ 'register.yaml': MANIFEST, 'sites/a.yaml': 'sites: []\n', '.github/workflows/ci.yml': 'on: push\n', 'README.md': 'hi\n' });
    watch(repo);
    expect(text(await readRegisterAtRevision({ cwd: repo, rev: 'HEAD', folder: '.' }))).toEqual({ 'register.yaml': MANIFEST, 'sites/a.yaml': 'sites: []\n' });
    await expectSameAsCheckout(repo, '.');
  });

  it('reads a folder that no longer exists in the working tree, at a revision that has it', async () => {
    const repo = newRepo({ 'registers/old/register.yaml': MANIFEST });
    const before = git(repo, ['rev-parse', 'HEAD']).trim();
    commit(repo, { 'registers/old': null, 'registers/new/register.yaml': MANIFEST }, 'moved');
    watch(repo);
    expect(existsSync(join(repo, 'registers/old'))).toBe(false);
    expect(text(await readRegisterAtRevision({ cwd: repo, rev: before, folder: 'registers/old' }))).toEqual({ 'register.yaml': MANIFEST });
    const e = await gitError(readRegisterAtRevision({ cwd: repo, rev: 'HEAD', folder: 'registers/old' }));
    expect(e.kind).toBe('no-register');
  });

  it('does not see working-tree changes, staged or not, at HEAD', async () => {
    const repo = newRepo({ 'reg/register.yaml': MANIFEST, 'reg/a.yaml': 'sites: []\n', 'reg/b.yaml': 'assets: []\n' });
    write(repo, { 'reg/a.yaml': 'sites: [changed]\n', 'reg/b.yaml': 'assets: [staged]\n', 'reg/untracked.yaml': 'hazards: []\n', 'reg/register.yaml': null });
    git(repo, ['add', 'reg/b.yaml']);
    const before = snapshot(repo);
    expect(before.status).not.toBe('');
    const read = await readRegisterAtRevision({ cwd: repo, rev: 'HEAD', folder: 'reg' });
    expect(text(read)).toEqual({ 'a.yaml': 'sites: []\n', 'b.yaml': 'assets: []\n', 'register.yaml': MANIFEST });
    expect(snapshot(repo)).toEqual(before); // still dirty, exactly as it was
    git(repo, ['reset', '-q', '--hard']);
    rmSync(join(repo, 'reg/untracked.yaml'));
    watch(repo);
  });

  it('refuses an unknown revision', async () => {
    const repo = watch(newRepo({ 'reg/register.yaml': MANIFEST }));
    for (const rev of ['no-such-branch', '0123456789abcdef0123456789abcdef01234567', 'HEAD~5', 'HEAD:reg', 'HEAD@{99}', '', 'a\0b']) {
      const e = await gitError(readRegisterAtRevision({ cwd: repo, rev, folder: 'reg' }));
      expect(e.kind, JSON.stringify(rev)).toBe('unknown-revision');
      expect(e.message).toBe(`The revision \`${rev}\` does not name a commit in this repository.`);
      expect(e.hint).toMatch(/git fetch/);
      expect(e.revision).toBe(rev);
    }
    expect((await gitError(resolveRevision(repo, 'nope'))).kind).toBe('unknown-revision');
  });

  it('refuses a revision that looks like an option, without running it as one', async () => {
    const repo = watch(newRepo({ 'reg/register.yaml': MANIFEST }));
    const out = join(tempDir(), 'written-by-git');
    for (const rev of [`--output=${out}`, '--output=x', '-p', '--end-of-options', '--all', '-', '--git-dir=/tmp']) {
      const e = await gitError(readRegisterAtRevision({ cwd: repo, rev, folder: 'reg' }));
      expect(e.kind, rev).toBe('unknown-revision');
      expect((await gitError(resolveRevision(repo, rev))).kind).toBe('unknown-revision');
    }
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(repo, 'x'))).toBe(false);
    // No git process ever received one as an argument.
    for (const call of spawned.calls) expect(call.args.some((a) => a.startsWith('--output') || a === '-p' || a === '--all')).toBe(false);
  });

  it('refuses a folder that is not in a git work tree', async () => {
    const plain = tempDir();
    write(plain, { 'reg/register.yaml': MANIFEST });
    let e = await gitError(readRegisterAtRevision({ cwd: plain, rev: 'HEAD', folder: 'reg' }));
    expect(e.kind).toBe('not-a-repository');
    expect(e.message).toBe('`reg` is not inside a git work tree, so it cannot be read at a revision.');
    expect(e.hint).toMatch(/clone/);
    e = await gitError(readRegisterAtRevision({ cwd: join(plain, 'missing'), rev: 'HEAD', folder: 'reg' }));
    expect(e.kind).toBe('not-a-repository');
    const repo = watch(newRepo({ 'reg/register.yaml': MANIFEST }));
    e = await gitError(readRegisterAtRevision({ cwd: join(repo, '.git'), rev: 'HEAD', folder: '.' }));
    expect(e.kind).toBe('not-a-repository');
    expect((await gitError(resolveRevision(plain, 'HEAD'))).kind).toBe('not-a-repository');
  });

  it('explains a revision missing from a shallow clone', async () => {
    const origin = newRepo({ 'reg/register.yaml': MANIFEST, 'reg/a.yaml': 'sites: [old]\n' });
    const older = git(origin, ['rev-parse', 'HEAD']).trim();
    commit(origin, { 'reg/a.yaml': 'sites: [new]\n' }, 'second');
    const clones = tempDir();
    git(clones, ['clone', '-q', '--depth', '1', `file://${origin}`, 'shallow']);
    const shallow = join(clones, 'shallow');
    watch(origin);
    watch(shallow);
    expect(text(await readRegisterAtRevision({ cwd: shallow, rev: 'HEAD', folder: 'reg' }))['a.yaml']).toBe('sites: [new]\n');
    for (const rev of [older, 'HEAD~1', 'no-such-branch']) {
      const e = await gitError(readRegisterAtRevision({ cwd: shallow, rev, folder: 'reg' }));
      expect(e.kind, rev).toBe('shallow');
      expect(e.message).toContain(`\`${rev}\``);
      expect(e.message).toContain('shallow clone');
      expect(e.hint).toContain('git fetch --unshallow');
      expect(e.hint).toContain('fetch-depth: 0');
    }
    // The full clone knows it.
    expect(text(await readRegisterAtRevision({ cwd: origin, rev: older, folder: 'reg' }))['a.yaml']).toBe('sites: [old]\n');
  });

  it('does not fetch missing blobs into a partial clone', async () => {
    const origin = newRepo({ 'reg/register.yaml': MANIFEST, 'reg/a.yaml': 'sites: [old]\n' });
    const older = git(origin, ['rev-parse', 'HEAD']).trim();
    commit(origin, { 'reg/a.yaml': 'sites: [new]\n' }, 'second');
    git(origin, ['config', 'uploadpack.allowFilter', 'true']);
    const clones = tempDir();
    git(clones, ['clone', '-q', '--filter=blob:none', `file://${origin}`, 'partial']);
    const partial = watch(join(clones, 'partial'));
    watch(origin);
    expect(text(await readRegisterAtRevision({ cwd: partial, rev: 'HEAD', folder: 'reg' }))['a.yaml']).toBe('sites: [new]\n');
    const e = await gitError(readRegisterAtRevision({ cwd: partial, rev: older, folder: 'reg' }));
    expect(e.kind).toBe('shallow');
    expect(e.message).toContain('partial clone');
    expect(e.hint).toContain('--filter');
  });

  it('says when the folder is absent at the revision', async () => {
    const repo = newRepo({ 'README.md': 'hi\n' });
    const before = git(repo, ['rev-parse', 'HEAD']).trim();
    commit(repo, { 'registers/x/register.yaml': MANIFEST, 'registers/file': 'a file\n' }, 'add register');
    watch(repo);
    let e = await gitError(readRegisterAtRevision({ cwd: repo, rev: before, folder: 'registers/x' }));
    expect(e.kind).toBe('no-register');
    expect(e.message).toBe(`The repository holds no folder \`registers/x\` at revision \`${before}\`.`);
    expect(e.hint).toContain('git log --oneline -- registers/x');
    e = await gitError(readRegisterAtRevision({ cwd: repo, rev: 'HEAD~1', folder: join(repo, 'registers/x') }));
    expect(e.message).toBe(`The repository holds no folder \`registers/x\` at revision \`HEAD~1\` (commit ${before.slice(0, 12)}).`);
    for (const folder of ['registers/file', 'registers/nothing', 'registers/x/register.yaml']) {
      expect((await gitError(readRegisterAtRevision({ cwd: repo, rev: 'HEAD', folder }))).kind, folder).toBe('no-register');
    }
  });

  it('reads symbolic links inside the register folder, as the folder reader does', async () => {
    const repo = newRepo({
      'reg/register.yaml': MANIFEST,
      'reg/real/hazards.yaml': 'hazards: [h]\n',
      'reg/real/data.txt': 'assets: []\n',
      'reg/link.yaml': { link: 'real/hazards.yaml' },
      'reg/chain.yaml': { link: 'link.yaml' },
      'reg/via-dir.yaml': { link: 'alias/hazards.yaml' },
      'reg/alias': { link: 'real' }, // a folder, walked under its link's name (and `real` is then not walked again)
      'reg/real/loop': { link: '..' }, // back to the register folder: not walked twice
      'reg/text.yaml': { link: 'real/data.txt' },
      'reg/up-and-in.yaml': { link: '../reg/real/hazards.yaml' },
      'reg/self.yaml': { link: 'self.yaml' }, // a loop
      'reg/broken.yaml': { link: 'nowhere.yaml' },
      'reg/broken-dir': { link: 'nowhere' },
      'reg/through-file.yaml': { link: 'register.yaml/x' },
    });
    watch(repo);
    const read = await expectSameAsCheckout(repo, 'reg');
    expect(text(read)).toEqual({
      'alias/hazards.yaml': 'hazards: [h]\n',
      'chain.yaml': 'hazards: [h]\n',
      'link.yaml': 'hazards: [h]\n',
      'register.yaml': MANIFEST,
      'text.yaml': 'assets: []\n',
      'up-and-in.yaml': 'hazards: [h]\n',
      'via-dir.yaml': 'hazards: [h]\n',
    });
    expect(read.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['CRR-E011', 'broken.yaml'],
      ['CRR-E011', 'self.yaml'],
      ['CRR-E011', 'through-file.yaml'],
    ]);
  });

  it('refuses symbolic links that lead out of the register folder (CRR-E007)', async () => {
    const outsideRepo = tempDir();
    write(outsideRepo, { 'elsewhere.yaml': 'sites: []\n', 'folder/x.yaml': 'sites: []\n' });
    const repo = newRepo({
      'shared/common.yaml': 'hazards: []\n',
      'shared/notes.txt': 'hi\n',
      'reg/register.yaml': MANIFEST,
      'reg/out.yaml': { link: '../shared/common.yaml' },
      'reg/out-dir': { link: '../shared' },
      'reg/out-text': { link: '../shared/notes.txt' }, // not YAML, not a folder: ignored
      'reg/out-broken.yaml': { link: '../shared/missing.yaml' },
      'reg/abs.yaml': { link: join(outsideRepo, 'elsewhere.yaml') },
      'reg/abs-dir': { link: join(outsideRepo, 'folder') },
      'reg/top.yaml': { link: '../../../../../../../../../../etc/hostname-crr-none.yaml' },
    });
    watch(repo);
    const read = await expectSameAsCheckout(repo, 'reg');
    expect(text(read)).toEqual({ 'register.yaml': MANIFEST });
    expect(read.diagnostics).toContainEqual({
      code: 'CRR-E007',
      severity: 'error',
      rule: 'outside-folder',
      file: 'out.yaml',
      message: `This symbolic link leads out of the register folder, to ${join(repo, 'shared/common.yaml')}, so it was not read.`,
      hint: 'Copy the file into the register folder, or remove the link.',
    });
    expect(read.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['CRR-E007', 'abs-dir'],
      ['CRR-E007', 'abs.yaml'],
      ['CRR-E011', 'out-broken.yaml'],
      ['CRR-E007', 'out-dir'],
      ['CRR-E007', 'out.yaml'],
      ['CRR-E011', 'top.yaml'],
    ]);
  });

  it('follows a register folder that is itself a link at the revision', async () => {
    const repo = newRepo({ 'registers/real/register.yaml': MANIFEST, 'registers/real/up.yaml': { link: '../other.yaml' }, 'registers/other.yaml': 'x: 1\n', current: { link: 'registers/real' } });
    watch(repo);
    const read = await expectSameAsCheckout(repo, 'current');
    expect(text(read)).toEqual({ 'register.yaml': MANIFEST });
    expect(read.diagnostics[0]?.message).toContain(join(repo, 'registers/other.yaml'));
    // At a revision where the link exists but the working tree no longer has it.
    commit(repo, { current: null }, 'drop the link');
    watch(repo);
    expect(text(await readRegisterAtRevision({ cwd: repo, rev: 'HEAD~1', folder: 'current' }))).toEqual({ 'register.yaml': MANIFEST });
  });

  it('refuses a file over the size limit without reading it (CRR-E005)', async () => {
    const size = 17 * MiB;
    const repo = newRepo({ 'reg/register.yaml': MANIFEST, 'reg/huge.yaml': { sparse: size }, 'reg/small.yaml': 'sites: []\n' });
    watch(repo);
    const bigSha = git(repo, ['rev-parse', 'HEAD:reg/huge.yaml']).trim();
    spawned.calls.length = 0;
    const read = await expectSameAsCheckout(repo, 'reg');
    expect(size).toBeGreaterThan(MAX_FILE_BYTES);
    expect(read.diagnostics).toEqual([
      {
        code: 'CRR-E005',
        severity: 'error',
        rule: 'file-too-large',
        file: 'huge.yaml',
        message: `This file is 17.0 MiB; register files may be at most ${MAX_FILE_BYTES / MiB} MiB, so it was not read.`,
        hint: 'Split the register into several smaller files, or move this file out of the register folder.',
      },
    ]);
    expect(read.files.map((f) => f.path)).toEqual(['register.yaml', 'small.yaml']);
    // git was never asked for the blob, and nothing large came back from it.
    const gitCalls = spawned.calls.filter((c) => c.command === 'git');
    expect(gitCalls.length).toBeGreaterThan(0);
    for (const call of gitCalls) {
      expect(call.args).not.toContain(bigSha);
      expect(call.input ?? '').not.toContain(bigSha);
      expect(call.stdoutBytes).toBeLessThan(64 * 1024);
    }
  });

  it('returns a file that is not UTF-8 as its bytes; the loader reports it', async () => {
    const latin1 = Buffer.from('register:\n  id: caf\xe9\n', 'latin1');
    const repo = newRepo({ 'reg/register.yaml': latin1 });
    watch(repo);
    const read = await expectSameAsCheckout(repo, 'reg');
    expect(Buffer.from(read.files[0]!.bytes).equals(latin1)).toBe(true);
    const loaded = loadRegister(read.files);
    expect(loaded.diagnostics.map((d) => [d.code, d.file, d.line])).toContainEqual(['CRR-E004', 'register.yaml', 2]);
  });

  it('keeps binary contents intact (NUL, CR LF, no final newline, a line that looks like a header)', async () => {
    const tricky = Buffer.concat([Buffer.from('a: 1\r\n'), Buffer.from([0, 10, 0]), Buffer.from('\n0123456789abcdef0123456789abcdef01234567 blob 5\nend')]);
    const repo = newRepo({ 'reg/a.yaml': tricky, 'reg/b.yaml': tricky, 'reg/c.yaml': '', 'reg/d.yaml': '\n' });
    watch(repo);
    const read = await expectSameAsCheckout(repo, 'reg');
    expect(read.files.map((f) => Buffer.from(f.bytes).length)).toEqual([tricky.length, tricky.length, 0, 1]);
  });

  it('skips dot-files, dot-folders and node_modules', async () => {
    const repo = newRepo({
      'reg/register.yaml': MANIFEST,
      'reg/.hidden.yaml': 'x: 1\n',
      'reg/.github/workflow.yml': 'x: 1\n',
      'reg/node_modules/pkg/x.yaml': 'x: 1\n',
      'reg/sub/node_modules/y.yaml': 'x: 1\n',
      'reg/sub/.z.yaml': 'x: 1\n',
      'reg/sub/kept.yaml': 'sites: []\n',
    });
    watch(repo);
    const read = await expectSameAsCheckout(repo, 'reg');
    expect(read.files.map((f) => f.path)).toEqual(['register.yaml', 'sub/kept.yaml']);
  });

  it('runs only read-only git commands, without a shell, in one cat-file process for the files', async () => {
    const repo = watch(newRepo({ 'reg/register.yaml': MANIFEST, 'reg/a.yaml': 'a: 1\n', 'reg/b/c.yaml': 'a: 1\n' }));
    await readRegisterAtRevision({ cwd: repo, rev: 'HEAD', folder: 'reg' });
    const calls = spawned.calls.filter((c) => c.command === 'git');
    const subcommands = calls.map((c) => c.args.find((a, i) => i >= 5 && !a.startsWith('-')));
    expect(new Set(subcommands)).toEqual(new Set(['rev-parse', 'ls-tree', 'cat-file']));
    expect(calls.filter((c) => c.args.includes('--batch'))).toHaveLength(1);
    for (const call of calls) {
      expect(call.options.shell).toBeFalsy();
      expect(call.args.slice(0, 5)).toEqual(['--no-pager', '-c', 'core.quotepath=off', '-c', 'protocol.allow=never']);
      expect(call.options.env).toMatchObject({ GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_LITERAL_PATHSPECS: '1' });
      expect(call.options.env?.GIT_DIR).toBeUndefined();
    }
  });

  it('treats folder names literally, not as pathspec patterns', async () => {
    const repo = newRepo({ 'reg*/register.yaml': MANIFEST, 'regx/register.yaml': 'other: 1\n', ':(glob)reg/a.yaml': 'x: 1\n', 'reg/b.yaml': 'b: 1\n' });
    watch(repo);
    expect(text(await readRegisterAtRevision({ cwd: repo, rev: 'HEAD', folder: 'reg*' }))).toEqual({ 'register.yaml': MANIFEST });
    expect(text(await readRegisterAtRevision({ cwd: repo, rev: 'HEAD', folder: ':(glob)reg' }))).toEqual({ 'a.yaml': 'x: 1\n' });
    expect(text(await readRegisterAtRevision({ cwd: repo, rev: 'HEAD', folder: 'reg' }))).toEqual({ 'b.yaml': 'b: 1\n' });
  });

  it.runIf(process.getuid?.() === 0)('explains a repository git refuses for its owner (safe.directory)', async () => {
    const repo = newRepo({ 'reg/register.yaml': MANIFEST });
    execFileSync('chown', ['-R', 'nobody', repo]);
    const e = await gitError(readRegisterAtRevision({ cwd: repo, rev: 'HEAD', folder: 'reg' }));
    expect(e.kind).toBe('not-a-repository');
    expect(e.message).toBe('git refuses to read the repository holding `reg`: it is owned by another user than the one running crr.');
    expect(e.hint).toContain('safe.directory');
    watch(repo);
  });

  it('says when git cannot be run', async () => {
    const repo = watch(newRepo({ 'reg/register.yaml': MANIFEST }));
    const path = process.env.PATH;
    process.env.PATH = join(tempDir(), 'no-git-here');
    try {
      const e = await gitError(readRegisterAtRevision({ cwd: repo, rev: 'HEAD', folder: 'reg' }));
      expect(e.kind).toBe('git-missing');
      expect(e.message).toBe('crr could not run git to read `reg` at revision `HEAD`: git is not installed, or not on the PATH.');
      expect((await gitError(isGitWorkTree(repo))).kind).toBe('git-missing');
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('resolveRevision and isGitWorkTree', () => {
  it('resolves revisions to full commit shas', async () => {
    const repo = newRepo({ 'a.yaml': 'a: 1\n' });
    const first = git(repo, ['rev-parse', 'HEAD']).trim();
    git(repo, ['tag', '-a', '-m', 'annotated', 'v1']);
    const second = commit(repo, { 'a.yaml': 'a: 2\n' }, 'second');
    watch(repo);
    expect(await resolveRevision(repo, 'HEAD')).toBe(second);
    expect(await resolveRevision(repo, 'main')).toBe(second);
    expect(await resolveRevision(repo, 'v1')).toBe(first); // an annotated tag, peeled to its commit
    expect(await resolveRevision(repo, first.slice(0, 8))).toBe(first);
    expect(await resolveRevision(repo, 'HEAD~1')).toBe(first);
    expect(await resolveRevision(join(repo, '.'), ':/second')).toBe(second);
  });

  it('tells a git work tree from other folders', async () => {
    const repo = watch(newRepo({ 'sub/a.yaml': 'a: 1\n' }));
    expect(await isGitWorkTree(repo)).toBe(true);
    expect(await isGitWorkTree(join(repo, 'sub'))).toBe(true);
    expect(await isGitWorkTree(join(repo, '.git'))).toBe(false);
    expect(await isGitWorkTree(tempDir())).toBe(false);
    expect(await isGitWorkTree(join(tempDir(), 'missing'))).toBe(false);
  });
});

describe('readFileAtRevision', () => {
  const read = (repo: string, file: string, rev = 'HEAD', maxBytes = 1024) => readFileAtRevision({ cwd: repo, rev, folder: 'reg', file, maxBytes });
  const TEMPLATE = '.crr/diff.md.hbs';

  it('reads the committed blob of a regular file (100644 or 100755), never the working tree', async () => {
    const repo = newRepo({ 'reg/register.yaml': MANIFEST, 'reg/.crr/diff.md.hbs': 'base {{x}}\n' });
    commit(repo, { 'reg/.crr/diff.md.hbs': 'head {{x}}\n' }, 'change it');
    write(repo, { 'reg/.crr/diff.md.hbs': 'working tree\n' });
    git(repo, ['update-index', '--chmod=+x', 'reg/.crr/diff.md.hbs']);
    git(repo, ['checkout', '-q', '--', 'reg/.crr/diff.md.hbs']);
    watch(repo);
    expect(await read(repo, TEMPLATE, 'HEAD~1')).toEqual({ kind: 'file', bytes: Buffer.from('base {{x}}\n'), size: 11 });
    expect(await read(repo, TEMPLATE)).toEqual({ kind: 'file', bytes: Buffer.from('head {{x}}\n'), size: 11 });
    git(repo, ['commit', '-q', '-m', 'executable']);
    watch(repo);
    expect(git(repo, ['ls-tree', 'HEAD', 'reg/.crr/diff.md.hbs'])).toMatch(/^100755 /);
    expect((await read(repo, TEMPLATE)).kind).toBe('file');
  });

  it('refuses a link, a folder or a submodule at the file, or a link on the way to it, without following it', async () => {
    const outside = tempDir();
    write(outside, { 'secret.txt': 'secret\n', 'crr/diff.md.hbs': 'secret\n' });
    const repo = newRepo({ 'reg/register.yaml': MANIFEST, 'reg/.crr/diff.md.hbs': { link: join(outside, 'secret.txt') }, 'reg/inside.txt': 'x\n', 'reg/in/diff.md.hbs': { link: '../inside.txt' } });
    watch(repo);
    expect(await read(repo, TEMPLATE)).toEqual({ kind: 'not-a-file', path: TEMPLATE, what: 'link' });
    expect(await read(repo, 'in/diff.md.hbs')).toEqual({ kind: 'not-a-file', path: 'in/diff.md.hbs', what: 'link' }); // even one that stays inside
    commit(repo, { 'reg/.crr': null }, 'no .crr');
    commit(repo, { 'reg/.crr': { link: join(outside, 'crr') } }, '.crr is a link');
    watch(repo);
    expect(await read(repo, TEMPLATE)).toEqual({ kind: 'not-a-file', path: '.crr', what: 'link' });
    commit(repo, { 'reg/.crr': null }, 'no .crr');
    commit(repo, { 'reg/.crr/diff.md.hbs/x': 'x\n' }, 'a folder');
    watch(repo);
    expect(await read(repo, TEMPLATE)).toEqual({ kind: 'not-a-file', path: TEMPLATE, what: 'folder' });
    const head = git(repo, ['rev-parse', 'HEAD']).trim();
    git(repo, ['rm', '-q', '-r', 'reg/.crr']);
    git(repo, ['update-index', '--add', '--cacheinfo', `160000,${head},reg/.crr/diff.md.hbs`]);
    git(repo, ['commit', '-q', '-m', 'a submodule']);
    rmSync(join(repo, 'reg/.crr'), { recursive: true, force: true });
    mkdirSync(join(repo, 'reg/.crr/diff.md.hbs'), { recursive: true }); // as git checks a submodule out: an empty folder
    watch(repo);
    expect(await read(repo, TEMPLATE)).toEqual({ kind: 'not-a-file', path: TEMPLATE, what: 'submodule' });
    expect(await read(repo, '.crr/diff.md.hbs/x')).toEqual({ kind: 'not-a-file', path: TEMPLATE, what: 'submodule' });
  });

  it('says what is missing, and never leaves the register folder', async () => {
    const repo = watch(newRepo({ 'reg/register.yaml': MANIFEST, 'other.txt': 'outside the register\n' }));
    expect(await read(repo, TEMPLATE)).toEqual({ kind: 'missing' });
    expect(await read(repo, '../other.txt')).toEqual({ kind: 'missing' });
    expect(await read(repo, 'register.yaml/x')).toEqual({ kind: 'not-a-file', path: 'register.yaml', what: 'file' });
    expect((await gitError(read(repo, TEMPLATE, 'no-such-revision'))).kind).toBe('unknown-revision');
  });

  it('refuses a blob over the limit without reading it', async () => {
    const repo = newRepo({ 'reg/register.yaml': MANIFEST, 'reg/.crr/diff.md.hbs': { sparse: 5 * MiB } });
    const sha = git(repo, ['rev-parse', 'HEAD:reg/.crr/diff.md.hbs']).trim();
    watch(repo);
    spawned.calls.length = 0;
    expect(await read(repo, TEMPLATE, 'HEAD', 64 * 1024)).toEqual({ kind: 'too-large', size: 5 * MiB });
    for (const call of spawned.calls.filter((c) => c.command === 'git')) {
      expect(call.args).not.toContain(sha);
      expect(call.input ?? '').not.toContain(sha);
      expect(call.stdoutBytes).toBeLessThan(64 * 1024);
    }
  });

  it('finds the file in a register folder that is a link at the revision', async () => {
    const repo = watch(newRepo({ 'registers/real/register.yaml': MANIFEST, 'registers/real/.crr/diff.md.hbs': 'real\n', current: { link: 'registers/real' } }));
    expect(await readFileAtRevision({ cwd: repo, rev: 'HEAD', folder: 'current', file: TEMPLATE, maxBytes: 1024 })).toEqual({ kind: 'file', bytes: Buffer.from('real\n'), size: 5 });
  });
});
