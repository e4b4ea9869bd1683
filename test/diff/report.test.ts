/**
 * What `crr diff` reports, one focused change at a time, in its JSON and its markdown: hazards
 * added, removed and changed field by field, ratings, controls, evidence, failure points,
 * common causes, coverage, blast radius, and acceptances bound to what they accepted.
 */
import { describe, expect, it } from 'vitest';
import {
  addHazard,
  bindG99001,
  commands,
  diff,
  diffJson,
  HAZARDS,
  hazardYaml,
  INFRA,
  lineOf,
  makeRepo,
  removeRecord,
  tripped,
  useScratch,
  type Repo,
} from './helpers.js';

const scratch = useScratch('report');

const markdown = async (r: Repo, extra: string[] = []) => (await diff(r.dir, ['base', 'HEAD', 'reg', ...extra])).stdout;
const github = async (r: Repo) => (await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'github'])).stdout;

/** The rows of the markdown table under a `### heading`. */
function table(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const at = lines.indexOf(`### ${heading}`);
  if (at < 0) return [];
  const rows: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.startsWith('### ')) break;
    if (line.startsWith('|') || line.startsWith('- ') || line.startsWith('…')) rows.push(line);
  }
  const body = rows.filter((l) => !/^\|( ?-+:? ?\|)+$/.test(l)).slice(rows[0]?.startsWith('|') ? 1 : 0); // no header, no delimiter row
  // Inside a code span a backslash is shown as it is (CommonMark): whether crr escapes there is
  // tested on its own (formats.test.ts); here code spans are compared without backslashes.
  return body.map((l) => l.replace(/(?<!\\)`([^`]*?)(?<!\\)`/g, (_m, code: string) => `\`${code.replace(/\\/g, '')}\``));
}

describe('hazards', () => {
  it('reports a hazard added, one removed and one changed field by field', async () => {
    const r = makeRepo(scratch);
    const removedAt = lineOf(r.file(HAZARDS), '  - id: HAZ-003');
    removeRecord(r, HAZARDS, 'HAZ-003');
    addHazard(r, hazardYaml('HAZ-004', 'The core network fails'));
    r.edit(HAZARDS, 'residualRisk: { severity: major, likelihood: low, rating: 3 }', 'residualRisk: { severity: major, likelihood: very low, rating: 2 }');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.validation.head.errors).toBe(0);
    expect(code).toBe(0);
    expect(out.hazards.added).toEqual([{ id: 'HAZ-004', title: 'The core network fails', status: 'open', at: { side: 'head', file: 'hazard-log.yaml', line: lineOf(r.file(HAZARDS), '  - id: HAZ-004'), column: 5 } }]);
    expect(out.hazards.removed).toEqual([{ id: 'HAZ-003', title: 'Practice telephones unavailable to patients', status: 'closed', at: { side: 'base', file: 'hazard-log.yaml', line: removedAt, column: 5 } }]);
    expect(out.hazards.changed).toEqual([
      {
        id: 'HAZ-001',
        title: 'Clinicians cannot open the patient record during consultations',
        status: 'open',
        at: { side: 'head', file: 'hazard-log.yaml', line: 3, column: 5 },
        fields: [
          { field: 'residualRisk.likelihood', before: 'low', after: 'very low' },
          { field: 'residualRisk.rating', before: 3, after: 2 },
        ],
      },
    ]);

    const md = await markdown(r);
    expect(table(md, 'Hazards added')).toEqual(['| HAZ\\-004 The core network fails | open |']);
    expect(table(md, 'Hazards removed')).toEqual(['| HAZ\\-003 Practice telephones unavailable to patients | closed |']);
    expect(table(md, 'Hazards changed')).toEqual(['| HAZ\\-001 | `residualRisk.likelihood` | low | very low |', '| HAZ\\-001 | `residualRisk.rating` | 3 | 2 |']);
  });

  it('reports top-level fields whole, and fields added or removed as null', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, '    services: [patient-record, prescribing]\n', '    services: [patient-record]\n');
    r.edit(HAZARDS, '    owner: ICB digital team\n    raised: 2026-01-20\n', '    owner: CSU network team\n    raised: 2026-01-20\n');
    r.edit(HAZARDS, '    nextReview: 2026-11-21\n', '');
    r.commit();
    const { out } = await diffJson(r);
    expect(out.hazards.changed).toHaveLength(1);
    expect(out.hazards.changed[0]!.fields).toEqual([
      { field: 'nextReview', before: '2026-11-21', after: null },
      { field: 'owner', before: 'ICB digital team', after: 'CSU network team' },
      { field: 'services', before: ['patient-record', 'prescribing'], after: ['patient-record'] },
    ]);
    expect(table(await markdown(r), 'Hazards changed')).toEqual([
      '| HAZ\\-001 | `nextReview` | 2026\\-11\\-21 | \\(none\\) |',
      '| HAZ\\-001 | `owner` | ICB digital team | CSU network team |',
      '| HAZ\\-001 | `services` | \\["patient\\-record","prescribing"\\] | \\["patient\\-record"\\] |',
    ]);
  });

  it('reports no change when nothing but formatting and comments changed', async () => {
    const r = makeRepo(scratch);
    r.write(HAZARDS, `# Reformatted.\n\n${r.read(HAZARDS).replace('existingControls: [CTL-BCP-01]', 'existingControls:\n      - CTL-BCP-01')}`);
    r.commit();
    const { code, out } = await diffJson(r);
    expect(code).toBe(0);
    expect(out.hazards).toEqual({ added: [], removed: [], changed: [] });
    expect(out.ratings).toEqual([]);
    expect((await markdown(r)).split('\n')[0]).toBe('## ✅ Clinical risk: No change to clinical risk\\.');
  });
});

