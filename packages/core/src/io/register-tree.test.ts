import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsTree } from './fs-tree.js';
import { lsTree } from './git-objects.js';
import { commitOf } from './git-revision.js';
import { gitTree } from './git-tree.js';
import type { RegisterTree, TreeEntry } from './register-tree.js';
import { walkRegister } from './walk-register.js';

/**
 * The two real trees answer the walk's questions alike for the same register: a checkout on disk
 * and the commit it came from. (The policy itself is tested once, in walk-register.test.ts.)
 */
let top: string;
let disk: RegisterTree;
let git: RegisterTree;

const git_ = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: top, stdio: 'pipe' });

beforeAll(async () => {
  top = realpathSync(mkdtempSync(join(tmpdir(), 'crr-trees-')));
  const files: Record<string, string> = {
    'outside.yaml': 'o: 1\n',
    'reg/register.yaml': 'r: 1\n',
    'reg/a/b.yaml': 'b: 1\n',
    'reg/a/c.yml': 'c: 1\n',
    'reg/notes.md': '# notes\n',
    'reg/.drafts/d.yaml': 'd: 1\n',
    'reg/node_modules/p/q.yaml': 'q: 1\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(top, path)), { recursive: true });
    writeFileSync(join(top, path), text);
  }
  symlinkSync('a/b.yaml', join(top, 'reg/link.yaml'));
  symlinkSync('a', join(top, 'reg/alias'));
  symlinkSync('../outside.yaml', join(top, 'reg/out.yaml'));
  symlinkSync('missing.yaml', join(top, 'reg/gone.yaml'));
  git_('init', '-q');
  git_('add', '-A');
  git_('commit', '-q', '-m', 'register');
  const context = { revision: 'HEAD', folder: 'reg' };
  const commit = await commitOf(top, 'HEAD');
  disk = fsTree(join(top, 'reg'));
  git = await gitTree({ top, commit, root: 'reg', listing: await lsTree(top, commit, 'reg', true, context), context });
}, 30_000);

afterAll(() => rmSync(top, { recursive: true, force: true }));

const sorted = (listed: ReturnType<RegisterTree['list']>): TreeEntry[] => {
  if ('unreadable' in listed) throw new Error(`unreadable: ${listed.unreadable}`);
  return [...listed].sort((a, b) => (a.name < b.name ? -1 : 1));
};

describe('the file-system and git trees', () => {
  it('list the same entries, of the same kinds, in every folder', () => {
    for (const folder of ['', 'a', '.drafts', 'node_modules/p']) expect(sorted(git.list(folder)), folder).toEqual(sorted(disk.list(folder)));
    expect(sorted(disk.list('')).map((e) => `${e.name}:${e.kind}`)).toEqual(
      ['.drafts:folder', 'a:folder', 'alias:link', 'gone.yaml:link', 'link.yaml:link', 'node_modules:folder', 'notes.md:file', 'out.yaml:link', 'register.yaml:file'],
    );
  });

  it('follow links to the same places', async () => {
    for (const link of ['link.yaml', 'alias', 'gone.yaml']) expect(git.followLink(link), link).toEqual(disk.followLink(link));
    const out = git.followLink('out.yaml');
    expect(out).toMatchObject({ where: 'outside', abs: join(top, 'outside.yaml') });
    expect(disk.followLink('out.yaml')).toEqual({ where: 'outside', abs: join(top, 'outside.yaml') });
    const outs = [out as Extract<typeof out, { where: 'outside' }>];
    expect(await git.outsideKinds(outs)).toEqual(await disk.outsideKinds(outs));
  });

  it('read the same bytes, and refuse the same files as too large', async () => {
    const paths = ['register.yaml', 'a/b.yaml', 'a/c.yml'];
    expect(await git.read(paths, 1000)).toEqual(await disk.read(paths, 1000));
    expect(await git.read(paths, 4)).toEqual([
      { kind: 'too-large', size: 5 },
      { kind: 'too-large', size: 5 },
      { kind: 'too-large', size: 5 },
    ]);
    expect(await disk.read(paths, 4)).toEqual(await git.read(paths, 4));
  });

  it('give the walk the same register', async () => {
    const fromDisk = await walkRegister(disk);
    expect(await walkRegister(git)).toEqual(fromDisk);
    expect(fromDisk.files.map((f) => f.path)).toEqual(['a/b.yaml', 'a/c.yml', 'link.yaml', 'register.yaml']); // `alias` is `a` again
    expect(fromDisk.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['CRR-W017 .drafts', 'CRR-E011 gone.yaml', 'CRR-W017 node_modules', 'CRR-E007 out.yaml']);
  });
});
