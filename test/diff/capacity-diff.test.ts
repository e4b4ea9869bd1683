/**
 * `crr diff` sees capacity and named scenarios: loads before and after, overloads and N-1
 * shortfalls new, grown and resolved, degraded reach, each scenario before and after, and the two
 * guards that trip on them (CRR-G007 uncovered-capacity-shortfall, CRR-G008
 * scenario-past-tolerance). Real git repositories, as the other `crr diff` suites.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, diffRegisters, loadRegister, runGuards, sourceFromText, type DiffSide } from '@crr/core';
import { describe, expect, it } from 'vitest';
import type { SarifLog } from '../../packages/cli/src/render/sarif.js';
import { generateRegister } from '../generate/generate-register.js';
import {
  addHazard,
  AS_OF,
  commands,
  diff,
  diffJson,
  git,
  guard,
  HAZARDS,
  hazardYaml,
  INFRA,
  lineOf,
  makeRepo,
  parse,
  Repo,
  ROOT,
  tripped,
  useScratch,
} from './helpers.js';

const scratch = useScratch('capacity');

/** vpn-b (no hazard names it) limited to the 3 tunnels it carries at base. */
const vpnBFull = (r: Repo) => r.edit(INFRA, 'capacity: { limit: 400, unit: tunnels }', 'capacity: { limit: 3, unit: tunnels }');
/** vpn-a limited to 4 tunnels: what it would carry at base if vpn-b failed (N-1), exactly. */
const vpnALimit = (limit: number) => (r: Repo) => r.edit(INFRA, 'capacity: { limit: 160, unit: tunnels }', `capacity: { limit: ${limit}, unit: tunnels }`);
/** HAZ-001 no longer names vpn-a (its other cause, the MX 18 selector, does not pick it out). */
const unnameVpnA = (r: Repo) => r.edit(HAZARDS, '      - description: Concentrator A runs out of tunnel capacity at the morning peak.\n        assets: [vpn-a]\n', '');
/** Practice G99001's peak demand, in tunnels (its profile says 1). */
const demandOfG99001 = (r: Repo, tunnels: number) => r.edit(INFRA, /listSize: 9240, profile: kpsn-emis(, demand: \{ tunnels: \d+ \})? \}/, `listSize: 9240, profile: kpsn-emis, demand: { tunnels: ${tunnels} } }`);
/** Move practice G99002 off vpn-a onto vpn-b. */
const moveG99002ToVpnB = (r: Repo) => r.edit(INFRA, 'profile: kpsn-emis,\n      bindings: { concentrator: vpn-a } }', 'profile: kpsn-emis,\n      bindings: { concentrator: vpn-b } }');

const scenarioYaml = (id: string, fails: string, tolerance: string) => `scenarios:
  - id: ${id}
    title: Planned maintenance of ${fails}
    reason: Firmware upgrades take ${fails} out of service for an evening each quarter.
    assets: [${fails}]
    tolerance: { ${tolerance} }
`;

const markdown = async (r: Repo, base = 'base') => {
  const run = await diff(r.dir, [base, 'HEAD', 'reg']);
  expect(run.stderr).toBe('');
  return run;
};
const github = async (r: Repo) => (await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'github'])).stdout;
const jsonBetween = async (r: Repo, base: string) => {
  const run = await diff(r.dir, [base, 'HEAD', 'reg', '--format', 'json']);
  expect(run.stderr).toBe('');
  return { code: run.code, out: parse(run.stdout) };
};

/** The example register in a repository of its own, committed once and branched as `base`. */
function exampleRepo(name: string): Repo {
  const r = new Repo(join(scratch, name));
  cpSync(join(ROOT, 'registers/example-icb'), r.reg, { recursive: true });
  git(r.dir, 'init', '-q');
  r.commit('base');
  git(r.dir, 'branch', 'base');
  return r;
}