describe('ratings', () => {
  it('reports initial and residual ratings going up and down, and the risk profile', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, 'initialRisk: { severity: major, likelihood: high, rating: 4 }', 'initialRisk: { severity: major, likelihood: very high }'); // HAZ-001 4 -> 5
    r.edit(HAZARDS, 'residualRisk: { severity: major, likelihood: low, rating: 3 }', 'residualRisk: { severity: major, likelihood: very low }'); // HAZ-001 3 -> 2
    r.edit(HAZARDS, 'initialRisk: { severity: considerable, likelihood: low }', 'initialRisk: { severity: minor, likelihood: low }'); // HAZ-003 2 -> 1
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.validation.head.errors).toBe(0);
    expect(out.ratings.map(({ at: _at, ...rest }) => rest)).toEqual([
      { hazard: 'HAZ-001', title: 'Clinicians cannot open the patient record during consultations', which: 'initial', before: 4, after: 5, direction: 'up' },
      { hazard: 'HAZ-001', title: 'Clinicians cannot open the patient record during consultations', which: 'residual', before: 3, after: 2, direction: 'down' },
      { hazard: 'HAZ-003', title: 'Practice telephones unavailable to patients', which: 'initial', before: 2, after: 1, direction: 'down' },
    ]);
    expect(out.riskProfile).toEqual([
      { rating: 1, initialBefore: 0, initialAfter: 1, residualBefore: 1, residualAfter: 1 },
      { rating: 2, initialBefore: 2, initialAfter: 1, residualBefore: 1, residualAfter: 2 },
      { rating: 3, initialBefore: 0, initialAfter: 0, residualBefore: 1, residualAfter: 0 },
      { rating: 4, initialBefore: 1, initialAfter: 0, residualBefore: 0, residualAfter: 0 },
      { rating: 5, initialBefore: 0, initialAfter: 1, residualBefore: 0, residualAfter: 0 },
    ]);
    // An initial rating going up is reported, but it is not a residual rise: no guard trips.
    expect(tripped(out)).toEqual([]);
    expect(code).toBe(0);

    const md = await markdown(r);
    expect(table(md, 'Ratings changed')).toEqual([
      '| HAZ\\-001 Clinicians cannot open the patient record during consultations | initial | 4 | ▲ 5 |',
      '| HAZ\\-001 Clinicians cannot open the patient record during consultations | residual | 3 | ▼ 2 |',
      '| HAZ\\-003 Practice telephones unavailable to patients | initial | 2 | ▼ 1 |',
    ]);
    expect(table(md, 'Risk profile')).toEqual([
      '| 1 | 0 | 1 | \\+1 | 1 | 1 | 0 |',
      '| 2 | 2 | 1 | −1 | 1 | 2 | \\+1 |',
      '| 3 | 0 | 0 | 0 | 1 | 0 | −1 |',
      '| 4 | 1 | 0 | −1 | 0 | 0 | 0 |',
      '| 5 | 0 | 1 | \\+1 | 0 | 0 | 0 |',
    ]);
  });
});

