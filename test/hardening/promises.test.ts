/**
 * What docs/security.md promises, watched from inside the real binary: every command, run on a
 * register of hostile strings from a working folder of its own, reads nothing outside the
 * register and crr's own installation, writes nothing outside `--out`, connects to nothing,
 * looks up no name, fetches nothing, and starts no process but git (for `crr diff`) and the
 * search indexer crr ships (for `crr build`).
 *
 * `test/support/audit-preload.mjs` is loaded with `node --import` and records each file
 * operation, connection and process start; it changes nothing crr does.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../diff/helpers.js';
import { REPO, expectClean, folderFingerprint, runBin } from '../support/run-bin.js';

const AS_OF = '2026-11-21';
const PRELOAD = join(REPO, 'test/support/audit-preload.mjs');
/** crr's own files: its compiled code, templates, static files and dependencies. */
const INSTALL = ['packages', 'site', 'node_modules'].map((d) => join(realpathSync(REPO), d));

let root: string;
let work: string;
let repo: string;
let reg: string;

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'crr-promises-')));
  work = join(root, 'work'); // the working folder: holds nothing crr should look at
  mkdirSync(work);
  writeFileSync(join(work, 'secret.yaml'), 'register:\n  id: not-this-one\n');
  // A git repository whose register is the hostile fixture; the change edits a title.
  repo = join(root, 'repo');
  reg = join(repo, 'reg');
  mkdirSync(repo);
  cpSync(join(REPO, 'test/fixtures/hostile'), reg, { recursive: true });
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  git(repo, 'branch', 'base');
  const file = join(reg, 'register.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/title: /, 'title: Changed '));
  git(repo, 'commit', '-q', '-am', 'head');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Audit {
  reads: string[];
  writes: string[];
  network: string[];
  spawns: string[];
}

function audited(argv: string[], cwd = work): Audit {
  const log = join(root, `audit-${argv[0]}-${Math.random().toString(36).slice(2)}.log`);
  const run = runBin(argv, { cwd, nodeArgs: ['--import', PRELOAD], env: { CRR_AUDIT_LOG: log }, timeoutMs: 60_000 });
  expectClean(run, `crr ${argv.join(' ')}`);
  expect(run.code, run.stderr).toBeLessThan(2);
  let lines: [string, string][] = [];
  try {
    lines = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as [string, string]);
  } catch {
    // No log: nothing was recorded.
  }
  const abs = (p: string) => resolve(cwd, p);
  const of = (kind: string) => [...new Set(lines.filter(([k]) => k === kind).map(([, p]) => p))];
  return {
    reads: of('read').map(abs),
    writes: of('write').map(abs),
    network: [...of('connect'), ...of('lookup'), ...of('fetch')],
    spawns: of('spawn'),
  };
}

const inside = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
/**
 * Eleventy's file globber lists the folders on the way from the working folder to crr's
 * templates (names only, never opening a file there); nothing else outside is allowed.
 */
const onTheWay = (path: string) => [work, INSTALL[1]!].some((p) => inside(p, path.replace(/\/$/, '') || '/'));

function expectOnly(audit: Audit, allowed: { read: string[]; write: string[]; spawn?: RegExp }) {
  const strayReads = audit.reads.filter((p) => !allowed.read.some((f) => inside(p, f)) && !INSTALL.some((f) => inside(p, f)) && !onTheWay(p));
  expect(strayReads, 'read outside the register and crr').toEqual([]);
  const strayWrites = audit.writes.filter((p) => !allowed.write.some((f) => inside(p, f)));
  expect(strayWrites, 'written outside --out').toEqual([]);
  expect(audit.network, 'network').toEqual([]);
  expect(audit.spawns.filter((s) => !allowed.spawn?.test(s)), 'processes started').toEqual([]);
}

describe('crr reads only the register, writes only --out, never connects, and starts only git and its indexer', () => {
  it('the watcher sees what it should (it records the register being read)', () => {
    const audit = audited(['validate', reg, '--as-of', AS_OF]);
    expect(audit.reads.some((p) => inside(p, reg))).toBe(true);
    expect(audit.reads.filter((p) => inside(p, work) && p !== work)).toEqual([]);
  });

  it.each([
    ['validate', ['--format', 'json']],
    ['validate', ['--format', 'sarif']],
    ['analyse', ['--format', 'json']],
    ['what-if', ['--fail', 'vendor=*']],
  ])('%s %s', (command, extra) => {
    const before = folderFingerprint(repo);
    expectOnly(audited([command, reg, '--as-of', AS_OF, ...extra]), { read: [reg], write: [] });
    expect(folderFingerprint(repo)).toBe(before);
  });

  it('build: writes only into --out, starting only the search indexer crr ships', () => {
    const before = folderFingerprint(repo);
    const out = join(root, 'out');
    const audit = audited(['build', reg, '--out', out, '--as-of', AS_OF]);
    expect(audit.writes.some((p) => inside(p, out))).toBe(true);
    expectOnly(audit, { read: [reg, out], write: [out], spawn: /node_modules\/.*pagefind/ });
    expect(folderFingerprint(repo)).toBe(before);
  });

  it('diff at two revisions: reads the repository only through git, writes nothing', () => {
    const before = folderFingerprint(repo);
    const audit = audited(['diff', 'base', 'HEAD', 'reg', '--as-of', AS_OF], repo);
    expect(audit.spawns.length).toBeGreaterThan(0);
    expectOnly(audit, { read: [], write: [], spawn: /^git$/ });
    expect(folderFingerprint(repo)).toBe(before);
  });

  it('diff of two folders: reads the two folders, writes nothing, starts nothing', () => {
    const base = join(root, 'base-copy');
    cpSync(join(REPO, 'test/fixtures/hostile'), base, { recursive: true });
    const before = folderFingerprint(repo);
    expectOnly(audited(['diff', base, reg, '--as-of', AS_OF]), { read: [base, reg], write: [] });
    expect(folderFingerprint(repo)).toBe(before);
    expect(dirname(base)).toBe(root);
  });
});
