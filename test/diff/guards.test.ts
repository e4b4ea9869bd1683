/**
 * The four guards of `crr diff` (CRR-G001..G004), each tripped by one focused change to the small
 * valid register in a real git repository, and the near-miss beside it that must not trip; then
 * the policy that switches guards off, read from the base and never from the head.
 */
import { describe, expect, it } from 'vitest';
import {
  addAcceptance,
  addHazard,
  bindG99001,
  commands,
  diff,
  diffJson,
  guard,
  HAZARDS,
  hazardYaml,
  INFRA,
  lineOf,
  lowerResidual,
  makeRepo,
  removeRecord,
  setPolicy,
  tripAll,
  tripped,
  useScratch,
  type Repo,
} from './helpers.js';

const scratch = useScratch('guards');

/** `--format github` for base..HEAD, with its `::error` lines. */
async function github(r: Repo) {
  const run = await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'github']);
  return { ...run, errors: commands(run.stdout, 'error'), warnings: commands(run.stdout, 'warning'), notices: commands(run.stdout, 'notice') };
}

/** An open hazard deleted (its incident no longer names it: that is a warning only). */
function deleteOpenHazard(r: Repo) {
  removeRecord(r, HAZARDS, 'HAZ-001');
  r.edit(HAZARDS, '    hazards: [HAZ-001]\n', '');
}

describe('CRR-G001 deleted-open-hazard', () => {
  it('trips when an open hazard is deleted, naming it, with the base file and line in the annotation', async () => {
    const r = makeRepo(scratch);
    const line = lineOf(r.file(HAZARDS), '  - id: HAZ-001');
    deleteOpenHazard(r);
    r.commit();
    const { code, out } = await diffJson(r);
    expect(code).toBe(1);
    expect(out.verdict).toBe('fail');
    expect(tripped(out)).toEqual(['CRR-G001']);
    const g = guard(out, 'CRR-G001');
    expect(g).toMatchObject({ name: 'deleted-open-hazard', enabled: true, title: 'An open or transferred hazard was deleted instead of closed' });
    expect(g.findings).toEqual([
      {
        record: 'HAZ-001',
        at: { side: 'base', file: 'hazard-log.yaml', line, column: 5 },
        message: 'Hazard `HAZ-001` (Clinicians cannot open the patient record during consultations) was open and has been deleted.',
        hint: 'Keep the hazard and set its status to `closed` once every control is verified, or restore it.',
      },
    ]);
    expect(out.hazards.removed.map((h) => h.id)).toEqual(['HAZ-001']);

    const gh = await github(r);
    expect(gh.code).toBe(1);
    expect(gh.errors).toEqual([
      `::error file=reg/hazard-log.yaml,line=${line},col=5,title=CRR-G001 deleted-open-hazard::Hazard \`HAZ-001\` (Clinicians cannot open the patient record during consultations) was open and has been deleted.%0AHint: Keep the hazard and set its status to \`closed\` once every control is verified, or restore it.`,
    ]);
  });

  it('trips when a transferred hazard is deleted (with the acceptance of it)', async () => {
    const r = makeRepo(scratch);
    removeRecord(r, HAZARDS, 'HAZ-002');
    removeRecord(r, HAZARDS, 'ACC-001');
    r.edit(HAZARDS, /\nacceptances:\n*$/, '\nacceptances: []\n');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.validation.head.errors).toBe(0);
    expect(code).toBe(1);
    expect(tripped(out)).toEqual(['CRR-G001']);
    expect(guard(out, 'CRR-G001').findings.map((f) => [f.record, f.message])).toEqual([
      ['HAZ-002', 'Hazard `HAZ-002` (Repeat prescriptions cannot be issued electronically) was transferred and has been deleted.'],
    ]);
  });

  it('does not trip when a closed hazard is deleted', async () => {
    const r = makeRepo(scratch);
    removeRecord(r, HAZARDS, 'HAZ-003');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.hazards.removed).toMatchObject([{ id: 'HAZ-003', status: 'closed' }]);
    expect(tripped(out)).toEqual([]);
    expect(out.validation.head.errors).toBe(0);
    expect(code).toBe(0);
    expect(out.verdict).toBe('pass');
    expect((await github(r)).errors).toEqual([]);
  });
});

