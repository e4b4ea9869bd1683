/**
 * Fuzzing: random byte, structure and id mutations of the worked example never give a stack
 * trace or "internal error", always exit 0, 1 or 2, and never change a byte of the register.
 *
 * Three depths, cheapest first: the core pipeline in memory (load, validate, and for registers
 * that validate, analyse, what-if and report data), the CLI in-process on a folder, and the real
 * binary. The normal test run is bounded and seeded, so it is the same every time; `pnpm fuzz`
 * runs many more cases from a fresh seed (CRR_FUZZ_RUNS, CRR_FUZZ_SEED to replay one).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, countBySeverity, validateFiles, whatIf } from '@crr/core';
import { runCli } from '../support/run-cli.js';
import { REPO, expectClean, folderFingerprint, runBin } from '../support/run-bin.js';
import { applyMutation, mutationArbitrary, type Mutation, type RegisterFileText } from './mutate.js';

const LONG = process.env.CRR_FUZZ_LONG === '1';
const RUNS = Number(process.env.CRR_FUZZ_RUNS ?? 0) || undefined;
const SEED = process.env.CRR_FUZZ_SEED ? Number(process.env.CRR_FUZZ_SEED) : LONG ? Date.now() % 2 ** 31 : 20261130;
const AS_OF = '2026-11-21';
const EXAMPLE = join(REPO, 'registers/example-icb');

function readTree(root: string): RegisterFileText[] {
  const out: RegisterFileText[] = [];
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(abs).isDirectory()) walk(abs, path);
      else out.push({ path, bytes: new Uint8Array(readFileSync(abs)) });
    }
  };
  walk(root, '');
  return out;
}

const example = readTree(EXAMPLE);
/** One to three mutations at once: single faults find most, pairs find the interactions. */
const mutations = fc.array(mutationArbitrary(), { minLength: 1, maxLength: 3 });
const mutate = (ms: Mutation[]) => ms.reduce((files, m) => applyMutation(files, m), example as RegisterFileText[]);

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function writeTree(files: readonly RegisterFileText[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'crr-fuzz-'));
  temps.push(dir);
  for (const f of files) {
    const abs = join(dir, f.path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, f.bytes);
  }
  return dir;
}

/** A long run (`pnpm fuzz`) may take many minutes; a hang in the normal run still fails at the default limit. */
const TIME_LIMIT = LONG ? 3_600_000 : undefined;
const params = (runs: number) => ({ numRuns: RUNS ?? (LONG ? runs * 20 : runs), seed: SEED, endOnFailure: true });

describe(`fuzz (seed ${SEED})`, () => {
  it('the mutations are real: most change the register, and some make it invalid', () => {
    const sample = fc.sample(mutations, { numRuns: 100, seed: SEED });
    const changed = sample.filter((ms) => mutate(ms).some((f, i) => f.path !== example[i]?.path || Buffer.compare(Buffer.from(f.bytes), Buffer.from(example[i]!.bytes)) !== 0));
    expect(changed.length).toBeGreaterThan(75);
    const invalid = sample.slice(0, 12).filter((ms) => countBySeverity(validateFiles(mutate(ms).filter((f) => /\.ya?ml$/i.test(f.path)), { asOf: AS_OF }).diagnostics).errors > 0);
    expect(invalid.length).toBeGreaterThan(2);
  });

  it('the core pipeline never throws: load, validate, and analyse, what-if and report data where it validates', () => {
    fc.assert(
      fc.property(mutations, (ms) => {
        const files = mutate(ms).filter((f) => /\.ya?ml$/i.test(f.path));
        const { register, diagnostics } = validateFiles(files, { asOf: AS_OF });
        for (const d of diagnostics) {
          expect(d.code).toMatch(/^CRR-[EW]\d{3}$/);
          expect(d.message.length).toBeGreaterThan(0);
        }
        if (countBySeverity(diagnostics).errors) return;
        buildReport(register, { asOf: AS_OF, tool: 'crr fuzz' });
        if (register.assets.length) whatIf(register, [{ asset: register.assets[0]!.id }]);
      }),
      params(60),
    );
  }, TIME_LIMIT);

  it('the CLI in-process: exit 0, 1 or 2, no stack trace, no internal error, the register unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, fc.constantFrom('validate-json', 'validate-pretty', 'analyse', 'what-if'), async (ms, command) => {
        const dir = writeTree(mutate(ms));
        const before = folderFingerprint(dir);
        const argv =
          command === 'validate-json'
            ? ['validate', dir, '--format', 'json']
            : command === 'validate-pretty'
              ? ['validate', dir]
              : command === 'analyse'
                ? ['analyse', dir, '--format', 'json']
                : ['what-if', dir, '--fail', 'vpn-a', '--fail', 'software=MX 18.*'];
        const run = await runCli([...argv, '--as-of', AS_OF]);
        expectClean({ ...run, signal: null, ms: 0, timedOut: false }, `crr ${argv.join(' ')} after ${JSON.stringify(ms)}`);
        if (command === 'validate-json' || command === 'analyse') {
          if (run.code !== 2) expect(() => JSON.parse(run.stdout)).not.toThrow();
        }
        expect(folderFingerprint(dir)).toBe(before);
        rmSync(dir, { recursive: true, force: true });
      }),
      params(16),
    );
  }, TIME_LIMIT);

  it('the real binary: the same promises, within a time limit', () => {
    fc.assert(
      fc.property(mutations, (ms) => {
        const dir = writeTree(mutate(ms));
        const before = folderFingerprint(dir);
        for (const argv of [
          ['validate', dir, '--as-of', AS_OF],
          ['analyse', dir, '--as-of', AS_OF, '--top', '3'],
        ]) {
          expectClean(runBin(argv, { timeoutMs: 20_000 }), `crr ${argv.join(' ')} after ${JSON.stringify(ms)}`);
        }
        expect(folderFingerprint(dir)).toBe(before);
        rmSync(dir, { recursive: true, force: true });
      }),
      params(3),
    );
  }, TIME_LIMIT);
});
