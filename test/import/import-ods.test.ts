/**
 * `crr import ods` on the real published files, through the CLI's `main()`: Kent and Medway, and
 * the Done-when test: all of England imports, and with a small hand-written manifest and profile
 * beside it validates with no errors. Counts are checked against an independent count of the files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateFolder } from '@crr/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { completeRegister, ENGLAND_FILES, importArgs, independentCount, KM_FILES, tree, useScratch } from './ods-helpers.js';

const scratch = useScratch('import-ods');
const AS_OF = '2026-12-01';

/** Site records of an import: one line per practice, without the comments beside them. */
function siteLines(files: Record<string, string>): string[] {
  return Object.entries(files)
    .filter(([p]) => p.endsWith('sites.yaml'))
    .flatMap(([, t]) => t.split('\n').filter((l) => l.startsWith('  - { id: ')).map((l) => l.replace(/ {2}#.*$/, '')))
    .sort();
}

describe('crr import ods: Kent and Medway (QKS)', () => {
  const expected = independentCount(KM_FILES, 'QKS');
  let out: string;
  let stdout: string;
  beforeAll(async () => {
    out = join(scratch(), 'km');
    const r = await runCli(importArgs(KM_FILES, out, '--icb', 'QKS'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    stdout = r.stdout;
  });

  it('writes every active GP practice of the ICB, with its ODS code, name, PCN, list size and profile', () => {
    expect(expected.practices).toBe(177);
    const files = tree(out);
    expect(Object.keys(files)).toEqual(['icbs/qks/organisations.yaml', 'icbs/qks/sites.yaml', 'regions.yaml']);
    const sites = siteLines(files);
    expect(sites).toHaveLength(expected.practices);
    expect(sites.map((l) => /id: ([A-Z0-9]+),/.exec(l)![1]).sort()).toEqual(expected.codes);
    expect(files['icbs/qks/sites.yaml']).toContain(
      `  - { id: G82002, type: practice, name: ST JAMES' SURGERY, ods: G82002, pcn: pcn-u34235, listSize: 8568, postcode: CT16 1SF, profile: standard-practice }`,
    );
    expect(files['icbs/qks/organisations.yaml']).toContain('  - { id: pcn-u34235, type: pcn, name: DOVER TOWN PCN, ods: U34235, parent: org-subicb-91q }');
    expect(files['icbs/qks/organisations.yaml']).toContain('  - { id: org-icb-qks, type: icb, name: Kent and Medway ICB, ods: QKS, parent: org-region-y59 }');
    expect(files['regions.yaml']).toContain('  - { id: org-region-y59, type: region, name: NHS England South East, ods: Y59 }');
  });

  it('opens every file with the Open Government Licence attribution and the files it came from', () => {
    for (const [path, text] of Object.entries(tree(out))) {
      const head = text.slice(0, text.indexOf('\n\n'));
      expect(head.replace(/^# ?/gm, '').replace(/\n/g, ' ').startsWith('Contains public sector information licensed under the Open Government Licence v3.0 (source: NHS England / NHS Digital Organisation Data Service and GP registration publications).'), path).toBe(true);
      expect(head).toContain('epraccur-QKS-2025-04.csv');
      expect(head).toContain('gp-practice-pcn-map-QKS-2022-01.csv (extract 2022-01-01)');
      expect(head).toContain('gp-list-size-QKS-2021-01.csv (extract 2021-01-01)');
    }
  });

  it('reports each quirk with its count, as the independent count finds it', () => {
    expect(expected).toMatchObject({ notInMap: 0, unallocated: 1, pcnInOtherIcb: 0, icbChangedKept: 0, noListSize: 0 });
    expect(stdout).toContain('Imported 177 active GP practices (1,787,470 registered patients) of 1 ICB (QKS)');
    expect(stdout).toContain(`${expected.rows} rows: 177 active GP practices in England`);
    expect(stdout).toContain(`${expected.notInMap} practices not in the PCN map, and ${expected.unallocated} filed there as U "Unallocated"`);
    expect(stdout).toContain(`${expected.pcnInOtherIcb} practices whose PCN is now mostly in another ICB`);
    expect(stdout).toContain(`${expected.noListSize} practices with no published list size`);
    // The README: 17 practices of the map have since closed or merged.
    expect(stdout).toContain('Not imported, as no longer active practices: 17 rows of the PCN map, 17 list sizes.');
    expect(stdout).toContain('Every practice names profile `standard-practice`: the register must define it');
    // The unallocated practice is in the stand-in PCN, which says what it is.
    const sites = readFileSync(join(out, 'icbs/qks/sites.yaml'), 'utf8');
    expect(sites.match(/pcn: pcn-qks-unmapped, subIcb: org-subicb-91q,.*# unallocated in the PCN map$/gm)).toHaveLength(1);
    expect(readFileSync(join(out, 'icbs/qks/organisations.yaml'), 'utf8')).toMatch(/id: pcn-qks-unmapped, type: pcn, name: "Kent and Medway ICB: practices with no PCN in the PCN map", parent: org-icb-qks, description: "Not a real PCN/);
  });

  it('with the hand-written manifest and profile beside it, validates with no errors', async () => {
    const dir = join(scratch(), 'reg');
    const r = await runCli(importArgs(KM_FILES, dir, '--icb', 'QKS'));
    expect(r.code).toBe(0);
    completeRegister(dir);
    const v = await runCli(['validate', dir, '--as-of', AS_OF]);
    expect(v.stdout).toMatch(/✔ 0 errors, 0 warnings/);
    expect(v.code).toBe(0);
  });

  it('is deterministic: two imports give the same bytes, and so do the files with their rows in another order', async () => {
    const again = join(scratch(), 'again');
    expect((await runCli(importArgs(KM_FILES, again, '--icb', 'QKS'))).code).toBe(0);
    expect(tree(again)).toEqual(tree(out));
    // The same rows, reversed (headers first still), under the same names.
    const dir = scratch();
    const reversed = (file: string, header: boolean) => {
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
      const [head, ...rows] = header ? lines : ['', ...lines];
      const path = join(dir, file.split('/').pop()!);
      writeFileSync(path, [...(header ? [head] : []), ...rows.reverse()].join('\n') + '\n');
      return path;
    };
    const shuffled = { practices: reversed(KM_FILES.practices, false), pcns: reversed(KM_FILES.pcns, true), listSizes: reversed(KM_FILES.listSizes, true) };
    const other = join(dir, 'out');
    expect((await runCli(importArgs(shuffled, other, '--icb', 'QKS'))).code).toBe(0);
    expect(tree(other)).toEqual(tree(out));
  });
});

describe('crr import ods --all: every ICB in England (the Done-when test)', () => {
  const expected = independentCount(ENGLAND_FILES);
  let out: string;
  let stdout: string;
  beforeAll(async () => {
    out = join(scratch(), 'england');
    const r = await runCli(importArgs(ENGLAND_FILES, out, '--all'));
    expect(r.code, r.stderr).toBe(0);
    stdout = r.stdout;
  });

  it('imports the 6,253 active practices in England in 42 ICBs, and validates with 0 errors', async () => {
    expect(expected.practices).toBe(6253);
    expect(expected.icbs).toBe(42);
    completeRegister(out);
    const { register, diagnostics } = await validateFolder(out, { asOf: AS_OF });
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.file}:${d.line} ${d.message}`)).toEqual([]);
    const practices = register.sites.filter((s) => s.type === 'practice');
    expect(practices).toHaveLength(6253);
    expect(practices.map((s) => s.id).sort()).toEqual(expected.codes);
    expect(register.organisations.filter((o) => o.type === 'icb')).toHaveLength(42);
    expect(register.organisations.filter((o) => o.type === 'region')).toHaveLength(7);
    expect(register.organisations.filter((o) => o.type === 'sub-icb')).toHaveLength(106);
    expect(stdout).toContain('Imported 6,253 active GP practices');
    expect(stdout).toContain('of every ICB in England (42)');
  });

  it('reports the quirks with the counts the files hold (README: 87 without a PCN, 41 changed ICB, 47 without a list size)', () => {
    expect(expected).toMatchObject({ notInMap: 44, unallocated: 43, noListSize: 47, wales: 398 });
    expect(expected.pcnInOtherIcb + expected.icbChangedKept).toBeGreaterThanOrEqual(41);
    expect(stdout).toContain(`${expected.notInMap} practices not in the PCN map, and ${expected.unallocated} filed there as U "Unallocated"`);
    expect(stdout).toContain(`${expected.pcnInOtherIcb} practices whose PCN is now mostly in another ICB`);
    expect(stdout).toContain(`${expected.icbChangedKept} practices in another ICB than the map says, whose whole PCN moved with them`);
    expect(stdout).toContain(`${expected.noListSize} practices with no published list size`);
    expect(stdout).toContain(`left out: ${expected.wales} active in Wales (region W00)`);
    const sites = Object.entries(tree(out)).filter(([p]) => /^icbs\/.*sites\.yaml$/.test(p)).map(([, t]) => t).join('\n');
    expect(sites.match(/# .*no published list size: 0 written/g)).toHaveLength(expected.noListSize);
    expect(sites.match(/pcn: pcn-[a-z0-9]+-unmapped,/g)).toHaveLength(expected.notInMap + expected.unallocated + expected.pcnInOtherIcb);
    expect(sites.match(/# .*PCN U\d{5} in the map is now in Q[A-Z0-9]{2}/g)).toHaveLength(expected.pcnInOtherIcb);
  });

  it('--icb QKS on the England files gives the same practices as the Kent and Medway slice', async () => {
    const qks = join(scratch(), 'qks');
    const km = join(scratch(), 'km');
    expect((await runCli(importArgs(ENGLAND_FILES, qks, '--icb', 'QKS'))).code).toBe(0);
    expect((await runCli(importArgs(KM_FILES, km, '--icb', 'qks'))).code).toBe(0);
    expect(siteLines(tree(qks))).toEqual(siteLines(tree(km)));
    expect(siteLines(tree(qks))).toHaveLength(177);
  });

  it('is deterministic: two imports of England give the same bytes', async () => {
    const again = join(scratch(), 'again');
    expect((await runCli(importArgs(ENGLAND_FILES, again, '--all'))).code).toBe(0);
    const a = tree(again);
    const b = tree(out);
    for (const p of Object.keys(a)) expect(a[p], p).toBe(b[p]);
  });
});

describe('crr import ods --compare', () => {
  it('reports practices new, closed, moved PCN and list sizes changed, and never changes the register', async () => {
    const reg = join(scratch(), 'register');
    expect((await runCli(importArgs(KM_FILES, reg, '--icb', 'QKS'))).code).toBe(0);
    completeRegister(reg);
    const sitesFile = join(reg, 'icbs/qks/sites.yaml');
    let sites = readFileSync(sitesFile, 'utf8');
    // A practice removed, a list size changed by 20%, one by 5% (under the threshold), a PCN changed,
    // and a practice that has closed since (status C in epraccur) added.
    sites = sites.replace(/^ {2}- \{ id: G82006,.*\n/m, '');
    sites = sites.replace('id: G82002, type: practice, name: ST JAMES\' SURGERY, ods: G82002, pcn: pcn-u34235, listSize: 8568', 'id: G82002, type: practice, name: ST JAMES\' SURGERY, ods: G82002, pcn: pcn-u34235, listSize: 7140');
    const small = /id: (G8\d{4}),.*?listSize: (\d{4,})/.exec(sites.split('\n').filter((l) => !/G82002|G82006|G82016/.test(l)).join('\n'))!;
    sites = sites.replace(new RegExp(`(id: ${small[1]},.*?listSize: )(\\d+)`), (_, a: string, n: string) => `${a}${Math.round(Number(n) * 1.05)}`);
    sites = sites.replace(/(id: G82016,.*?pcn: )pcn-u\d{5}/, '$1pcn-u34235');
    const closed = readFileSync(KM_FILES.practices, 'utf8').split('\n').find((l) => /^"G\d{5}",.*"C","B"/.test(l))!;
    const closedCode = /^"(G\d{5})"/.exec(closed)![1]!;
    sites += `  - { id: ${closedCode}, type: practice, name: A CLOSED SURGERY, ods: ${closedCode}, pcn: pcn-u34235, listSize: 1000, profile: standard-practice }\n`;
    writeFileSync(sitesFile, sites);
    const before = tree(reg);

    const out = join(scratch(), 'refresh');
    const r = await runCli([...importArgs(KM_FILES, out, '--icb', 'QKS'), '--compare', reg]);
    expect(r.code, r.stderr).toBe(0);
    expect(tree(reg)).toEqual(before);
    expect(Object.keys(tree(out))).toHaveLength(3);
    const text = r.stdout.slice(r.stdout.indexOf('Compared with'));
    const g82016 = /id: G82016,.*?pcn: pcn-(u\d{5})/.exec(before['icbs/qks/sites.yaml']!) && /id: G82016,.*?pcn: pcn-(u\d{5})/.exec(readFileSync(join(out, 'icbs/qks/sites.yaml'), 'utf8'))![1]!.toUpperCase();
    expect(text).toContain('Compared with');
    expect(text).toMatch(/New in ODS \(active, not in the register\): 1\n {4}G82006 \S.*\n/);
    expect(text).toMatch(new RegExp(`Closed \\(in the register, not active in ODS\\): 1\\n {4}${closedCode} A CLOSED SURGERY: status C, closed \\d{4}-\\d{2}-\\d{2}\\n`));
    expect(text).toContain(`Moved PCN: 1\n    G82016 `);
    expect(text).toContain(`: U34235 → ${g82016}\n`);
    expect(text).toContain('List size changed by more than 10%: 1\n    G82002 ST JAMES\' SURGERY: 7140 → 8568 (+20%)\n');
    expect(text).toContain('The register was not changed');
    // A lower threshold also reports the 5% change.
    const out2 = join(scratch(), 'refresh2');
    const r2 = await runCli([...importArgs(KM_FILES, out2, '--icb', 'QKS'), '--compare', reg, '--list-size-change', '4%']);
    expect(r2.stdout).toMatch(new RegExp(`List size changed by more than 4%: 2\\n {4}G82002 .*\\n {4}${small[1]} .*\\(-4\\.8%\\)\\n`));
  });

  it('refuses an output folder inside the register it compares with', async () => {
    const reg = join(scratch(), 'register');
    expect((await runCli(importArgs(KM_FILES, reg, '--icb', 'QKS'))).code).toBe(0);
    const r = await runCli([...importArgs(KM_FILES, join(reg, 'refresh'), '--icb', 'QKS'), '--compare', reg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is inside the register');
  });
});

describe('crr import ods: the output folder', () => {
  it('refuses a folder that is not empty, and a file, and writes nothing', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'mine.yaml'), 'keep: me\n');
    const r = await runCli(importArgs(KM_FILES, dir, '--icb', 'QKS'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not empty (it holds `mine.yaml`)');
    expect(tree(dir)).toEqual({ 'mine.yaml': 'keep: me\n' });
    const f = await runCli(importArgs(KM_FILES, join(dir, 'mine.yaml'), '--icb', 'QKS'));
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('already exists and is not a folder');
  });

  it('writes into an empty folder', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'empty'));
    expect((await runCli(importArgs(KM_FILES, join(dir, 'empty'), '--icb', 'QKS'))).code).toBe(0);
  });
});
