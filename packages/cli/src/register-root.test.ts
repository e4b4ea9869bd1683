import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { placeOf } from './register-root.js';

// Every file the search opens, and how much it reads of each.
const seen = vi.hoisted(() => ({ opened: [] as string[], largestRead: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const openSync = ((path: string, ...rest: unknown[]) => {
    seen.opened.push(String(path));
    return (actual.openSync as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof actual.openSync;
  const readSync = ((fd: number, buf: Buffer, offset: number, length: number, position: number) => {
    seen.largestRead = Math.max(seen.largestRead, length);
    return actual.readSync(fd, buf, offset, length, position);
  }) as typeof actual.readSync;
  const readFileSync = () => {
    throw new Error('the search reads only the start of files');
  };
  return { ...actual, openSync, readSync, readFileSync, default: { ...actual, openSync, readSync, readFileSync } };
});

const MANIFEST = 'register:\n  id: x\n';
const root = mkdtempSync(join(tmpdir(), 'crr-root-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  seen.opened = [];
  seen.largestRead = 0;
});

function tree(base: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return base;
}

describe('placeOf', () => {
  it('a folder with its manifest is a register, after reading one file', () => {
    const dir = tree(join(root, 'plain'), { 'register.yaml': MANIFEST, 'a.yaml': 'sites: []\n', 'b.yaml': 'assets: []\n' });
    expect(placeOf(dir)).toEqual({ kind: 'register' });
    expect(seen.opened).toEqual([join(dir, 'register.yaml')]);
  });

  it('a sub-folder of a register is inside it; outside the folder, only YAML files directly in ancestors are opened', () => {
    const outer = tree(join(root, 'outer'), {
      'register.yaml': `# ${'a long comment header '.repeat(40)}\n${MANIFEST}`,
      'notes.txt': 'not yaml\n',
      'other/deep.yaml': MANIFEST,
      'sites/pcn-a/practices.yaml': 'sites: []\n',
    });
    const inner = join(outer, 'sites/pcn-a');
    expect(placeOf(inner)).toEqual({ kind: 'inside', root: outer });
    const ancestors = new Set([join(outer, 'sites'), outer]);
    for (const file of seen.opened) {
      expect(file).toMatch(/\.ya?ml$/);
      expect(file.startsWith(inner + '/') || ancestors.has(dirname(file)), file).toBe(true);
    }
    expect(seen.largestRead).toBeLessThanOrEqual(8 * 1024);
  });

  it('the search up stops at the git root', () => {
    const base = tree(join(root, 'above-git'), { 'register.yaml': MANIFEST, 'repo/sub/x.yaml': 'sites: []\n' });
    mkdirSync(join(base, 'repo/.git'));
    expect(placeOf(join(base, 'repo/sub'))).toEqual({ kind: 'register' });
    expect(seen.opened.some((f) => f === join(base, 'register.yaml'))).toBe(false);
  });

  it('registers below are found without reading inside them beyond their own folder', () => {
    const base = tree(join(root, 'holder'), { 'x/register.yaml': MANIFEST, 'x/hazards/h.yaml': 'hazards: []\n', 'y/z/register.yml': MANIFEST, 'lock.yaml': 'lockfileVersion: 9\n' });
    expect(placeOf(base)).toEqual({ kind: 'holds', registers: ['x', 'y/z'], more: 0 });
    expect(seen.opened).not.toContain(join(base, 'x/hazards/h.yaml'));
  });

  it('register files outside any register found: the folder loads as a register (its manifest may be deeper)', () => {
    const base = tree(join(root, 'deeper'), { 'meta/register.yaml': MANIFEST, 'parts/sites.yaml': 'sites: []\n' });
    expect(placeOf(base)).toEqual({ kind: 'register' });
  });

  it('a manifest after a BOM, or after other collections in the same file, within the first 8 KB', () => {
    expect(placeOf(tree(join(root, 'bom'), { 'r.yaml': `\ufeff${MANIFEST}` }))).toEqual({ kind: 'register' });
    expect(placeOf(tree(join(root, 'later'), { 'all.yaml': `sites: []\nassets: []\n${MANIFEST}` }))).toEqual({ kind: 'register' });
  });
});
