/**
 * Issue 8, classes 1 and 8b: a selector from an untrusted register or command line can neither
 * hang crr (wildcards are matched in linear time, and absurd patterns are refused with CRR-E058)
 * nor select every asset through a prototype key (`attributes.__proto__`): attribute names come
 * from a closed set. Run through the real binary, because a hang only shows there.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beyondExampleWarnings } from '../support/example-warnings.js';
import { expectClean, folderFingerprint, REPO, runBin } from '../support/run-bin.js';
import { tempRegister } from '../support/temp-register.js';

const AS_OF = '2026-11-21';
const EXAMPLE = 'registers/example-icb';
/** Guard, not benchmark: the binary is killed after this, so a regression fails instead of hanging. */
const KILL_MS = 10_000;
/**
 * "Fast": each run loads the worked example (~0.7 s of CPU); a backtracking matcher took minutes on
 * the hostile pattern and several seconds within the cap. The machine running the tests may be
 * busy, so a run may take up to 3 times an ordinary `analyse` of the example measured alongside,
 * and never needs to beat 2 s.
 */
const FAST_MS = 2_000;
let fastMs = FAST_MS;
const expectFast = (run: { ms: number }) => expect(run.ms).toBeLessThan(fastMs);

/** 24 wildcards then a literal tail no id ends with: exponential for a backtracking RegExp. */
const HOSTILE = '*'.repeat(24) + 'zz';
/** Within the cap (10 wildcards) yet still exponential for a backtracking RegExp: seconds per pattern. */
const withinCap = (tail: string) => '*'.repeat(10) + tail;

const crr = (argv: string[], cwd = REPO) => runBin(argv, { cwd, timeoutMs: KILL_MS });

/** A temp copy of the worked example with one more cause on the network hazard (returns the line of its `select`). */
function exampleWithCause(select: string): { dir: string; line: number; cleanup: () => void } {
  const tmp = tempRegister({});
  cpSync(join(REPO, EXAMPLE), tmp.dir, { recursive: true });
  const file = join(tmp.dir, 'hazards/network.yaml');
  const anchor = '        select: { site: "Y9040*", type: network-link }\n';
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(anchor);
  const added = `      - description: Hostile cause from a pull request.\n        select: ${select}\n`;
  const updated = text.replace(anchor, anchor + added);
  writeFileSync(file, updated);
  const line = updated.slice(0, updated.indexOf(added)).split('\n').length + 1;
  return { ...tmp, line };
}

