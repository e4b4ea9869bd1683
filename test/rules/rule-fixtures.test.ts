import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogue } from '@crr/core';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/**
 * One failing fixture per validation code (CRR-E020 and up): a small, otherwise valid register
 * under `test/fixtures/rules/<code>-<name>/` that triggers that code and nothing else. The pretty
 * output of `crr validate` on each is pinned, so a change to a message, a position or a code
 * frame shows up in review.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixturesDir = 'test/fixtures/rules';
const AS_OF = '2026-11-21';

/** Codes from the rule catalogue that need a fixture: parse codes and every rule. */
const ruleCodes = catalogue.filter((c) => /^CRR-[EW]/.test(c.code) && Number(c.code.slice(5)) >= 20);

const fixtureFolders = readdirSync(join(repoRoot, fixturesDir))
  .filter((name) => name !== 'valid' && statSync(join(repoRoot, fixturesDir, name)).isDirectory())
  .sort();

/** Every code in a pretty report: the word after each `file:line:col` (or bare file) heading. */
function codesIn(stdout: string): string[] {
  return [...stdout.matchAll(/^\S+ (CRR-[EW]\d{3}) (?:error|warning) /gm)].map((m) => m[1]!);
}

describe('rule fixtures', () => {
  it('covers every code from CRR-E020 up with a fixture folder named <code>-<name>', () => {
    expect(ruleCodes.length).toBeGreaterThanOrEqual(31);
    const missing = ruleCodes.map((c) => `${c.code}-${c.name}`).filter((folder) => !existsSync(join(repoRoot, fixturesDir, folder)));
    expect(missing).toEqual([]);
  });

  it('has no fixture folder for a code that is not in the catalogue', () => {
    const known = new Set(ruleCodes.map((c) => `${c.code}-${c.name}`));
    expect(fixtureFolders.filter((f) => !known.has(f))).toEqual([]);
  });

  describe.each(ruleCodes.map((c) => [`${c.code}-${c.name}`, c] as const))('%s', (folder, def) => {
    const dir = `${fixturesDir}/${folder}`;

    it(`triggers ${def.code} and nothing else`, async () => {
      const { code, stdout, stderr } = await runCli(['validate', dir, '--as-of', AS_OF], { cwd: repoRoot });
      expect(stderr).toBe('');
      const codes = codesIn(stdout);
      expect(codes).toContain(def.code);
      // Each fixture isolates its rule: no other error, and no other warning either.
      expect([...new Set(codes)]).toEqual([def.code]);
      expect(code).toBe(def.severity === 'error' ? 1 : 0);
      expect(stdout).toMatchSnapshot();
    });
  });
});

describe('the valid fixture', () => {
  it('exercises profiles, bindings and groups, and validates with no diagnostics', async () => {
    const { code, stdout, stderr } = await runCli(['validate', `${fixturesDir}/valid`, '--as-of', AS_OF], { cwd: repoRoot });
    expect(stderr).toBe('');
    expect(codesIn(stdout)).toEqual([]);
    expect(stdout).toBe(`✔ 0 errors, 0 warnings in 3 files, 47 records (as of ${AS_OF})\n`);
    expect(code).toBe(0);
  });

  it('is on the edge: a day later its review and its failover evidence fall due', async () => {
    const { code, stdout } = await runCli(['validate', `${fixturesDir}/valid`, '--as-of', '2026-11-22'], { cwd: repoRoot });
    expect(codesIn(stdout).sort()).toEqual(['CRR-W046', 'CRR-W047']);
    expect(code).toBe(0);
  });
});