describe('the issue: a change that moves practices onto one concentrator', () => {
  it('reports the load before and after, and trips CRR-G007 when no hazard names the concentrator', async () => {
    const r = makeRepo(scratch, vpnBFull);
    moveG99002ToVpnB(r);
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.capacity.loads).toEqual([
      { asset: 'vpn-a', name: 'VPN concentrator A', before: expect.objectContaining({ load: 1, limit: 160 }), after: expect.objectContaining({ load: 0, limit: 160 }) },
      { asset: 'vpn-b', name: 'VPN concentrator B', before: { limit: 3, unit: 'tunnels', load: 3, headroom: 0 }, after: expect.objectContaining({ limit: 3, unit: 'tunnels', load: 4, headroom: -1 }) },
    ]);
    expect(out.capacity.overloads.new).toEqual([
      expect.objectContaining({ finding: 'capacity:vpn-b', kind: 'capacity', overloaded: [{ asset: 'vpn-b', name: 'VPN concentrator B', unit: 'tunnels', limit: 3, load: 4, shortfall: 1 }], shortfall: 1, shortfallBefore: null, hazards: [] }),
    ]);
    expect(out.capacity.overloads.new[0]!.sites).toEqual(['G99001', 'G99002', 'G99003', 'G99003-B']);
    expect(tripped(out)).toContain('CRR-G007');
    const g007 = guard(out, 'CRR-G007').findings;
    expect(g007).toHaveLength(1);
    expect(g007[0]!.message).toBe(
      'At peak, `vpn-b` (VPN concentrator B) would carry 4 of 3 tunnels, a shortfall of 1, for 4 sites (27,140 patients): G99001, G99002, G99003, G99003-B. ICBs: NHS Kent and Medway ICB 3 sites (27,140). No hazard names it.',
    );
    expect(g007[0]!.hint).toBe("Name `vpn-b` in a hazard's causes (by id or selector), or keep the load within its limit.");
    expect(g007[0]!.at).toMatchObject({ side: 'head', file: INFRA, line: lineOf(r.file(INFRA), '  - { id: vpn-b,') });
    expect(out.verdict).toBe('fail');
    expect(code).toBe(1);
  });

  it('does not trip CRR-G007 when a hazard names the concentrator, and still reports the overload', async () => {
    const r = makeRepo(scratch, vpnBFull);
    moveG99002ToVpnB(r);
    addHazard(r, hazardYaml('HAZ-004', 'Concentrator B runs out of tunnels').replace('assets: [dc-core]', 'assets: [vpn-b]'));
    r.commit();
    const { out } = await diffJson(r);
    expect(out.capacity.overloads.new).toEqual([expect.objectContaining({ finding: 'capacity:vpn-b', shortfall: 1, hazards: ['HAZ-004'] })]);
    expect(guard(out, 'CRR-G007').findings).toEqual([]);
  });

  it('on the example: every practice rebound to vpn-a only, a hazard names it, so the overload is shown and CRR-G007 holds', async () => {
    const r = exampleRepo('example-rebind');
    r.edit('profiles.yaml', /concentrator: \{ anyOf: \[vpn-b, vpn-a\], name: "VPN concentrator pair \(B preferred, A failover\)" \}/g, 'concentrator: vpn-a');
    r.commit();
    const { out } = await diffJson(r);
    const vpnA = out.capacity.loads.find((l) => l.asset === 'vpn-a')!;
    expect(vpnA.before).toMatchObject({ load: 4, limit: 30, worstNMinusOne: { failed: 'vpn-b', load: 48 } });
    expect(vpnA.after!.load).toBeGreaterThan(30);
    // Only the two practices bound to vpn-b alone are left on it.
    expect(out.capacity.loads.find((l) => l.asset === 'vpn-b')).toMatchObject({ before: { load: 46 }, after: { load: 2 } });
    const peak = out.capacity.overloads.new.find((c) => c.finding === 'capacity:vpn-a')!;
    expect(peak.shortfall).toBe(vpnA.after!.load - 30);
    expect(peak.hazards.length).toBeGreaterThan(0);
    // vpn-b carries nothing now: its failure moves no load, so its N-1 shortfall is resolved.
    expect(out.capacity.nMinusOne.resolved).toEqual([expect.objectContaining({ finding: 'capacity-n-1:vpn-b', failed: 'vpn-b', shortfall: 18, overloaded: [expect.objectContaining({ asset: 'vpn-a', load: 48, limit: 30 })] })]);
    expect(out.capacity.degradedReach.nMinusOne).toEqual([expect.objectContaining({ id: 'vpn-b', sitesBefore: 48, sitesAfter: 0 })]);
    expect(guard(out, 'CRR-G007').findings).toEqual([]);
    // vpn-b maintenance leaves vpn-a carrying the same 48 tunnels as before (then by failover, now
    // by binding), so that scenario is unchanged; those that fail vpn-a's neighbours change.
    expect(out.scenarios.list.find((s) => s.id === 'vpn-b-maintenance')!.change).toBe('unchanged');
    expect(out.scenarios.changed).toContain('mx18-defect');
    // vpn-a is now over its limit whatever fails, so DNS patching (within its "no overload" before)
    // goes past it: CRR-G008. The MX 18 defect cuts more, but was past its tolerance already.
    expect(guard(out, 'CRR-G008').findings.map((f) => f.record)).toEqual(['dns-1-patching']);
    expect(out.scenarios.list.find((s) => s.id === 'mx18-defect')).toMatchObject({ before: { exceeded: [{ measure: 'sitesCut', actual: 42 }] }, pastAtHead: [{ measure: 'sitesCut', actual: 50 }], newlyPast: [] });

    const md = (await markdown(r)).stdout;
    expect(md).toContain('| vpn\\-a VPN concentrator A \\(the original\\) | 4 of 30 tunnels | 48 of 30 tunnels | \\+44 | 48 of 30 \\(if vpn\\-b fails\\) | — |');
    expect(md).toContain('| vpn\\-b VPN concentrator B | 46 of 48 tunnels | 2 of 48 tunnels | −44 | — | — |');
    expect(md).toMatch(/^\| new \| at peak, nothing failed \| vpn\\-a 48 of 30 tunnels, shortfall 18 \| 48\\: [^|]+ \\\(Y9\d{4}\\\), [^|]+ and 44 more \| 438,058 \| HAZ\\-001, /m);
    expect(md).toContain('| resolved | N\\-1\\: if vpn\\-b fails | vpn\\-a 48 of 30 tunnels, shortfall 18 |');
    expect(md).toContain('| if vpn\\-b fails \\(N\\-1\\) | 48 | 0 | 438,058 | 0 | −438,058 |');
    expect(md).toContain('### Scenarios');
    expect(md).toMatch(/^\| mx18\\-defect .* \| changed \|/m);
    expect(md).toMatch(/^\d+ other scenarios? unchanged\\.$/m);
  });
});

