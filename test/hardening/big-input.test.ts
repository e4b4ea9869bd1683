/**
 * Issue 8, class 6: big and odd input. A register from a pull request cannot hang crr, exhaust its
 * stack or flood the log: records per file, items per list and nesting are capped (CRR-E013,
 * E014, E015; `load/load-limits.ts`), the file is refused at the first node past a cap, before
 * the rest is parsed, and at most 100 diagnostics per file and 500 in all are shown, with one
 * CRR-W016 counting the rest.
 *
 * Before the fix (reproduced on main): a 1,000,000-item list ran 17-34 s and printed "Maximum call
 * stack size exceeded"; 100,000 bad records did the same, or printed 74 MB; a hazard with a
 * million effects validated, then crashed the build. Through the real binary, each with a
 * generous time guard; the times measured are printed for the record, not asserted tightly.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectClean, runBin, type BinRun } from '../support/run-bin.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';

const AS_OF = '2026-11-21';
/** Kill the binary after this long: a guard against a hang, far above the 2 s the runs take. */
const GUARD_MS = 20_000;
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A new folder for a built site, outside the register. */
function siteFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crr-big-site-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function register(files: Record<string, string>): string {
  const r = tempRegister({ 'register.yaml': MINIMAL_MANIFEST, ...files });
  cleanups.push(r.cleanup);
  return r.dir;
}

interface Json {
  summary: { errors: number; warnings: number };
  diagnostics: { code: string; file: string | null; line: number | null; column: number | null; message: string }[];
}

function validate(dir: string, format: 'pretty' | 'json' = 'json'): BinRun & { json?: Json } {
  const run = runBin(['validate', dir, '--as-of', AS_OF, ...(format === 'json' ? ['--format', 'json'] : [])], { timeoutMs: GUARD_MS });
  expectClean(run);
  console.info(`crr validate (${format}): ${Math.round(run.ms)} ms, ${run.stdout.length.toLocaleString('en-GB')} bytes of output`);
  return format === 'json' ? { ...run, json: JSON.parse(run.stdout) as Json } : run;
}

const hazard = (effects: string) => `hazards:
  - id: HAZ-001
    title: Clinicians cannot open the patient record
    description: Practices lose the VPN path to the clinical system.
    causes: [{ description: The VPN concentrator fails. }]
    effects:
${effects}    harms: [Delayed diagnosis]
    initialRisk: { severity: minor, likelihood: low }
    residualRisk: { severity: minor, likelihood: low }
    status: open
    owner: ICB digital team
    raised: 2026-01-20
    reviewed: 2026-05-14
`;

describe('caps on records, lists and nesting', () => {
  it('a list of a million records is refused (CRR-E005 written out, CRR-E013 at record 20,001 in flow style)', () => {
    // Written one per line, a million records are 6 MB: over the 4 MiB a file may have.
    const block = validate(register({ 'big.yaml': 'services:\n' + '  - x\n'.repeat(1_000_000) }));
    expect(block.code).toBe(1);
    expect(block.json!.diagnostics.map((d) => [d.code, d.file])).toEqual([['CRR-E005', 'big.yaml']]);
    // In flow style they fit in 2 MB, are read, and the parse stops at record 20,001.
    const flow = validate(register({ 'big.yaml': 'services: [' + 'x,'.repeat(1_000_000) + ']\n' }));
    expect(flow.code).toBe(1);
    expect(flow.json!.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['CRR-E013', 'big.yaml', 1, 12 + 2 * 20_000]]);
    expect(flow.json!.diagnostics[0]!.message).toMatch(/more than 20,000 records \(this is record 20,001\)/);
  });

  it('100,000 bad records: one diagnostic, not 74 MB (pretty and JSON)', () => {
    const dir = register({ 'big.yaml': 'services:\n' + '  - { id: s, bogus: 1 }\n'.repeat(100_000) });
    for (const format of ['pretty', 'json'] as const) {
      const run = validate(dir, format);
      expect(run.code).toBe(1);
      expect(run.stdout.length).toBeLessThan(200_000);
      expect(run.stdout).toContain('CRR-E013');
    }
  });

  it('a hazard with a million effects is refused (CRR-E014 at item 1,001), and crr build stops cleanly', () => {
    // One per line, 46 MB: refused by size. In flow style, 2 MB: read, and stopped at item 1,001.
    const block = validate(register({ 'hazards.yaml': hazard('      - Consultations without the medical history\n'.repeat(1_000_000)) }));
    expect(block.json!.diagnostics.map((d) => d.code)).toEqual(['CRR-E005']);
    const dir = register({ 'hazards.yaml': hazard(`      [${'e,'.repeat(1_000_000)}]\n`) });
    const run = validate(dir);
    expect(run.code).toBe(1);
    // Line 1 is `hazards:`, the effects' list is line 7, its `[` column 7: item 1,001 is column 8 + 2,000.
    expect(run.json!.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['CRR-E014', 'hazards.yaml', 7, 8 + 2 * 1_000]]);
    const build = runBin(['build', dir, '--out', siteFolder(), '--as-of', AS_OF, '--no-search'], { timeoutMs: GUARD_MS });
    expectClean(build, 'crr build');
    expect(build.code).toBe(1);
    expect(build.stdout + build.stderr).toContain('CRR-E014');
  });

  it('a hazard with 1,000 effects, the most a list may have, validates and builds', () => {
    const dir = register({ 'hazards.yaml': hazard(Array.from({ length: 1_000 }, (_, i) => `      - Effect number ${i + 1}\n`).join('')) });
    const run = validate(dir);
    expect(run.json!.diagnostics.filter((d) => d.code === 'CRR-E014')).toEqual([]);
    const out = siteFolder();
    // With search: the index holds every effect's words (a spread of them once overflowed the stack).
    const build = runBin(['build', dir, '--out', out, '--as-of', AS_OF], { timeoutMs: 60_000 });
    expectClean(build, 'crr build');
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    console.info(`crr build, 1,000 effects: ${Math.round(build.ms)} ms`);
  });

  it('10,000 levels of brackets are refused where level 65 opens (CRR-E015)', () => {
    const dir = register({ 'deep.yaml': `organisations:\n  - id: a\n    name: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` });
    const run = validate(dir);
    expect(run.code).toBe(1);
    // Level 1 the file's mapping, 2 the list, 3 the record, 4 the first `[` (column 11): 65 is column 72.
    expect(run.json!.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['CRR-E015', 3, 72]]);
  });

  it('nesting that only aliases make deep is refused too, before zod sees it', () => {
    // Each anchor nests the previous one 10 levels further: 40 anchors, 400 levels, none of them
    // more than 11 deep as written.
    const lines = ['x0: &x0 [[[[[[[[[[1]]]]]]]]]]'];
    for (let i = 1; i < 40; i++) lines.push(`x${i}: &x${i} [[[[[[[[[[*x${i - 1}]]]]]]]]]]`);
    const dir = register({ 'deep.yaml': lines.join('\n') + '\n' });
    const run = validate(dir);
    expect(run.code).toBe(1);
    expect(run.json!.diagnostics.map((d) => d.code)).toEqual(['CRR-E015']);
    expect(run.json!.diagnostics[0]!.message).toMatch(/counting what its aliases bring in/);
  });

  it('a file over the size cap is refused unread, however long its one line', () => {
    const dir = register({});
    writeFileSync(join(dir, 'line.yaml'), 'services: [' + '{ id: s, name: n }, '.repeat(1_050_000) + ']\n'); // 21 MB, one line
    const run = validate(dir);
    expect(run.json!.diagnostics.map((d) => [d.code, d.file])).toEqual([['CRR-E005', 'line.yaml']]);
  });

  it('a 3.8 MB one-line file is read and refused at the record past the cap, at its column', () => {
    const record = '{ id: s, name: n }, ';
    const dir = register({ 'line.yaml': 'services: [' + record.repeat(190_000) + ']\n' });
    const run = validate(dir);
    expect(run.json!.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['CRR-E013', 1, 12 + 20_000 * record.length]]);
  });
});

