/**
 * Issue 8, class 8c: crr pointed at the wrong folder says where the register is, in one message
 * (exit 2), instead of reading a repository's lock file and CI workflows as register files (450
 * errors at this repository's root) or reporting a missing manifest and every reference it
 * cannot resolve (145 errors in `registers/example-icb/hazards`). Through the real binary.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectClean, folderFingerprint, REPO, runBin } from '../support/run-bin.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';

const AS_OF = '2026-11-21';
const KILL_MS = 10_000;
const crr = (argv: string[], cwd = REPO) => runBin([...argv, '--as-of', AS_OF], { cwd, timeoutMs: KILL_MS });

const temps: { cleanup: () => void }[] = [];
const temp = (files: Record<string, string>) => {
  const t = tempRegister(files);
  temps.push(t);
  return t.dir;
};
afterAll(() => temps.forEach((t) => t.cleanup()));

const SERVICES = 'services:\n  - { id: svc-a, name: Service A }\n';

describe('at a repository root or a register sub-folder: one message naming the register', () => {
  it('the repository root (no folder given) names registers/example-icb, in two lines', () => {
    const before = folderFingerprint(join(REPO, 'registers'));
    const run = crr(['validate']);
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Registers found below: `registers/example-icb`, `registers/manufacturer-crr`');
    expect(run.stderr).toContain('crr validate registers/example-icb');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(folderFingerprint(join(REPO, 'registers'))).toBe(before);
  });

  it('inside the register\'s hazards folder, with no folder given, names the register\'s folder', () => {
    const run = crr(['validate'], join(REPO, 'registers/example-icb/hazards'));
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('inside the register at `..` (`example-icb`)');
    expect(run.stderr).toContain('crr validate ..');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  it('a register sub-folder two levels down, from the repository root, for analyse, what-if and build', () => {
    for (const argv of [['analyse', 'registers/example-icb/hazards'], ['what-if', 'registers/example-icb/hazards', '--fail', 'vpn-a'], ['build', 'registers/example-icb/hazards', '--out', join(temp({}), 'site')]]) {
      const run = crr(argv);
      expectClean(run, argv.join(' '));
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toContain('`registers/example-icb/hazards` is inside the register at `registers/example-icb`');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(2);
    }
  });

  it('the folder that holds registers lists them, shallowest first, at most five', () => {
    const files: Record<string, string> = { 'README.md': '# registers\n', 'ci.yml': 'name: CI\non: push\n' };
    for (const name of ['b', 'a', 'c', 'd', 'e', 'f']) files[`nested/${name}/register.yaml`] = MINIMAL_MANIFEST;
    files['top/register.yaml'] = MINIMAL_MANIFEST;
    files['top/hazards/more.yaml'] = SERVICES; // belongs to `top`, so not a reason to load the root
    files['.hidden/register.yaml'] = MINIMAL_MANIFEST;
    files['node_modules/pkg/register.yaml'] = MINIMAL_MANIFEST;
    const dir = temp(files);
    const run = crr(['analyse', '.'], dir);
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Registers found below: `top`, `nested/a`, `nested/b`, `nested/c`, `nested/d` and 2 more.');
    expect(run.stderr).toContain('crr analyse top');
    expect(run.stderr).not.toMatch(/hidden|node_modules/);
  });

  it('a pipe among the files looked at is never opened (no hang)', () => {
    const dir = temp({ 'regs/x/register.yaml': MINIMAL_MANIFEST });
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    symlinkSync(join(dir, 'pipe.yaml'), join(dir, 'register.yaml'));
    const run = crr(['validate', dir]);
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Registers found below:');
  });
});

describe('every other folder loads as before', () => {
  it('a register whose manifest is directly in its folder validates', () => {
    const run = crr(['validate', temp({ 'register.yaml': MINIMAL_MANIFEST, 'more/services.yaml': SERVICES })]);
    expectClean(run);
    expect(run.code).toBe(0);
  });

  it('a register whose manifest is in a sub-folder still loads whole (its own register files are at its top)', () => {
    const run = crr(['validate', temp({ 'meta/register.yaml': MINIMAL_MANIFEST, 'services.yaml': SERVICES })]);
    expectClean(run);
    expect(run.code).toBe(0);
  });

  it('register files without a manifest get CRR-E023, as before', () => {
    const run = crr(['validate', temp({ 'services.yaml': SERVICES })]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('CRR-E023');
  });

  it('an empty folder gets CRR-E001, as before', () => {
    const dir = temp({});
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', 'README.md'), 'nothing\n');
    const run = crr(['validate', join(dir, 'empty')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('CRR-E001');
  });

  it('a folder name with control characters is shown escaped', () => {
    const dir = temp({ ['evil\u001b[8m\u202e/register.yaml']: MINIMAL_MANIFEST });
    const run = crr(['validate', '.'], dir);
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(String.raw`evil\x1b[8m\u202e`);
    expect(run.stderr).not.toMatch(/[\u001b\u202e]/);
  });
});