describe('CRR-G007 on an N-1 shortfall', () => {
  it('trips when a change creates an N-1 shortfall that no hazard names', async () => {
    const r = makeRepo(scratch, (b) => {
      vpnALimit(4)(b);
      unnameVpnA(b);
    });
    demandOfG99001(r, 2);
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.capacity.overloads.new).toEqual([]);
    expect(out.capacity.nMinusOne.new).toEqual([
      expect.objectContaining({ finding: 'capacity-n-1:vpn-b', failed: 'vpn-b', overloaded: [expect.objectContaining({ asset: 'vpn-a', load: 5, limit: 4, shortfall: 1 })], hazards: [] }),
    ]);
    expect(out.capacity.loads.find((l) => l.asset === 'vpn-a')).toMatchObject({ before: { load: 1, worstNMinusOne: { failed: 'vpn-b', load: 4 } }, after: { load: 1, worstNMinusOne: { failed: 'vpn-b', load: 5, headroom: -1 } } });
    expect(tripped(out)).toEqual(['CRR-G007']);
    expect(guard(out, 'CRR-G007').findings[0]!.message).toMatch(/^If `vpn-b` fails, `vpn-a` \(VPN concentrator A\) would carry 5 of 4 tunnels, a shortfall of 1, for 4 sites \([\d,]+ patients\): G99001, G99002, G99003, G99003-B\. ICBs: NHS Kent and Medway ICB 3 sites \([\d,]+\)\. No hazard names `vpn-a`\.$/);
    expect(code).toBe(1);
  });

  it('trips when a shortfall that was there grows, and says what it was', async () => {
    const r = makeRepo(scratch, (b) => {
      vpnALimit(3)(b);
      unnameVpnA(b);
    });
    demandOfG99001(r, 2);
    r.commit();
    const { out } = await diffJson(r);
    expect(out.capacity.nMinusOne.new).toEqual([]);
    expect(out.capacity.nMinusOne.grown).toEqual([expect.objectContaining({ finding: 'capacity-n-1:vpn-b', shortfall: 2, shortfallBefore: 1 })]);
    expect(guard(out, 'CRR-G007').findings.map((f) => f.message)).toEqual([expect.stringContaining('would carry 5 of 3 tunnels, a shortfall of 2 (1 before this change)')]);
  });

  it('does not trip when a hazard names the overloaded survivor, nor when the shortfall shrinks', async () => {
    const named = makeRepo(scratch, vpnALimit(4));
    demandOfG99001(named, 2);
    named.commit();
    const a = await diffJson(named);
    expect(a.out.capacity.nMinusOne.new).toEqual([expect.objectContaining({ hazards: ['HAZ-001'] })]);
    expect(guard(a.out, 'CRR-G007').findings).toEqual([]);
    expect(a.code).toBe(0);

    const shrinks = makeRepo(scratch, (b) => {
      vpnALimit(3)(b);
      unnameVpnA(b);
      demandOfG99001(b, 2);
    });
    demandOfG99001(shrinks, 1);
    shrinks.commit();
    const b = await diffJson(shrinks);
    expect(b.out.capacity.nMinusOne.grown).toEqual([]);
    expect(b.out.capacity.loads.find((l) => l.asset === 'vpn-a')!.after!.worstNMinusOne).toMatchObject({ load: 4 });
    expect(guard(b.out, 'CRR-G007').findings).toEqual([]);
  });
});