describe('controls', () => {
  it('reports a control taken off a hazard, with whether it was replaced', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, '    existingControls: [CTL-BCP-01]\n    additionalControls: [CTL-VPN-02]\n', '    existingControls: [CTL-TEL-03]\n');
    r.commit();
    const { out } = await diffJson(r);
    expect(out.controls.removedFromHazard.map(({ at: _at, ...rest }) => rest)).toEqual([
      { hazard: 'HAZ-001', control: 'CTL-BCP-01', hazardStatus: 'open', replaced: true },
      { hazard: 'HAZ-001', control: 'CTL-VPN-02', hazardStatus: 'open', replaced: true },
    ]);
    expect(table(await markdown(r), 'Controls taken off hazards')).toEqual(['| HAZ\\-001 | CTL\\-BCP\\-01 | open | yes |', '| HAZ\\-001 | CTL\\-VPN\\-02 | open | yes |']);
  });

  it('reports a control weakened from verified to implemented', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, /(id: CTL-VPN-02\n(?:.*\n)*?)    status: verified/, '$1    status: implemented');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.validation.head.errors).toBe(0);
    expect(out.controls.weakened).toEqual([{ control: 'CTL-VPN-02', before: 'verified', after: 'implemented', at: { side: 'head', file: 'hazard-log.yaml', line: lineOf(r.file(HAZARDS), 'id: CTL-VPN-02'), column: 5 } }]);
    expect(code).toBe(0);
    expect(table(await markdown(r), 'Controls weakened')).toEqual(['| CTL\\-VPN\\-02 | verified | implemented |']);
  });

  it('does not call a control strengthened weakened', async () => {
    const r = makeRepo(scratch, (b) => b.edit(HAZARDS, /(id: CTL-VPN-02\n(?:.*\n)*?)    status: verified/, '$1    status: implemented'));
    r.edit(HAZARDS, /(id: CTL-VPN-02\n(?:.*\n)*?)    status: implemented/, '$1    status: verified');
    r.commit();
    expect((await diffJson(r)).out.controls.weakened).toEqual([]);
  });

  /** CTL-BCP-01's evidence, current until 2027-03-15 at base, made to expire on 2026-11-20. */
  const expireEvidence = (r: Repo) => r.edit(HAZARDS, 'date: 2026-03-15, expires: 2027-03-15 }', 'date: 2026-03-15, expires: 2026-11-20 }');

  it('reports evidence current at the base that has expired at the head, both judged as of the same day', async () => {
    const r = makeRepo(scratch);
    expireEvidence(r);
    r.commit();
    const { code, out } = await diffJson(r); // as of 2026-11-21
    expect(out.controls.evidenceExpired).toEqual([{ control: 'CTL-BCP-01', expired: '2026-11-20', at: { side: 'head', file: 'hazard-log.yaml', line: lineOf(r.file(HAZARDS), 'id: CTL-BCP-01'), column: 5 } }]);
    // Expired evidence is a warning of the head (CRR-W046), not an error: the change passes.
    expect(out.validation.head).toMatchObject({ errors: 0, warnings: 1, diagnostics: [{ code: 'CRR-W046', severity: 'warning' }] });
    expect(code).toBe(0);
    const md = await markdown(r);
    expect(table(md, 'Evidence expired')).toEqual(['| CTL\\-BCP\\-01 | 2026\\-11\\-20 |']);
    expect(md).toContain('The register at head has 1 warning(s).');
  });

  it('does not report evidence that is still current as of the day asked, or was already expired at the base', async () => {
    const r = makeRepo(scratch);
    expireEvidence(r);
    r.commit();
    const early = await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'json', '--as-of', '2026-11-20']);
    expect(JSON.parse(early.stdout).controls.evidenceExpired).toEqual([]);
    const late = await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'json', '--as-of', '2027-04-01']);
    expect(JSON.parse(late.stdout).controls.evidenceExpired).toEqual([]);
  });

  it('lists controls added to and removed from the register', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, '    additionalControls: [CTL-TEL-03]\n', '');
    removeRecord(r, HAZARDS, 'CTL-TEL-03');
    r.edit(HAZARDS, '\nincidents:\n', '  - id: CTL-NEW-01\n    title: A new control\n    kind: business-process\n    status: proposed\n    owner: Practice managers\n\nincidents:\n');
    r.commit();
    const { out } = await diffJson(r);
    expect(out.validation.head.errors).toBe(0);
    expect(out.controls.added).toEqual(['CTL-NEW-01']);
    expect(out.controls.removed).toEqual(['CTL-TEL-03']);
  });
});

