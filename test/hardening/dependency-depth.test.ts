/**
 * Issue 8, found while hardening: a cap on how deep assets need each other (CRR-E062,
 * `MAX_DEPENDENCY_DEPTH` in `load/load-limits.ts`). The analysis holds every asset below each
 * asset, so a chain of n needs costs O(n²): before the cap, a 3,000-link chain took 3.1 s and
 * 458 MB for `crr analyse` and 18 s / 981 MB for `crr build`, and a 15,000-link chain (a 1 MB
 * file) did not finish `crr analyse` in 120 s; this file's first test, run against the binary
 * without the rule, was killed by its 20 s guard. Now the chain is refused by validation, which
 * is linear, and the commands that analyse stop at it with exit 1.
 *
 * Through the real binary (run `pnpm run build` first), each with a generous time guard; the
 * times measured are printed for the record, not asserted tightly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectClean, runBin, type BinRun } from '../support/run-bin.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';

const AS_OF = '2026-11-21';
/** Kill the binary after this long: the 15,000-link chain ran past it before the cap. */
const GUARD_MS = 20_000;
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/**
 * A register whose one practice reaches its one service through `length` assets, each needing
 * the next: `chain-0` (what the route names) needs `chain-1` … needs `chain-(length-1)`.
 */
function chainRegister(length: number): string {
  const links = Array.from({ length }, (_, i) => `  - { id: chain-${i}, type: other, name: Link ${i}${i < length - 1 ? `, needs: [chain-${i + 1}]` : ''} }\n`).join('');
  const r = tempRegister({
    'register.yaml': MINIMAL_MANIFEST,
    'pcn.yaml': 'organisations:\n  - { id: pcn-north, type: pcn, name: North Downs PCN, parent: org-icb }\n',
    'services.yaml': 'services:\n  - { id: patient-record, name: Patient record and consultation }\n',
    'sites.yaml': `sites:
  - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240,
      routes: { patient-record: [chain-0] } }
`,
    'chain.yaml': `assets:\n${links}`,
  });
  cleanups.push(r.cleanup);
  return r.dir;
}

function siteFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crr-depth-site-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The command's run, checked clean (in time, no crash), with its time printed. */
function crr(what: string, argv: string[]): BinRun {
  const run = runBin(argv, { timeoutMs: GUARD_MS });
  expectClean(run, `crr ${what}`);
  console.info(`crr ${what}: ${Math.round(run.ms)} ms`);
  return run;
}

/** Exit 1 with one CRR-E062 at the asset where the chain crosses the cap, naming the chain's length. */
function expectRefused(run: BinRun, length: number): void {
  const out = run.stdout + run.stderr;
  expect(run.code, out.slice(0, 2000)).toBe(1);
  expect(out.match(/CRR-E062/g)?.length).toBe(1);
  // The crossing: `chain-(length-65)` heads exactly 65; the route's `chain-0` heads them all.
  expect(out).toContain(`Asset \`chain-${length - 65}\` heads a chain of 65 assets`);
  if (length > 65) expect(out).toContain(`${length.toLocaleString('en-GB')} assets from \`chain-0\``);
}

describe('a chain of needs deeper than 64 is refused before it is analysed', () => {
  it('a 15,000-link chain (1 MB): crr analyse exits 1 with CRR-E062, well inside the 20 s it once ran past', () => {
    const dir = chainRegister(15_000);
    const run = crr('analyse, a 15,000-link chain', ['analyse', dir, '--as-of', AS_OF]);
    expectRefused(run, 15_000);
    expect(run.stdout).toContain('The register has errors, so it was not analysed.');
    const json = crr('analyse --format json, a 15,000-link chain', ['analyse', dir, '--as-of', AS_OF, '--format', 'json']);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { analysis: unknown; diagnostics: { code: string }[] };
    expect(parsed.analysis).toBeNull();
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['CRR-E062']);
  });

  it('a 3,000-link chain: crr analyse, build and what-if each exit 1 with CRR-E062 (build once took 18 s and 981 MB)', () => {
    const dir = chainRegister(3_000);
    expectRefused(crr('analyse, a 3,000-link chain', ['analyse', dir, '--as-of', AS_OF]), 3_000);
    const out = siteFolder();
    const build = crr('build, a 3,000-link chain', ['build', dir, '--out', out, '--as-of', AS_OF, '--no-search']);
    expectRefused(build, 3_000);
    expect(build.stdout + build.stderr).not.toContain('Built');
    expectRefused(crr('what-if, a 3,000-link chain', ['what-if', dir, '--fail', 'chain-2999', '--as-of', AS_OF]), 3_000);
  });

  it('a 15,000-link chain: crr build and what-if stop as quickly', () => {
    const dir = chainRegister(15_000);
    expectRefused(crr('build, a 15,000-link chain', ['build', dir, '--out', siteFolder(), '--as-of', AS_OF, '--no-search']), 15_000);
    expectRefused(crr('what-if, a 15,000-link chain', ['what-if', dir, '--fail', 'chain-14999', '--as-of', AS_OF]), 15_000);
  });

  it('crr diff of a base that validates against a head with a 15,000-link chain stops with exit 2 (it analysed the head, and ran past 30 s)', () => {
    const base = chainRegister(1);
    expect(crr('validate, the base', ['validate', base, '--as-of', AS_OF]).code).toBe(0);
    const head = chainRegister(15_000);
    for (const format of ['markdown', 'json'] as const) {
      const run = crr(`diff --format ${format}, a 15,000-link chain in the head`, ['diff', base, head, '--as-of', AS_OF, '--format', format]);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toContain('(the head) has a chain of needs too deep to analyse (CRR-E062 at chain.yaml:');
      expect(run.stderr).toContain('hint: Run `crr validate` on it to see the chain');
    }
  });

  it('a chain of 64, the most allowed, still validates and analyses (exit 0); 65 is refused', () => {
    const ok = chainRegister(64);
    const validate = crr('validate, a 64-link chain', ['validate', ok, '--as-of', AS_OF]);
    expect(validate.stdout).not.toContain('CRR-E062');
    expect(validate.code, validate.stdout).toBe(0);
    const analyse = crr('analyse, a 64-link chain', ['analyse', ok, '--as-of', AS_OF, '--format', 'json']);
    expect(analyse.code, analyse.stdout.slice(0, 2000)).toBe(0);
    // Every link is a single point of failure of the one route, so the analysis really ran.
    const analysis = (JSON.parse(analyse.stdout) as { findings: { kind: string }[] }).findings;
    expect(analysis.filter((f) => f.kind === 'failure-point').length).toBeGreaterThanOrEqual(64);
    expectRefused(crr('analyse, a 65-link chain', ['analyse', chainRegister(65), '--as-of', AS_OF]), 65);
  });
});
