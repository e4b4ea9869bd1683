import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateFolder } from '@crr/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, writeRegister } from './generate-register.js';
import { generateNational, trainPattern, type NationalRegister } from './national.js';
import { parseCsv, readOdsEngland, type OdsEngland } from './ods.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

let ods: OdsEngland;
let national: NationalRegister;
beforeAll(() => {
  ods = readOdsEngland();
  national = generateNational({ ods });
});

async function load(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'crr-national-'));
  dirs.push(dir);
  writeRegister(dir, files);
  return validateFolder(dir, { asOf: AS_OF });
}

describe('generateNational', () => {
  it('loads with no diagnostics: every active practice in England, in 42 ICBs', async () => {
    const { register, diagnostics } = await load(national.files);

    expect(diagnostics.map((d) => `${d.code} ${d.file}:${d.line} ${d.message}`)).toEqual([]);
    const practices = register.sites.filter((s) => s.type === 'practice');
    expect(practices).toHaveLength(6253);
    expect(national.practices).toBe(6253);
    expect(register.organisations.filter((o) => o.type === 'icb')).toHaveLength(42);
    expect(national.icbs).toHaveLength(42);
    expect(register.profiles.length).toBeGreaterThanOrEqual(110);
    expect(register.profiles.length).toBeLessThanOrEqual(130);
    expect(Object.keys(national.files).length).toBeGreaterThanOrEqual(250);
    // Some ICBs have an N-1 shortfall on pair 01, not all.
    expect(national.shortfallIcbs.length).toBeGreaterThan(3);
    expect(national.shortfallIcbs.length).toBeLessThan(30);
  }, 30_000);

  it('carries real ODS codes, names, PCNs and list sizes', async () => {
    const { register } = await load(generateNational({ ods, icbs: ['QHM', 'QKS'] }).files);
    const site = (id: string) => register.sites.find((s) => s.id === id);
    const org = (id: string | undefined) => register.organisations.find((o) => o.id === id);

    expect(site('A81001')).toMatchObject({ name: 'THE DENSHAM SURGERY', ods: 'A81001', listSize: 4100, postcode: 'TS18 1HU', pcn: 'pcn-u89141' });
    expect(org('pcn-u89141')).toMatchObject({ type: 'pcn', name: 'STOCKTON PCN', ods: 'U89141' });
    expect(site('G82002')).toMatchObject({ name: "ST JAMES' SURGERY", listSize: 8568, pcn: 'pcn-u34235' });
    expect(org('org-icb-qks')).toMatchObject({ type: 'icb', ods: 'QKS', name: 'Kent and Medway ICB', parent: 'org-region-y59' });
    expect(org('org-region-y59')).toMatchObject({ ods: 'Y59', name: 'NHS England South East' });
    // "Unallocated" in the 2022 map is not a PCN: such a practice is in its ICB's unmapped PCN.
    expect(site('A84035')?.pcn).toBe('pcn-qhm-unmapped');
    expect(org('pcn-qhm-unmapped')).toMatchObject({ type: 'pcn', parent: 'org-icb-qhm' });
    expect(register.organisations.some((o) => o.ods === 'U')).toBe(false);
  });

  it("puts every practice's PCN in a chain that reaches its own ICB and region", () => {
    // From the generated organisations (no core place resolution needed): PCN → (sub-ICB) → ICB → region.
    const orgs = new Map<string, { type: string; parent?: string; ods?: string }>();
    const sites: { id: string; pcn: string; icbFolder: string }[] = [];
    for (const [path, text] of Object.entries(national.files)) {
      for (const m of text.matchAll(/^ {2}- \{ id: ([^,]+), type: ([^,]+), name: .*?(?:, ods: "?([A-Z0-9]+)"?)?(?:, parent: ([^ ,}]+))? \}$/gm))
        orgs.set(m[1]!, { type: m[2]!, ods: m[3], parent: m[4] });
      if (path.endsWith('/sites.yaml'))
        for (const m of text.matchAll(/^ {2}- \{ id: ([A-Z0-9]+), type: practice, .*?, pcn: ([^,]+),/gm)) sites.push({ id: m[1]!, pcn: m[2]!, icbFolder: path.split('/')[1]! });
    }
    expect(sites).toHaveLength(6253);
    const icbOfPractice = new Map(ods.practices.map((p) => [p.code, p.icb]));
    const icbIds = new Map([...orgs].filter(([, o]) => o.type === 'icb').map(([id, o]) => [o.ods!, id]));
    for (const s of sites) {
      const chain: string[] = [];
      const ids: string[] = [];
      for (let id: string | undefined = s.pcn; id && chain.length < 6; id = orgs.get(id)?.parent) {
        chain.push(orgs.get(id)?.type ?? `missing ${id}`);
        ids.push(id);
      }
      if (chain[0] !== 'pcn' || chain.at(-2) !== 'icb' || !['region', 'other'].includes(chain.at(-1)!))
        expect.fail(`${s.id}: ${chain.join(' → ')}`);
      // The ICB the chain reaches is the practice's own (epraccur, April 2025), and its folder.
      expect(ids.at(-2)).toBe(icbIds.get(icbOfPractice.get(s.id)!));
      expect(s.icbFolder).toBe(icbOfPractice.get(s.id)!.toLowerCase());
    }
  });

  it('is deterministic: the same options give the same bytes, another seed other bytes', () => {
    const again = generateNational({ ods: readOdsEngland() });
    expect(Object.keys(again.files)).toEqual(Object.keys(national.files));
    expect(again.files).toEqual(national.files);
    expect(generateNational({ ods, seed: 2 }).files).not.toEqual(national.files);
  });

  it('keeps the first N ICBs, or the ones named, for smaller registers', () => {
    const two = generateNational({ ods, icbs: 2 });
    expect(two.icbs).toEqual([...new Set(ods.practices.map((p) => p.icb))].sort().slice(0, 2));
    expect(Object.keys(two.files).filter((f) => f.endsWith('/sites.yaml'))).toHaveLength(2);
    expect(() => generateNational({ ods, icbs: ['QZZ'] })).toThrow(/no active practices in ICB QZZ/);
  });

  it('cuts a software train at its minor number, and reads quoted CSV', () => {
    expect(trainPattern('FortiOS 7.2.10')).toBe('FortiOS 7.2*');
    expect(trainPattern('PAN-OS 11.1.6')).toBe('PAN-OS 11.1*');
    expect(parseCsv('"A1","ST JAMES\' SURGERY, ""X""",\n"B","y\nz"\n')).toEqual([
      ['A1', 'ST JAMES\' SURGERY, "X"', ''],
      ['B', 'y\nz'],
    ]);
  });
});