describe('failure points, common causes, coverage and reach', () => {
  it('reports a failure point gained, with its sites, services, patients and the hazards naming it', async () => {
    const r = makeRepo(scratch);
    bindG99001(r, 'vpn-a');
    r.commit();
    const { out } = await diffJson(r);
    expect(out.failurePoints).toEqual({
      gained: [
        {
          asset: 'vpn-a',
          name: 'VPN concentrator A',
          sites: [{ site: 'G99001', name: 'Northgate Surgery', services: ['patient-record', 'prescribing'] }],
          patients: 9240,
          hazards: ['HAZ-001'],
          byIcb: [{ id: 'org-icb', name: 'NHS Kent and Medway ICB', sites: 1, patients: 9240 }],
          byRegion: [],
          at: { side: 'head', file: 'infrastructure.yaml', line: lineOf(r.file(INFRA), '  - { id: vpn-a,'), column: 5 },
        },
      ],
      lost: [],
    });
    expect(out.reach).toEqual([{ asset: 'vpn-a', name: 'VPN concentrator A', before: 6100, after: 15340, delta: 9240, byIcb: [{ id: 'org-icb', name: 'NHS Kent and Medway ICB', sites: 2, patients: 15340 }], byRegion: [] }]);
    const md = await markdown(r);
    expect(table(md, 'New failure points')).toEqual(['| vpn\\-a VPN concentrator A | 1: Northgate Surgery \\(G99001\\) | 9,240 | HAZ\\-001 | ICBs\\: NHS Kent and Medway ICB 1 site \\(9,240\\) |']);
    expect(table(md, 'Blast radius: patients put at risk by each asset')).toEqual(['| vpn\\-a VPN concentrator A | 6,100 | 15,340 | \\+9,240 | ICBs\\: NHS Kent and Medway ICB 2 sites \\(15,340\\) |']);
  });

  it('reports a failure point lost when a practice gets its failover back, with the hazards that named it at the base', async () => {
    const r = makeRepo(scratch);
    const vpnA = lineOf(r.file(INFRA), '  - { id: vpn-a,');
    r.edit(INFRA, 'profile: kpsn-emis,\n      bindings: { concentrator: vpn-a } }', 'profile: kpsn-emis }');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.failurePoints.gained).toEqual([]);
    expect(out.failurePoints.lost).toEqual([
      {
        asset: 'vpn-a',
        name: 'VPN concentrator A',
        sites: [{ site: 'G99002', name: 'Riverside Practice', services: ['patient-record', 'prescribing'] }],
        patients: 6100,
        hazards: ['HAZ-001'],
        byIcb: [{ id: 'org-icb', name: 'NHS Kent and Medway ICB', sites: 1, patients: 6100 }],
        byRegion: [],
        at: { side: 'base', file: 'infrastructure.yaml', line: vpnA, column: 5 },
      },
    ]);
    // Reaching nothing at head, its places are the base's: where the 6,100 patients were.
    expect(out.reach).toEqual([{ asset: 'vpn-a', name: 'VPN concentrator A', before: 6100, after: 0, delta: -6100, byIcb: [{ id: 'org-icb', name: 'NHS Kent and Medway ICB', sites: 1, patients: 6100 }], byRegion: [] }]);
    expect(code).toBe(0);
    const md = await markdown(r);
    expect(table(md, 'Failure points removed')).toEqual(['| vpn\\-a VPN concentrator A | 1 | 6,100 | ICBs\\: NHS Kent and Medway ICB 1 site \\(6,100\\) |']);
    expect(table(md, 'Blast radius: patients put at risk by each asset')).toEqual(['| vpn\\-a VPN concentrator A | 6,100 | 0 | −6,100 | ICBs\\: NHS Kent and Medway ICB 1 site \\(6,100\\) |']);
  });

  it('reports a common cause gained when a concentrator moves onto the other\'s software train, and lost when it moves off', async () => {
    // vpn-a is on 9.16.4 and vpn-b on 9.18.2: two trains, and a model alone is no shared fate
    // (docs/analysis.md, the shared-fate table), so the pair has no common cause. Moved to 9.16.7,
    // vpn-b joins vpn-a's train 9.16, which is one.
    const r = makeRepo(scratch);
    r.edit(INFRA, 'software: "9.18.2"', 'software: "9.16.7"');
    r.commit();
    const { out } = await diffJson(r);
    expect(out.commonCauses.lost).toEqual([]);
    expect(out.commonCauses.gained.map((f) => [f.id, f.title, f.reach.patients])).toEqual([['common-cause:software train=Cisco 9.16', '2 assets share the software train `Cisco 9.16`', 27140]]);
    const md = await markdown(r);
    expect(table(md, 'New common causes')).toEqual(['- 2 assets share the software train \\`Cisco 9\\.16\\` (27,140 patients). ICBs\\: NHS Kent and Medway ICB 3 sites \\(27,140\\)']);

    // The other way: a base with the pair on one train, a head that moves vpn-b off it.
    const back = makeRepo(scratch, (b) => b.edit(INFRA, 'software: "9.18.2"', 'software: "9.16.7"'));
    back.edit(INFRA, 'software: "9.16.7"', 'software: "9.18.2"');
    back.commit();
    const { out: backOut } = await diffJson(back);
    expect(backOut.commonCauses.gained).toEqual([]);
    expect(backOut.commonCauses.lost.map((f) => [f.id, f.title])).toEqual([['common-cause:software train=Cisco 9.16', '2 assets share the software train `Cisco 9.16`']]);
    expect(table(await markdown(back), 'Common causes removed')).toEqual(['- 2 assets share the software train \\`Cisco 9\\.16\\`']);
  });

  it('reports coverage gained when a new hazard names a failure point no hazard named', async () => {
    const r = makeRepo(scratch);
    addHazard(r, hazardYaml('HAZ-004', 'The core network fails'));
    r.commit();
    const { out } = await diffJson(r);
    expect(out.coverage.gained.map((f) => [f.id, f.coverage])).toEqual([['failure-point:dc-core', 'covered']]);
    expect(out.coverage.lost).toEqual([]);
    expect(out.failurePoints).toEqual({ gained: [], lost: [] });
    expect(table(await markdown(r), 'Coverage gained: now named by a hazard')).toEqual(['- Data\\-centre core network \\(\\`dc\\-core\\`\\) is a single failure point for 4 sites']);
  });

  it('reports coverage lost when a hazard stops naming a failure point', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, '      - description: Concentrator A runs out of tunnel capacity at the morning peak.\n        assets: [vpn-a]\n', '');
    r.commit();
    const { out } = await diffJson(r);
    expect(out.coverage.lost.map((f) => [f.id, f.coverage, f.reach.patients])).toEqual([['failure-point:vpn-a', 'gap', 6100]]);
    expect(out.coverage.gained).toEqual([]);
    expect(out.hazards.changed.map((h) => [h.id, h.fields.map((f) => f.field)])).toEqual([['HAZ-001', ['causes']]]);
    expect(table(await markdown(r), 'Coverage lost: no hazard names')).toEqual(['- VPN concentrator A \\(\\`vpn\\-a\\`\\) is a single failure point for 1 site (6,100 patients). ICBs\\: NHS Kent and Medway ICB 1 site \\(6,100\\)']);
  });

  // Was a bug (fixed): a coverage gap that closes because its finding went away (the failure point is gone)
  // is reported as "coverage gained: now named by a hazard", though no hazard names anything
  // new. register-diff.ts took `coverage.gained` as every coverage-gap finding of the base not
  // at the head, without checking that the finding it was about is still there.
  it('does not call a gap that closed because its failure point went away "now named by a hazard"', async () => {
    const r = makeRepo(scratch, (b) => bindG99001(b, 'vpn-b'));
    r.edit(INFRA, 'listSize: 9240, profile: kpsn-emis, bindings: { concentrator: vpn-b } }', 'listSize: 9240, profile: kpsn-emis }');
    r.commit();
    const { out } = await diffJson(r);
    expect(out.failurePoints.lost.map((f) => [f.asset, f.hazards])).toEqual([['vpn-b', []]]);
    expect(out.coverage.gained).toEqual([]);
    expect(await markdown(r)).not.toContain('now named by a hazard');
  });

  it('reports the patients each asset puts at risk when a practice list grows, largest change first', async () => {
    const r = makeRepo(scratch);
    r.edit(INFRA, 'listSize: 9240', 'listSize: 10240');
    r.commit();
    const { out } = await diffJson(r);
    expect(out.reach.map((x) => [x.asset, x.before, x.after, x.delta])).toEqual([
      ['G99001/broadband', 9240, 10240, 1000],
      ['G99001/firewall', 9240, 10240, 1000],
      ['G99001/link', 9240, 10240, 1000],
      ['cloud-telephony', 27140, 28140, 1000],
      ['dc-core', 27140, 28140, 1000],
      ['emis-web', 27140, 28140, 1000],
      ['spine-eps', 27140, 28140, 1000],
    ]);
    expect(table(await markdown(r), 'Blast radius: patients put at risk by each asset')[0]).toBe('| G99001/broadband Northgate Surgery broadband | 9,240 | 10,240 | \\+1,000 | ICBs\\: NHS Kent and Medway ICB 1 site \\(10,240\\) |');
  });

  it('shows the fifteen largest changes in reach in the markdown and counts the rest; the JSON has them all', async () => {
    const r = makeRepo(scratch);
    const practices = [1, 2, 3, 4].map((i) => `  - { id: G9901${i}, type: practice, name: Practice ${i}, ods: G9901${i}, pcn: pcn-north, listSize: ${1000 * i}, profile: kpsn-emis }\n`).join('');
    r.edit(INFRA, '\nassets:\n', `${practices}\nassets:\n`);
    r.commit();
    const { out } = await diffJson(r);
    expect(out.validation.head.errors).toBe(0);
    // Four shared assets gain all 10,000 patients; each new practice's three local assets its own list.
    expect(out.reach.map((x) => [x.asset, x.delta])).toEqual([
      ['cloud-telephony', 10000],
      ['dc-core', 10000],
      ['emis-web', 10000],
      ['spine-eps', 10000],
      ...[4, 3, 2, 1].flatMap((i) => ['broadband', 'firewall', 'link'].map((a) => [`G9901${i}/${a}`, 1000 * i])),
    ]);
    const rows = table(await markdown(r), 'Blast radius: patients put at risk by each asset');
    expect(rows).toHaveLength(15 + 1);
    expect(rows[14]).toBe('| G99011/firewall Practice 1 firewall | 0 | 1,000 | \\+1,000 | ICBs\\: NHS Kent and Medway ICB 1 site \\(1,000\\) |');
    expect(rows[15]).toMatch(/^…and 1 more assets?\.$/);
  });

  // Was a bug (fixed): the verdict counts every section but the blast radius, so a change that puts 1,000 more
  // patients behind seven assets is headed "No change to clinical risk." above a table showing
  // them (diff-view.ts, `changes` leaves out `diff.reach`).
  it('does not head a change in the patients at risk "No change to clinical risk"', async () => {
    const r = makeRepo(scratch);
    r.edit(INFRA, 'listSize: 9240', 'listSize: 10240');
    r.commit();
    const md = await markdown(r);
    expect(md).toContain('### Blast radius');
    expect(md.split('\n')[0]).not.toContain('No change to clinical risk');
  });
});