describe('CRR-G008 scenario-past-tolerance', () => {
  const withScenario = (b: Repo) => {
    vpnALimit(4)(b);
    b.write('scenarios.yaml', scenarioYaml('vpn-b-maintenance', 'vpn-b', 'overloads: 0'));
  };

  it('trips when a change pushes a scenario past its tolerance, and lowering the demand again brings it back', async () => {
    const r = makeRepo(scratch, withScenario);
    demandOfG99001(r, 2);
    const pushed = r.commit('more demand');
    const { code, out } = await diffJson(r);
    const s = out.scenarios.list.find((x) => x.id === 'vpn-b-maintenance')!;
    expect(s).toMatchObject({
      change: 'changed',
      before: { overloads: [], exceeded: [] },
      after: { overloads: [{ asset: 'vpn-a', load: 5, limit: 4, shortfall: 1 }] },
      pastAtHead: [{ measure: 'overloads', limit: 0, actual: 1 }],
      newlyPast: [{ measure: 'overloads', limit: 0, actual: 1 }],
    });
    // Degraded before too (vpn-a left as their only concentrator); now G99002 also passes through the overloaded vpn-a.
    expect(out.capacity.degradedReach.scenarios).toEqual([
      // Where at head: the branch surgery has no PCN, so no ICB.
      { id: 'vpn-b-maintenance', sitesBefore: 3, sitesAfter: 4, patientsBefore: 21040, patientsAfter: 27140, byIcb: [{ id: 'org-icb', name: 'NHS Kent and Medway ICB', sites: 3, patients: 27140 }], byRegion: [] },
    ]);
    expect(tripped(out)).toEqual(['CRR-G008']);
    const f = guard(out, 'CRR-G008').findings[0]!;
    expect(f.message).toBe('This change pushes scenario `vpn-b-maintenance` (Planned maintenance of vpn-b) past its tolerance: 1 asset overloaded against at most 0.');
    expect(f.at).toMatchObject({ side: 'head', file: 'scenarios.yaml', line: 2 });
    expect(code).toBe(1);

    demandOfG99001(r, 1);
    r.commit('less demand');
    const back = await jsonBetween(r, pushed);
    expect(back.out.scenarios.list.find((x) => x.id === 'vpn-b-maintenance')).toMatchObject({ change: 'changed', before: { exceeded: [{ measure: 'overloads' }] }, pastAtHead: [], newlyPast: [] });
    expect(guard(back.out, 'CRR-G008').findings).toEqual([]);
    expect(back.code).toBe(0);
  });

  it('judges the head by the base tolerance: raising it in the same change does not pass', async () => {
    const r = makeRepo(scratch, withScenario);
    demandOfG99001(r, 2);
    r.edit('scenarios.yaml', 'overloads: 0', 'overloads: 1');
    r.commit();
    const { out } = await diffJson(r);
    expect(out.scenarios.list[0]).toMatchObject({ after: { exceeded: [] }, newlyPast: [{ measure: 'overloads', limit: 0, actual: 1 }] });
    expect(tripped(out)).toEqual(['CRR-G008']);
  });

  it('trips on a new scenario already past its own tolerance, not on one within it or one removed', async () => {
    const past = makeRepo(scratch);
    past.write('scenarios.yaml', scenarioYaml('vpn-a-maintenance', 'vpn-a', 'sitesCut: 0'));
    past.commit();
    const a = await diffJson(past);
    expect(a.out.scenarios.added).toEqual(['vpn-a-maintenance']);
    expect(a.out.scenarios.list[0]).toMatchObject({ change: 'added', before: null, after: { cut: { sites: 1, patients: 6100 } }, newlyPast: [{ measure: 'sitesCut', limit: 0, actual: 1 }] });
    expect(guard(a.out, 'CRR-G008').findings.map((f) => f.message)).toEqual(['New scenario `vpn-a-maintenance` (Planned maintenance of vpn-a) is past its tolerance: 1 site cut against at most 0.']);

    const within = makeRepo(scratch);
    within.write('scenarios.yaml', scenarioYaml('vpn-a-maintenance', 'vpn-a', 'sitesCut: 1'));
    within.commit();
    expect(guard((await diffJson(within)).out, 'CRR-G008').findings).toEqual([]);

    const removed = makeRepo(scratch, (b) => b.write('scenarios.yaml', scenarioYaml('vpn-a-maintenance', 'vpn-a', 'sitesCut: 0')));
    removed.write('scenarios.yaml', 'scenarios: []\n');
    removed.commit();
    const c = await diffJson(removed);
    expect(c.out.scenarios).toMatchObject({ removed: ['vpn-a-maintenance'], added: [], changed: [] });
    expect(guard(c.out, 'CRR-G008').findings).toEqual([]);
  });

  it('can be switched off in the base policy, with CRR-G007', async () => {
    const r = makeRepo(scratch, (b) => {
      withScenario(b);
      unnameVpnA(b);
      b.edit('register.yaml', '  reviewPolicy:\n    hazardReviewMonths: 12\n', '  reviewPolicy:\n    hazardReviewMonths: 12\n  policy:\n    guards:\n      uncovered-capacity-shortfall: false\n      scenario-past-tolerance: false\n');
    });
    demandOfG99001(r, 2);
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.capacity.nMinusOne.new).toHaveLength(1);
    expect(out.scenarios.list[0]!.newlyPast).toHaveLength(1);
    expect(guard(out, 'CRR-G007')).toMatchObject({ enabled: false, findings: [] });
    expect(guard(out, 'CRR-G008')).toMatchObject({ enabled: false, findings: [] });
    expect(code).toBe(0);
  });
});