describe('no stage recurses once per link of a chain', () => {
  it('crr analyse of 5,000 assets each needing the next exits cleanly (it once overflowed the stack)', () => {
    const chain = Array.from({ length: 5_000 }, (_, i) => `  - { id: chain-${i}, type: other, name: Link ${i}${i ? `, needs: [chain-${i - 1}]` : ''} }\n`).join('');
    const dir = register({ 'chain.yaml': `assets:\n${chain}` });
    const run = runBin(['analyse', dir, '--as-of', AS_OF, '--format', 'json'], { timeoutMs: GUARD_MS });
    expectClean(run, 'crr analyse');
    // Validation walks the chain without recursing, and refuses it (deeper than 64: CRR-E062,
    // test/hardening/dependency-depth.test.ts), so the analysis, quadratic in a chain, never runs.
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as Json).diagnostics.map((d) => d.code)).toEqual(['CRR-E062']);
    console.info(`crr analyse, a 5,000-link chain: ${Math.round(run.ms)} ms`);
  });
});

describe('at most 100 diagnostics per file and 500 in all', () => {
  it('15,000 bad records in one file: the first 100, then one CRR-W016 counting the other 29,900', () => {
    const dir = register({ 'big.yaml': 'services:\n' + Array.from({ length: 15_000 }, (_, i) => `  - { id: s${i}, bogus: 1 }\n`).join('') });
    const pretty = validate(dir, 'pretty');
    expect(pretty.code).toBe(1);
    expect(pretty.stdout.length).toBeLessThan(200_000);
    expect(pretty.stdout).toMatch(/big\.yaml:\d+:\d+ CRR-W016 warning And 29,900 more problems \(29,900 errors\) in this file were not shown/);
    const run = validate(dir);
    expect(run.stdout.length).toBeLessThan(200_000);
    const codes = run.json!.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c !== 'CRR-W016')).toHaveLength(100);
    expect(codes.filter((c) => c === 'CRR-W016')).toHaveLength(1);
    expect(run.json!.summary).toEqual({ errors: 100, warnings: 1, files: expect.any(Number) });
  });

  it('200 files of 20 bad records: 500 shown in all, the rest summed up in one more CRR-W016', () => {
    const files: Record<string, string> = {};
    for (let f = 0; f < 200; f++) files[`f${String(f).padStart(3, '0')}.yaml`] = 'services:\n' + Array.from({ length: 20 }, (_, i) => `  - { id: s${f}-${i}, bogus: 1 }\n`).join('');
    const dir = register(files);
    const pretty = validate(dir, 'pretty');
    expect(pretty.code).toBe(1);
    expect(pretty.stdout.length).toBeLessThan(200_000);
    const run = validate(dir);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBeLessThan(200_000);
    const capped = run.json!.diagnostics.filter((d) => d.code === 'CRR-W016');
    expect(run.json!.diagnostics.length - capped.length).toBe(500);
    // 200 files × 20 records × 2 problems = 8,000; 500 shown; the 13th file is cut part way.
    const hidden = capped.reduce((n, d) => n + Number(/And ([\d,]+) more/.exec(d.message)![1]!.replace(/,/g, '')), 0);
    expect(500 + hidden).toBe(8_000);
    // One summary for the file cut part way, one for the 187 files not shown at all.
    expect(capped.map((d) => d.file)).toEqual([null, 'f012.yaml']);
  });
});