describe('acceptances that no longer hold', () => {
  const accLine = (r: Repo) => lineOf(r.file(HAZARDS), '  - id: ACC-001');

  it('reports an acceptance left as it was while its hazard changed, as a CRR-G005 warning that fails nothing', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, 'description: The hosted clinical system cannot reach the Electronic Prescription Service.', 'description: The hosted clinical system cannot reach the Electronic Prescription Service or the Spine.');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.acceptances.noLongerHold).toHaveLength(1);
    const stale = out.acceptances.noLongerHold[0]!;
    expect(stale).toMatchObject({ acceptance: 'ACC-001', hazard: 'HAZ-002', fields: ['description'], at: { side: 'head', file: 'hazard-log.yaml', line: accLine(r), column: 5 } });
    expect(stale.before).toMatch(/^[0-9a-f]{16}$/);
    expect(stale.after).toMatch(/^[0-9a-f]{16}$/);
    expect(stale.after).not.toBe(stale.before);
    expect(out.acceptances.added).toEqual([]);
    expect(tripped(out)).toEqual([]);
    expect(out.verdict).toBe('pass');
    expect(code).toBe(0);

    const gh = await github(r);
    expect(commands(gh, 'error')).toEqual([]);
    expect(commands(gh, 'warning')).toEqual([
      `::warning file=reg/hazard-log.yaml,line=${accLine(r)},col=5,title=CRR-G005 acceptance-stale::Acceptance \`ACC-001\` of hazard \`HAZ-002\` no longer holds: the hazard's description changed after it was accepted.%0AHint: Record a new acceptance of the hazard as it now stands.`,
    ]);
    expect(table(await markdown(r), 'Acceptances that no longer hold')).toEqual(['| ACC\\-001 | HAZ\\-002 | description |']);
  });

  it('lists every accepted field that changed', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, 'title: Repeat prescriptions cannot be issued electronically', 'title: Repeat prescriptions cannot be sent electronically');
    r.edit(HAZARDS, 'residualRisk: { severity: significant, likelihood: low }\n    justification', 'residualRisk: { severity: significant, likelihood: very low }\n    justification');
    r.commit();
    const { out } = await diffJson(r);
    expect(out.acceptances.noLongerHold.map((a) => [a.acceptance, a.fields])).toEqual([['ACC-001', ['title', 'residualRisk']]]);
    expect(out.ratings).toMatchObject([{ hazard: 'HAZ-002', which: 'residual', before: 2, after: 1, direction: 'down' }]);
  });

  it('is cleared by re-recording the acceptance in the same change', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, 'description: The hosted clinical system cannot reach the Electronic Prescription Service.', 'description: The hosted clinical system cannot reach the Electronic Prescription Service or the Spine.');
    r.edit(HAZARDS, '    date: 2026-03-20\n', '    date: 2026-11-01\n');
    r.commit();
    const { out } = await diffJson(r);
    expect(out.acceptances.noLongerHold).toEqual([]);
    expect(out.acceptances.added).toEqual(['ACC-001']);
    expect(commands(await github(r), 'warning')).toEqual([]);
    expect(await markdown(r)).not.toContain('Acceptances that no longer hold');
  });

  it('is not raised when only the review dates or the owner change', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, '    owner: ICB digital team\n    raised: 2026-03-02\n    reviewed: 2026-09-10\n', '    owner: CSU clinical safety team\n    raised: 2026-03-02\n    reviewed: 2026-11-10\n    nextReview: 2027-11-10\n');
    r.commit();
    const { code, out } = await diffJson(r);
    expect(out.hazards.changed.map((h) => [h.id, h.fields.map((f) => f.field)])).toEqual([['HAZ-002', ['nextReview', 'owner', 'reviewed']]]);
    expect(out.acceptances.noLongerHold).toEqual([]);
    expect(code).toBe(0);
    expect(commands(await github(r), 'warning')).toEqual([]);
  });
});