describe('a register compared with itself', () => {
  it('the example: no capacity change and no scenario change, each said in one line', async () => {
    const r = exampleRepo('example-same');
    r.commit('nothing');
    const { code, out } = await diffJson(r);
    expect(out.capacity).toEqual({
      limited: 2,
      loads: [],
      unchanged: 2,
      overloads: { new: [], grown: [], resolved: [] },
      nMinusOne: { new: [], grown: [], resolved: [] },
      degradedReach: { scenarios: [], nMinusOne: [] },
    });
    expect(out.scenarios.list.length).toBeGreaterThanOrEqual(3);
    expect(out.scenarios.list.every((s) => s.change === 'unchanged' && s.newlyPast.length === 0)).toBe(true);
    expect(out.scenarios).toMatchObject({ added: [], removed: [], changed: [], unchanged: out.scenarios.list.length });
    // The example has scenarios past their tolerance today: unchanged, they trip nothing.
    expect(out.scenarios.list.some((s) => s.pastAtHead.length > 0)).toBe(true);
    expect(tripped(out)).toEqual([]);
    expect(code).toBe(0);

    const md = (await markdown(r)).stdout;
    expect(md.split('\n')[0]).toBe('## ✅ Clinical risk: No change to clinical risk\\.');
    expect(md).toContain('\n### Capacity\n\nNo change to capacity\\: the 2 capacity\\-limited assets carry the same load at peak and after any one failure \\(N\\-1\\), and no overload or shortfall is new or resolved\\.\n');
    expect(md).toContain(`\n### Scenarios\n\nNo change to the ${out.scenarios.list.length} named scenarios\\: each cuts, degrades and overloads what it did\\.\n`);
    expect(md).not.toContain('| asset | load at peak before');
    expect(commands(await github(r), 'notice')).toEqual([
      '::notice::crr: capacity: no change (2 capacity-limited assets).',
      `::notice::crr: scenarios: no change (${out.scenarios.list.length} scenarios).`,
      expect.stringMatching(/^::notice::crr: 0 errors, /),
    ]);
  });

  it('random registers (seeded): no capacity change and no scenario change', () => {
    const side = (files: Record<string, string>, label: string): DiffSide => {
      const { register, diagnostics } = loadRegister(Object.entries(files).map(([path, text]) => sourceFromText(path, text)));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      return { label, register, analysis: analyse(register, { asOf: AS_OF }) };
    };
    for (const [practices, seed] of [[12, 1], [30, 2], [45, 3], [60, 4]] as const) {
      const files = generateRegister({ practices, seed });
      // Two loads of the same text: equal by value, never the same objects.
      const d = diffRegisters(side(files, 'base'), side(files, 'head'), { asOf: AS_OF });
      expect(d.capacity.limited, `seed ${seed}`).toBeGreaterThan(0);
      expect(d.scenarios.list.length, `seed ${seed}`).toBeGreaterThan(0);
      expect(d.capacity, `seed ${seed}`).toEqual({
        limited: d.capacity.limited,
        loads: [],
        unchanged: d.capacity.limited,
        overloads: { new: [], grown: [], resolved: [] },
        nMinusOne: { new: [], grown: [], resolved: [] },
        degradedReach: { scenarios: [], nMinusOne: [] },
      });
      expect(d.scenarios.list.map((s) => [s.change, s.newlyPast.length]), `seed ${seed}`).toEqual(d.scenarios.list.map(() => ['unchanged', 0]));
      const byCode = Object.fromEntries(runGuards(d, undefined).map((g) => [g.code, g.findings.length]));
      expect([byCode['CRR-G007'], byCode['CRR-G008']], `seed ${seed}`).toEqual([0, 0]);
    }
  });
});