describe('selectors from untrusted hands (issue 8 classes 1 and 8b)', () => {
  let exampleBefore: string;
  beforeAll(() => {
    exampleBefore = folderFingerprint(join(REPO, EXAMPLE));
    const baseline = crr(['analyse', EXAMPLE, '--as-of', AS_OF, '--format', 'json']);
    expect(baseline.code).toBe(0);
    fastMs = Math.max(FAST_MS, 3 * baseline.ms);
  });
  afterAll(() => {
    expect(folderFingerprint(join(REPO, EXAMPLE))).toBe(exampleBefore);
  });

  describe('what-if --fail', () => {
    it('refuses a pattern with absurd wildcards quickly, as a usage error with a hint', () => {
      const run = crr(['what-if', EXAMPLE, '--fail', `id=${HOSTILE}`, '--as-of', AS_OF]);
      expectClean(run, 'what-if with 24 wildcards');
      expectFast(run);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`\`id=${HOSTILE}\` is not a valid selector`);
      expect(run.stderr).toContain('24 `*` wildcards');
      expect(run.stderr).toMatch(/hint: .*at most 10/);
    });

    it('refuses an over-long pattern as a usage error', () => {
      const run = crr(['what-if', EXAMPLE, '--fail', `vendor=${'x'.repeat(5000)}`, '--as-of', AS_OF]);
      expectClean(run, 'what-if with a 5,000-character value');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('5000 characters long');
      expect(run.stderr).toMatch(/hint: .*at most 200 characters/);
    });

    it('matches a pattern within the cap in linear time', () => {
      const run = crr(['what-if', EXAMPLE, ...['zz', 'zy', 'zx'].flatMap((tail) => ['--fail', `id=${withinCap(tail)}`]), '--as-of', AS_OF]);
      expectClean(run, 'what-if with 10 wildcards');
      expectFast(run);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('matches no asset');
    });

    it('refuses `attributes.__proto__` as an unknown attribute, naming the known ones', () => {
      const run = crr(['what-if', EXAMPLE, '--fail', 'attributes.__proto__=x', '--as-of', AS_OF]);
      expectClean(run, 'what-if attributes.__proto__');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('`__proto__` is not an attribute of any asset in the register');
      expect(run.stderr).toContain('attributes.exchange');
    });

    // (`toString`, `hasOwnProperty` and the rest: see the unit tests of parseSelectorText.)
    it.each([
      ['constructor', ''],
      ['exchang', ' Did you mean `exchange`?'],
    ])('refuses `attributes.%s`, which no asset declares', (name, guess) => {
      const run = crr(['what-if', EXAMPLE, '--fail', `attributes.${name}=*`, '--as-of', AS_OF]);
      expectClean(run, `what-if attributes.${name}`);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`\`${name}\` is not an attribute of any asset in the register.${guess}\n`);
    });

    it('still selects by a declared attribute', () => {
      const run = crr(['what-if', EXAMPLE, '--fail', 'attributes.exchange=riverhythe', '--as-of', AS_OF]);
      expectClean(run, 'what-if attributes.exchange');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('attributes.exchange=riverhythe selects 16 assets');
    });
  });

  describe('a hazard cause in the register', () => {
    it('with absurd wildcards: validate reports CRR-E058 at the selector, and analyse stops quickly', () => {
      const reg = exampleWithCause(`{ id: "${HOSTILE}" }`);
      try {
        const before = folderFingerprint(reg.dir);
        const v = crr(['validate', reg.dir, '--as-of', AS_OF, '--format', 'json']);
        expectClean(v, 'validate');
        expectFast(v);
        expect(v.code).toBe(1);
        const diagnostics = (JSON.parse(v.stdout) as { diagnostics: { code: string; file: string; line: number; field?: string }[] }).diagnostics;
        expect(beyondExampleWarnings(diagnostics).map((d) => d.code)).toEqual(['CRR-E058']);
        expect(beyondExampleWarnings(diagnostics)[0]).toMatchObject({ file: 'hazards/network.yaml', line: reg.line, field: 'causes.select.id' });

        const a = crr(['analyse', reg.dir, '--as-of', AS_OF]);
        expectClean(a, 'analyse');
        expectFast(a);
        expect(a.code).toBe(1);
        expect(a.stdout).toContain('CRR-E058');
        expect(folderFingerprint(reg.dir)).toBe(before);
      } finally {
        reg.cleanup();
      }
    });

    it('within the cap: validates, and analyse matches it in linear time', () => {
      const reg = exampleWithCause(['zz', 'zy', 'zx'].map((tail) => `{ id: "${withinCap(tail)}" }`).join('\n      - description: Another hostile cause.\n        select: '));
      try {
        const before = folderFingerprint(reg.dir);
        const v = crr(['validate', reg.dir, '--as-of', AS_OF]);
        expectClean(v, 'validate');
        expect(v.stdout).not.toContain('CRR-E058');

        const a = crr(['analyse', reg.dir, '--as-of', AS_OF, '--format', 'json']);
        expectClean(a, 'analyse');
        expectFast(a);
        expect(a.code).toBe(0);
        expect(folderFingerprint(reg.dir)).toBe(before);
      } finally {
        reg.cleanup();
      }
    });

    it('`attributes: { __proto__: x }` is refused by the loader (CRR-E009), never read as "every asset"', () => {
      const reg = exampleWithCause('{ attributes: { __proto__: x } }');
      try {
        const v = crr(['validate', reg.dir, '--as-of', AS_OF, '--format', 'json']);
        expectClean(v, 'validate');
        expect(v.code).toBe(1);
        const diagnostics = (JSON.parse(v.stdout) as { diagnostics: { code: string; line: number }[] }).diagnostics;
        expect(diagnostics.map((d) => d.code)).toContain('CRR-E009');
        const a = crr(['analyse', reg.dir, '--as-of', AS_OF]);
        expectClean(a, 'analyse');
        expect(a.code).toBe(1);
        expect(a.stdout).not.toMatch(/^Failure points/m);
      } finally {
        reg.cleanup();
      }
    });

    it('`attributes: {}` is refused as selecting every asset (CRR-E056)', () => {
      const reg = exampleWithCause('{ attributes: {} }');
      try {
        const v = crr(['validate', reg.dir, '--as-of', AS_OF, '--format', 'json']);
        expectClean(v, 'validate');
        expect(v.code).toBe(1);
        const diagnostics = (JSON.parse(v.stdout) as { diagnostics: { code: string; line: number }[] }).diagnostics;
        expect(beyondExampleWarnings(diagnostics)).toEqual([expect.objectContaining({ code: 'CRR-E056', line: reg.line })]);
      } finally {
        reg.cleanup();
      }
    });
  });
});
