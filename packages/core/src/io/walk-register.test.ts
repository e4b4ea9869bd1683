import { describe, expect, it } from 'vitest';
import type { LinkTarget, OutsideKind, ReadResult, RegisterTree, SpecialKind, TreeEntry } from './register-tree.js';
import { MAX_FILE_BYTES, walkRegister } from './walk-register.js';

/**
 * The folder policy, tested once, over a third tree that lives in memory: what the walk does with
 * each kind of entry does not depend on where the register is kept.
 */
type Node =
  | { file: string; size?: number; unreadable?: boolean }
  | { folder: true; unreadable?: boolean }
  | { link: string }
  | { special: SpecialKind }
  | { submodule: true };

const OUTSIDE = '/elsewhere/';

/** A tree from paths to nodes; folders on the way are implied. Links are relative to their folder; `/…` leads out. */
function memoryTree(nodes: Record<string, Node>, outside: Record<string, OutsideKind> = {}) {
  const all = new Map<string, Node>(Object.entries(nodes));
  for (const path of Object.keys(nodes)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) if (!all.has(parts.slice(0, i).join('/'))) all.set(parts.slice(0, i).join('/'), { folder: true });
  }
  const calls = { read: 0, outsideKinds: 0, listed: [] as string[] };
  const kindOf = (n: Node): Omit<TreeEntry, 'name'> =>
    'file' in n ? { kind: 'file' } : 'folder' in n ? { kind: 'folder' } : 'link' in n ? { kind: 'link' } : 'special' in n ? { kind: 'special', special: n.special } : { kind: 'submodule' };
  const tree: RegisterTree = {
    list(folder) {
      calls.listed.push(folder);
      if (folder !== '') {
        const n = all.get(folder);
        if (n && 'folder' in n && n.unreadable) return { unreadable: 'EACCES' };
      }
      const prefix = folder === '' ? '' : `${folder}/`;
      return [...all]
        .filter(([p]) => p.startsWith(prefix) && p !== folder && !p.slice(prefix.length).includes('/'))
        .map(([p, n]) => ({ name: p.slice(prefix.length), ...kindOf(n) }));
    },
    followLink(path): LinkTarget {
      const to = (all.get(path) as { link: string }).link;
      if (to.startsWith('/')) return { where: 'outside', abs: to };
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      const at = dir === '' ? [] : dir.split('/');
      for (const part of to.split('/')) {
        if (part === '..') {
          if (at.length === 0) return { where: 'outside', abs: OUTSIDE + to };
          at.pop();
        } else at.push(part);
      }
      const real = at.join('/');
      if (real === '') return { where: 'inside', path: '', kind: 'folder' };
      const n = all.get(real);
      return n ? { where: 'inside', path: real, ...kindOf(n) } : { where: 'broken' };
    },
    async outsideKinds(targets) {
      calls.outsideKinds++;
      return targets.map((t) => outside[t.abs] ?? 'missing');
    },
    async read(paths, maxBytes) {
      calls.read++;
      return paths.map((p): ReadResult => {
        const n = all.get(p) as { file: string; size?: number; unreadable?: boolean };
        if ((n.size ?? n.file.length) > maxBytes) return { kind: 'too-large', size: n.size! };
        if (n.unreadable) return { kind: 'unreadable', cause: 'EIO', hint: 'Try again.' };
        return { kind: 'bytes', bytes: Buffer.from(n.file) };
      });
    },
  };
  return { tree, calls };
}

const paths = (read: Awaited<ReturnType<typeof walkRegister>>) => read.files.map((f) => f.path);
const codes = (read: Awaited<ReturnType<typeof walkRegister>>) => read.diagnostics.map((d) => `${d.code} ${d.file}`);