describe('every format shows the capacity section and the scenarios', () => {
  const change = () => {
    const r = makeRepo(scratch, (b) => {
      vpnALimit(4)(b);
      unnameVpnA(b);
      b.write('scenarios.yaml', scenarioYaml('vpn-b-maintenance', 'vpn-b', 'overloads: 0'));
    });
    demandOfG99001(r, 2);
    r.commit();
    return r;
  };

  it('markdown: the loads, the shortfall, the degraded reach and the scenario; the verdict names both guards', async () => {
    const r = change();
    const run = await markdown(r);
    expect(run.code).toBe(1);
    const text = run.stdout;
    expect(text.split('\n')[0]).toBe(
      '## ❌ Clinical risk: 2 changes must not pass unnoticed\\: a new capacity shortfall and no hazard names the overloaded asset; a named scenario goes past its tolerance\\.',
    );
    expect(text).toMatch(/^\| `CRR-G007` A new capacity shortfall and no hazard names the overloaded asset \| If \\`vpn\\-b\\` fails, \\`vpn\\-a\\` \\\(VPN concentrator A\\\) would carry 5 of 4 tunnels/m);
    expect(text).toContain('| vpn\\-a VPN concentrator A | 1 of 4 tunnels | 1 of 4 tunnels | 0 | 4 of 4 \\(if vpn\\-b fails\\) | 5 of 4 \\(if vpn\\-b fails\\) |');
    expect(text).toContain('| vpn\\-b VPN concentrator B | 3 of 400 tunnels | 4 of 400 tunnels | \\+1 | — | — |');
    expect(text).toContain('#### Overloads and N-1 shortfalls');
    expect(text).toContain('| new | N\\-1\\: if vpn\\-b fails | vpn\\-a 5 of 4 tunnels, shortfall 1 | 4\\: Hill View Medical Centre \\(G99003\\), Northgate Surgery \\(G99001\\), Riverside Practice \\(G99002\\), Hill View branch surgery \\(G99003\\-B\\) | 27,140 | none | ICBs\\: NHS Kent and Medway ICB 3 sites \\(27,140\\) |');
    expect(text).toContain('#### Degraded reach');
    expect(text).toContain('| scenario vpn\\-b\\-maintenance | 3 | 4 | 21,040 | 27,140 | \\+6,100 |');
    expect(text).toMatch(/^\| if vpn\\-b fails \\\(N\\-1\\\) \| 0 \| 4 \|/m);
    expect(text).toContain(
      '| vpn\\-b\\-maintenance Planned maintenance of vpn\\-b | changed | 0 sites, 0 patients → 0 sites, 0 patients | 3 sites, 21,040 patients → 4 sites, 27,140 patients | none → vpn\\-a 5 of 4 | within → past\\: 1 asset overloaded, at most 0 |',
    );
  });

  it('json: the capacity and scenarios sections; github: the guards as errors and the sections as notices; sarif: the guards as results', async () => {
    const r = change();
    const { out } = await diffJson(r);
    expect(Object.keys(out.capacity)).toEqual(['limited', 'loads', 'unchanged', 'overloads', 'nMinusOne', 'degradedReach']);
    expect(out.capacity.loads.map((l) => l.asset)).toEqual(['vpn-a', 'vpn-b']);
    expect(out.scenarios.changed).toEqual(['vpn-b-maintenance']);

    const gh = await github(r);
    expect(commands(gh, 'error').map((l) => /title=(CRR-G00\d)/.exec(l)?.[1])).toEqual(['CRR-G007', 'CRR-G008']);
    expect(commands(gh, 'error')[0]).toMatch(new RegExp(`^::error file=reg/infrastructure\\.yaml,line=${lineOf(r.file(INFRA), '  - { id: vpn-a,')},col=5,title=CRR-G007 uncovered-capacity-shortfall::If \`vpn-b\` fails`));
    expect(commands(gh, 'error')[1]).toMatch(/^::error file=reg\/scenarios\.yaml,line=2,col=5,title=CRR-G008 scenario-past-tolerance::This change pushes scenario/);
    const notices = commands(gh, 'notice');
    expect(notices.at(-1)).toMatch(/^::notice::crr: 2 errors, /);
    expect(notices).toContainEqual(
      expect.stringMatching(/^::notice::crr: capacity: load at peak vpn-a 1 → 1 of 4 tunnels \(worst N-1 4 → 5\), vpn-b 3 → 4 of 400 tunnels; new N-1 shortfall if vpn-b fails: vpn-a 5 of 4 tunnels, shortfall 1, 4 sites; hazards naming it: none; scenario vpn-b-maintenance degrades 3 → 4 sites; if vpn-b fails, sites at risk 0 → 4\.$/),
    );
    expect(notices).toContainEqual(expect.stringMatching(/^::notice::crr: scenarios: vpn-b-maintenance changed \(cut 0 sites, 0 patients; degraded 4 sites, 27,140 patients; past its tolerance: 1 asset overloaded, at most 0\)\.$/));

    const sarif = JSON.parse((await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'sarif'])).stdout) as SarifLog;
    expect(sarif.runs[0].results.filter((x) => x.ruleId.startsWith('CRR-G')).map((x) => [x.ruleId, x.level])).toEqual([
      ['CRR-G007', 'error'],
      ['CRR-G008', 'error'],
    ]);
  });
});