/** The change: back to major, low (rating 3). */
const raiseResidual = (r: Repo) => r.edit(HAZARDS, 'residualRisk: { severity: major, likelihood: very low }', 'residualRisk: { severity: major, likelihood: low }');

describe('CRR-G002 residual-raised-without-acceptance', () => {
  it('trips when a residual rating rises with no new acceptance of the hazard', async () => {
    const r = makeRepo(scratch, lowerResidual);
    raiseResidual(r);
    r.commit();
    const line = lineOf(r.file(HAZARDS), '  - id: HAZ-001');
    const { code, out } = await diffJson(r);
    expect(out.validation.head.errors).toBe(0);
    expect(code).toBe(1);
    expect(tripped(out)).toEqual(['CRR-G002']);
    expect(guard(out, 'CRR-G002')).toMatchObject({ name: 'residual-raised-without-acceptance', title: 'A residual rating rose without a new acceptance' });
    expect(guard(out, 'CRR-G002').findings).toEqual([
      {
        record: 'HAZ-001',
        at: { side: 'head', file: 'hazard-log.yaml', line, column: 5 },
        message: 'The residual rating of hazard `HAZ-001` (Clinicians cannot open the patient record during consultations) rises from 2 to 3, and no new acceptance of it is recorded.',
        hint: 'Add an acceptance of the hazard at its new residual risk under `acceptances:`, signed by the accountable role.',
      },
    ]);
    expect(out.ratings).toMatchObject([{ hazard: 'HAZ-001', which: 'residual', before: 2, after: 3, direction: 'up' }]);

    const gh = await github(r);
    expect(gh.errors).toHaveLength(1);
    expect(gh.errors[0]).toMatch(new RegExp(`^::error file=reg/hazard-log\\.yaml,line=${line},col=5,title=CRR-G002 residual-raised-without-acceptance::The residual rating of hazard \`HAZ-001\``));
  });

  it('does not trip when the same change records a new acceptance of the hazard', async () => {
    const r = makeRepo(scratch, lowerResidual);
    raiseResidual(r);
    addAcceptance(r, 'ACC-002', 'HAZ-001');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.ratings).toMatchObject([{ hazard: 'HAZ-001', which: 'residual', direction: 'up' }]);
    expect(out.acceptances.added).toEqual(['ACC-002']);
    expect(tripped(out)).toEqual([]);
    expect(code).toBe(0);
  });

  it('still trips when the new acceptance is of another hazard', async () => {
    const r = makeRepo(scratch, lowerResidual);
    raiseResidual(r);
    addAcceptance(r, 'ACC-002', 'HAZ-003');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(tripped(out)).toEqual(['CRR-G002']);
    expect(code).toBe(1);
  });

  it('does not trip when a residual rating falls', async () => {
    const r = makeRepo(scratch);
    lowerResidual(r);
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.ratings).toMatchObject([{ hazard: 'HAZ-001', which: 'residual', before: 3, after: 2, direction: 'down' }]);
    expect(tripped(out)).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('CRR-G003 control-removed-without-replacement', () => {
  it('trips when a control is taken off an open hazard and none is added', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, '    existingControls: [CTL-BCP-01]\n    additionalControls: [CTL-VPN-02]\n', '    additionalControls: [CTL-VPN-02]\n');
    r.commit();
    const line = lineOf(r.file(HAZARDS), '  - id: HAZ-001');
    const { code, out } = await diffJson(r);
    expect(out.validation.head.errors).toBe(0);
    expect(code).toBe(1);
    expect(tripped(out)).toEqual(['CRR-G003']);
    expect(guard(out, 'CRR-G003')).toMatchObject({ name: 'control-removed-without-replacement' });
    expect(guard(out, 'CRR-G003').findings).toEqual([
      {
        record: 'HAZ-001',
        at: { side: 'head', file: 'hazard-log.yaml', line, column: 5 },
        message: 'Control `CTL-BCP-01` was removed from open hazard `HAZ-001`, and no control was added to it.',
        hint: 'Add the control that replaces it, or put it back; if the risk really changed, reassess the hazard.',
      },
    ]);
    expect(out.controls.removedFromHazard).toMatchObject([{ hazard: 'HAZ-001', control: 'CTL-BCP-01', hazardStatus: 'open', replaced: false }]);
    expect(out.controls.removed).toEqual([]); // the control itself stays in the register

    const gh = await github(r);
    expect(gh.errors).toEqual([
      `::error file=reg/hazard-log.yaml,line=${line},col=5,title=CRR-G003 control-removed-without-replacement::Control \`CTL-BCP-01\` was removed from open hazard \`HAZ-001\`, and no control was added to it.%0AHint: Add the control that replaces it, or put it back; if the risk really changed, reassess the hazard.`,
    ]);
  });

  it('does not trip when another control is added to the hazard in the same change', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, '    existingControls: [CTL-BCP-01]\n    additionalControls: [CTL-VPN-02]\n', '    existingControls: [CTL-TEL-03]\n    additionalControls: [CTL-VPN-02]\n');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.controls.removedFromHazard).toMatchObject([{ hazard: 'HAZ-001', control: 'CTL-BCP-01', replaced: true }]);
    expect(tripped(out)).toEqual([]);
    expect(code).toBe(0);
  });

  it('does not trip when the control is taken off a closed hazard', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, '    additionalControls: [CTL-TEL-03]\n', '');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.validation.head.errors).toBe(0);
    expect(out.controls.removedFromHazard).toMatchObject([{ hazard: 'HAZ-003', control: 'CTL-TEL-03', hazardStatus: 'closed', replaced: false }]);
    expect(tripped(out)).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('CRR-G004 uncovered-failure-point', () => {
  it('trips when a practice loses its failover onto an asset no hazard names', async () => {
    const r = makeRepo(scratch);
    bindG99001(r, 'vpn-b');
    r.commit();
    const line = lineOf(r.file(INFRA), '  - { id: vpn-b,');
    const { code, out } = await diffJson(r);
    expect(out.validation.head.errors).toBe(0);
    expect(code).toBe(1);
    expect(tripped(out)).toEqual(['CRR-G004']);
    expect(guard(out, 'CRR-G004')).toMatchObject({ name: 'uncovered-failure-point' });
    expect(guard(out, 'CRR-G004').findings).toEqual([
      {
        record: 'vpn-b',
        at: { side: 'head', file: 'infrastructure.yaml', line, column: 5 },
        message: '`vpn-b` (VPN concentrator B) becomes a single failure point for 1 site (9,240 patients): G99001 (patient-record, prescribing). ICBs: NHS Kent and Medway ICB 1 site (9,240). No hazard names it.',
        hint: "Name `vpn-b` in a hazard's causes (by id or selector), or keep the redundancy these sites had.",
      },
    ]);

    const gh = await github(r);
    expect(gh.errors).toEqual([
      `::error file=reg/infrastructure.yaml,line=${line},col=5,title=CRR-G004 uncovered-failure-point::\`vpn-b\` (VPN concentrator B) becomes a single failure point for 1 site (9,240 patients): G99001 (patient-record, prescribing). ICBs: NHS Kent and Medway ICB 1 site (9,240). No hazard names it.%0AHint: Name \`vpn-b\` in a hazard's causes (by id or selector), or keep the redundancy these sites had.`,
    ]);
    expect(gh.notices.filter((n) => n.includes('CRR-G006'))).toEqual([]);
  });

  it('does not trip when a hazard names the asset, and says so in a CRR-G006 notice', async () => {
    const r = makeRepo(scratch);
    bindG99001(r, 'vpn-a');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.failurePoints.gained).toMatchObject([{ asset: 'vpn-a', sites: [{ site: 'G99001' }], patients: 9240, hazards: ['HAZ-001'] }]);
    expect(tripped(out)).toEqual([]);
    expect(code).toBe(0);
    const gh = await github(r);
    expect(gh.code).toBe(0);
    expect(gh.errors).toEqual([]);
    const line = lineOf(r.file(INFRA), '  - { id: vpn-a,');
    expect(gh.notices.filter((n) => n.includes('CRR-G006'))).toEqual([
      `::notice file=reg/infrastructure.yaml,line=${line},col=5,title=CRR-G006 new-failure-point::\`vpn-a\` becomes a single failure point for 1 site(s) (9240 patients); hazards naming it: HAZ-001. ICBs: NHS Kent and Medway ICB 1 site (9,240).`,
    ]);
  });

  it('does not trip when the same change names the asset in a new hazard', async () => {
    const r = makeRepo(scratch);
    bindG99001(r, 'vpn-b');
    addHazard(r, hazardYaml('HAZ-004', 'Concentrator B fails').replace('assets: [dc-core]', 'assets: [vpn-b]'));
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.failurePoints.gained).toMatchObject([{ asset: 'vpn-b', hazards: ['HAZ-004'] }]);
    expect(tripped(out)).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('policy.guards: the base revision rules', () => {
  it('a guard switched off in the base does not trip, and the markdown says it is off', async () => {
    const r = makeRepo(scratch, (b) => setPolicy(b, '    guards:\n      uncovered-failure-point: false\n'));
    bindG99001(r, 'vpn-b');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(guard(out, 'CRR-G004')).toMatchObject({ enabled: false, findings: [] });
    expect(out.guards.filter((g) => g.code !== 'CRR-G004').every((g) => g.enabled)).toBe(true);
    expect(out.failurePoints.gained).toMatchObject([{ asset: 'vpn-b', hazards: [] }]); // still reported
    expect(code).toBe(0);
    const md = await diff(r.dir, ['base', 'HEAD', 'reg']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("Guards switched off by the register's policy: `uncovered-failure-point`");
    expect((await github(r)).errors).toEqual([]);
  });

  it('a guard switched off only in the head still trips: a change cannot switch off the guard that judges it', async () => {
    const r = makeRepo(scratch);
    setPolicy(r, '    guards:\n      uncovered-failure-point: false\n');
    bindG99001(r, 'vpn-b');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(guard(out, 'CRR-G004').enabled).toBe(true);
    expect(tripped(out)).toEqual(['CRR-G004']);
    expect(code).toBe(1);
  });

  it('a guard switched back on in the head stays off for this change', async () => {
    const r = makeRepo(scratch, (b) => setPolicy(b, '    guards:\n      deleted-open-hazard: false\n'));
    r.edit('register.yaml', 'deleted-open-hazard: false', 'deleted-open-hazard: true');
    deleteOpenHazard(r);
    r.commit();
    const { code, out } = await diffJson(r);
    expect(guard(out, 'CRR-G001')).toMatchObject({ enabled: false, findings: [] });
    expect(code).toBe(0);
  });

  it('every guard can be switched off, and then none trips', async () => {
    const off = '    guards:\n      deleted-open-hazard: false\n      residual-raised-without-acceptance: false\n      control-removed-without-replacement: false\n      uncovered-failure-point: false\n      uncovered-capacity-shortfall: false\n      scenario-past-tolerance: false\n';
    const on = makeRepo(scratch, lowerResidual);
    tripAll(on);
    on.commit();
    const all = await diffJson(on);
    expect(all.out.validation.head.errors).toBe(0);
    expect(tripped(all.out)).toEqual(['CRR-G001', 'CRR-G002', 'CRR-G003', 'CRR-G004']);
    expect(all.code).toBe(1);
    const r = makeRepo(scratch, (b) => {
      lowerResidual(b);
      setPolicy(b, off);
    });
    tripAll(r);
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.guards.map((g) => [g.code, g.enabled, g.findings.length])).toEqual([
      ['CRR-G001', false, 0],
      ['CRR-G002', false, 0],
      ['CRR-G003', false, 0],
      ['CRR-G004', false, 0],
      ['CRR-G007', false, 0],
      ['CRR-G008', false, 0],
    ]);
    expect(out.verdict).toBe('pass');
    expect(code).toBe(0);
  });
});