describe('walkRegister', () => {
  it('reads only YAML files, sorted by path, each with its bytes', async () => {
    const { tree } = memoryTree({ 'b.yaml': { file: 'b: 1\n' }, 'a/z.YML': { file: 'z: 1\n' }, 'a/notes.md': { file: '#' }, 'register.yaml': { file: 'r' } });
    const read = await walkRegister(tree);
    expect(paths(read)).toEqual(['a/z.YML', 'b.yaml', 'register.yaml']);
    expect(read.files[0]!.bytes.toString()).toBe('z: 1\n');
    expect(read.diagnostics).toEqual([]);
  });

  it('skips hidden entries and node_modules, and says so only when someone could take them for the register (CRR-W017)', async () => {
    const { tree } = memoryTree({
      '.git/config.yaml': { file: 'x' },
      '.crr/diff.md.hbs': { file: 'x' },
      '.old/notes.txt': { file: 'x' },
      '.drafts/a/b.yaml': { file: 'x' },
      '.drafts/c.txt': { file: 'x' },
      'node_modules/pkg/readme.md': { file: 'x' },
      '.yamllint.yaml': { file: 'x' },
      'kept.yaml': { file: 'x' },
    });
    const read = await walkRegister(tree);
    expect(paths(read)).toEqual(['kept.yaml']);
    expect(codes(read)).toEqual(['CRR-W017 .drafts', 'CRR-W017 node_modules']);
    expect(read.diagnostics[0]!.message).toContain('(such as `.drafts/a/b.yaml`)');
  });

  it('follows links inside the folder under the name it reached them by, and reads a folder once', async () => {
    const { tree } = memoryTree({ 'real/a.yaml': { file: 'a' }, 'alias.yaml': { link: 'real/a.yaml' }, 'again': { link: 'real' }, 'loop': { link: '..' } });
    const read = await walkRegister(tree);
    // `again` is `real` by another name: the first name met (by sort order) reads it.
    expect(paths(read)).toEqual(['again/a.yaml', 'alias.yaml']);
    expect(read.diagnostics).toEqual([]);
  });

  it('refuses links that lead out (CRR-E007) when they would have been read, and reports broken YAML links (CRR-E011)', async () => {
    const { tree, calls } = memoryTree(
      {
        'out-folder': { link: '/etc' },
        'out.yaml': { link: '/etc/passwd.yaml' },
        'out.txt': { link: '/etc/motd' },
        'gone-out.yaml': { link: '/nowhere.yaml' },
        'gone.yaml': { link: 'missing.yaml' },
        'gone.txt': { link: 'missing.txt' },
      },
      { '/etc': 'folder', '/etc/passwd.yaml': 'other', '/etc/motd': 'other' },
    );
    const read = await walkRegister(tree);
    expect(codes(read)).toEqual(['CRR-E011 gone-out.yaml', 'CRR-E011 gone.yaml', 'CRR-E007 out-folder', 'CRR-E007 out.yaml']); // walk order: by name, links out settled in place
    expect(read.diagnostics.find((d) => d.file === 'out-folder')!.message).toBe('This symbolic link leads out of the register folder, to /etc, so it was not read.');
    expect(calls.outsideKinds).toBe(1);
  });

  it('refuses special files unopened (CRR-E012), passes over submodules, and refuses files over the cap unread (CRR-E005)', async () => {
    const { tree } = memoryTree({
      'pipe.yaml': { special: 'fifo' },
      'dev.yml': { special: 'device' },
      'pipe.txt': { special: 'fifo' },
      'sub.yaml': { submodule: true },
      'big.yaml': { file: '', size: MAX_FILE_BYTES + 1 },
      'fits.yaml': { file: '', size: MAX_FILE_BYTES },
    });
    const read = await walkRegister(tree);
    expect(paths(read)).toEqual(['fits.yaml']);
    expect(codes(read)).toEqual(['CRR-E005 big.yaml', 'CRR-E012 dev.yml', 'CRR-E012 pipe.yaml']);
    expect(read.diagnostics[1]!.message).toBe('This is a device, not an ordinary file, so it was not read: reading it could wait forever or never end.');
    expect(read.diagnostics[2]!.message).toContain('a named pipe (FIFO)');
    expect(read.diagnostics[0]).toMatchObject({ severity: 'error', rule: 'file-too-large', message: expect.stringContaining('4.0 MiB') });
  });

  it('reports unreadable files and folders (CRR-E011) with the tree\'s cause, in walk order, reading all files in one batch', async () => {
    const { tree, calls } = memoryTree({ 'a.yaml': { file: 'a' }, 'b.yaml': { file: 'b', unreadable: true }, 'c': { folder: true, unreadable: true }, 'd.yaml': { file: 'd' } });
    const read = await walkRegister(tree);
    expect(paths(read)).toEqual(['a.yaml', 'd.yaml']);
    expect(read.diagnostics.map((d) => [d.file, d.message, d.hint])).toEqual([
      ['b.yaml', 'The file could not be read (EIO).', 'Try again.'],
      ['c', 'The folder could not be read (EACCES).', 'Check its permissions.'],
    ]);
    expect(calls.read).toBe(1);
  });

  it('looks into a hidden folder no further than it must', async () => {
    const { tree, calls } = memoryTree({ '.a/x.yaml': { file: 'x' }, '.a/deep/y.yaml': { file: 'y' } });
    const read = await walkRegister(tree);
    expect(read.diagnostics[0]!.message).toContain('`.a/x.yaml`');
    expect(calls.listed).toEqual(['', '.a']);
  });
});
