/**
 * The page views give the templates what they show, so the templates compute nothing: counts
 * beyond the listed, labels, route trees, and the rules' own predicates.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_KIND_META } from '../../analysis/finding-kinds.js';
import { findingKinds } from '../../analysis/finding.js';
import { hazard, smallRegister } from '../../analysis/test-support.js';
import { reqLines } from '../graphs.js';
import { analysisContext } from '../../analysis/context.js';
import { buildReport } from '../build-report.js';
import type { RouteNode } from '../report-data.js';
import { validateFolder } from '../../validate.js';
import { hazardYaml, validateSnippet, yaml } from '../../rules/test-register.js';

const justified = hazard('HAZ-1', '{ description: VPN A fails, assets: [vpn-a] }', ', sites: [P1]');
// Residual rated 3 by the DCB example scheme (acceptable only with a justification), and none given.
const unjustified = hazard('HAZ-2', '{ description: EMIS fails, assets: [emis] }').replace('justification: J, ', '').replace('residualRisk: { severity: major, likelihood: low }', 'residualRisk: { severity: considerable, likelihood: medium }');
const register = smallRegister({ hazards: [justified, unjustified].join('\n') });
const { report } = buildReport(register, { asOf: '2026-11-21', tool: 'test' });

/** A route tree as the indented text lines it stands for. */
const asLines = (nodes: readonly RouteNode[], indent = ''): string[] => nodes.flatMap((n) => [indent + n.text, ...asLines(n.children, indent + '  ')]);

describe('page views', () => {
  it('give each site route a structured tree with the same words as its text alternative', () => {
    const ctx = analysisContext(register, '2026-11-21');
    const site = report.sites.find((s) => s.id === 'P3')!;
    const route = site.routes.find((r) => r.service.id === 'patient-record')!;
    const graphRoute = ctx.graph.routes.find((r) => ctx.graph.sites[r.site]!.id === 'P3' && r.service === 'patient-record')!;
    expect(asLines(route.tree)).toEqual(reqLines(ctx.graph, graphRoute.needs));
    // P3 is bound to VPN A alone: a failure point, marked in the tree and linked to its page.
    const vpnA = route.tree.find((n) => n.text === 'VPN A (vpn-a)')!;
    expect(vpnA).toMatchObject({ failurePoint: true, assetSlug: report.assets.find((a) => a.id === 'vpn-a')!.slug });
    expect(route.failurePoints.map((f) => f.id)).toContain('vpn-a');
    expect(site.failurePointCount).toBe(new Set(site.routes.flatMap((r) => r.failurePoints.map((f) => f.id))).size);
  });

  it('count findings by kind in the kinds\' own order, whatever order the ranking meets them in', () => {
    const kinds = report.summary.findingsByKind.map((k) => k.kind);
    expect(kinds.length).toBeGreaterThan(1);
    expect(kinds).toEqual([...kinds].sort((a, b) => findingKinds.indexOf(a as never) - findingKinds.indexOf(b as never)));
  });

  it('count what they list and what they leave out', () => {
    const vpnA = report.assets.find((a) => a.id === 'vpn-a')!;
    expect(vpnA.failurePointSiteCount).toBe(vpnA.failurePointFor.length + vpnA.moreFailurePointSites);
    expect(vpnA.failurePointSiteCount).toBeGreaterThan(0);
    expect(vpnA.hazardCount).toBe(vpnA.hazards.length + vpnA.moreHazards);
    expect(vpnA.hazards.map((h) => h.id)).toEqual(['HAZ-1']);
    const p1 = report.sites.find((s) => s.id === 'P1')!;
    expect(p1.hazardCount).toBe(p1.hazards.length);
  });

  it('carry the rules\' verdicts, so the hazard page repeats no rule', () => {
    const byId = new Map(report.hazards.map((h) => [h.id, h] as const));
    expect(byId.get('HAZ-2')!.residual.acceptability).toBe('acceptable-with-justification');
    expect(byId.get('HAZ-2')!.needsJustification).toBe(true);
    expect(byId.get('HAZ-1')!.needsJustification).toBe(false);
    expect(byId.get('HAZ-1')!.statusText).toMatch(/^Open: /);
  });

  it('give every PCN its sites\' rows and the hazards those sites list', () => {
    const pcn = report.pcns.find((p) => p.id === 'pcn-1')!;
    expect(pcn.sites.map((s) => [s.id, s.patients])).toEqual([['P1', 1000], ['P2', 2000]]);
    const expected = [...new Set(report.sites.filter((s) => s.pcn?.id === 'pcn-1').flatMap((s) => s.hazards.map((h) => h.id)))].sort();
    expect(pcn.hazards.map((h) => h.id)).toEqual(expected);
    expect(expected).toContain('HAZ-1');
  });

  it('label every finding from the kind\'s own metadata, and rank them from 1', () => {
    for (const kind of findingKinds) expect(FINDING_KIND_META[kind].label.length).toBeGreaterThan(0);
    expect(report.findings.length).toBeGreaterThan(0);
    report.findings.forEach((f, i) => {
      expect(f.kindLabel).toBe(FINDING_KIND_META[f.kind].label);
      expect(f.colour).toBe(FINDING_KIND_META[f.kind].colour);
      expect(f.rank).toBe(i + 1);
    });
  });

  it('link services by ref in reaches, with the services\' names', () => {
    const vpnA = report.assets.find((a) => a.id === 'vpn-a')!;
    expect(vpnA.reach.services.map((s) => s.name)).toContain('Patient record');
    expect(vpnA.reach.byService.every((b) => typeof b.service.slug === 'string')).toBe(true);
  });
});

describe('a hazard that needs an acceptance and has none (CRR-E043)', () => {
  it('says why on its view, and only then', () => {
    // Residual rated 5 by the DCB example scheme (unacceptable), and no acceptance.
    const unaccepted = hazard('HAZ-3', '{ description: VPN B fails, assets: [vpn-b] }').replaceAll('{ severity: major, likelihood: low }', '{ severity: catastrophic, likelihood: very high }');
    const { report: r } = buildReport(smallRegister({ hazards: [justified, unaccepted].join('\n') }), { asOf: '2026-11-21', tool: 'test' });
    const h3 = r.hazards.find((h) => h.id === 'HAZ-3')!;
    expect(h3.needsAcceptance).toBe(true);
    expect(h3.missingAcceptance).toBe(`The residual risk is rated ${h3.residual!.rating} (${h3.residual!.label}).`);
    expect(r.hazards.find((h) => h.id === 'HAZ-1')!.missingAcceptance).toBeUndefined();
  });
});

describe('an acceptance given until a date (CRR-W071, CRR-E043)', () => {
  // The worked example's ACC-001 accepts HAZ-013 until 31 March 2027; the notice period is the default 60 days.
  const example = join(__dirname, '../../../../../registers/example-icb');
  const at = async (asOf: string) => {
    const { register: r } = await validateFolder(example, { asOf });
    const h = buildReport(r, { asOf, tool: 'test' }).report.hazards.find((x) => x.id === 'HAZ-013')!;
    return { hazard: h, acceptance: h.acceptances.find((a) => a.id === 'ACC-001')! };
  };

  it('holds, then ends soon, then has lapsed and leaves the hazard unaccepted', async () => {
    const holding = await at('2026-11-21');
    expect(holding.acceptance).toMatchObject({ until: '2027-03-31', lapsed: false, endingSoon: false });
    expect(holding.acceptance.conditions).toHaveLength(3);
    expect(holding.hazard.missingAcceptance).toBeUndefined();

    // 60 days before the end is the first day of notice; the last day still holds.
    expect((await at('2027-01-29')).acceptance).toMatchObject({ lapsed: false, endingSoon: false });
    expect((await at('2027-01-30')).acceptance).toMatchObject({ lapsed: false, endingSoon: true });
    const lastDay = await at('2027-03-31');
    expect(lastDay.acceptance).toMatchObject({ lapsed: false, endingSoon: true });
    expect(lastDay.hazard.missingAcceptance).toBeUndefined();

    const after = await at('2027-04-01');
    expect(after.acceptance).toMatchObject({ lapsed: true, endingSoon: false });
    expect(after.hazard.missingAcceptance).toBe(`The residual risk is rated ${after.hazard.residual!.rating} (${after.hazard.residual!.label}). Its acceptance has ended.`);
  });
});

describe('a closed hazard (CRR-E073, CRR-W074)', () => {
  it('shows when, why and by whom it was closed, and no next review', async () => {
    const example = join(__dirname, '../../../../../registers/example-icb');
    const { register: r } = await validateFolder(example, { asOf: '2026-11-21' });
    const { report: rep } = buildReport(r, { asOf: '2026-11-21', tool: 'test' });
    const closed = rep.hazards.filter((h) => h.status === 'closed');
    expect(closed.map((h) => h.id)).toEqual(['HAZ-010']);
    expect(closed[0]!.reviewDue).toBeUndefined();
    expect(closed[0]!.reviewOverdue).toBe(false);
    expect(closed[0]!.closure).toMatchObject({ date: '2026-10-15', by: 'Dr Helen Marlowe, Clinical Safety Officer' });
    expect(closed[0]!.closure!.reason).toMatch(/^Both actions are done/);
    // Every hazard still open or transferred has a review date, and none has a closure.
    for (const h of rep.hazards.filter((x) => x.status !== 'closed')) {
      expect(h.reviewDue, h.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(h.closure, h.id).toBeUndefined();
    }
  });
});

describe('a hazard\'s reach, per cause and at worst', () => {
  it('gives each cause the reach of its own assets, and the whole as every cause at once', () => {
    const two = hazard('HAZ-4', '{ description: VPN A fails, assets: [vpn-a] }, { description: VPN B fails, assets: [vpn-b] }, { description: A bad release }');
    const softwareOnly = hazard('HAZ-5', '{ description: A bad release of the clinical system }');
    const r = smallRegister({ hazards: [two, softwareOnly].join('\n') });
    const { report: rep } = buildReport(r, { asOf: '2026-11-21', tool: 'test' });
    const h4 = rep.hazards.find((h) => h.id === 'HAZ-4')!;
    const [a, b, release] = h4.causes;
    const ctx = analysisContext(r, '2026-11-21');
    // Each cause alone: the sites bound to that concentrator only (the others fail over).
    const alone = (id: string) => rep.assets.find((x) => x.id === id)!.reach;
    // P3 is bound to VPN A alone, so A alone cuts something.
    expect(alone('vpn-a').sites).toBeGreaterThan(0);
    expect(a!.reach).toMatchObject({ sites: alone('vpn-a').sites, patients: alone('vpn-a').patients });
    expect(b!.reach).toMatchObject({ sites: alone('vpn-b').sites, patients: alone('vpn-b').patients });
    expect(release!.reach).toBeUndefined();
    // Both at once cut every site whose route needs a concentrator: more than either alone.
    const everyPractice = ctx.graph.sites.filter((s) => s.type === 'practice').length;
    expect(h4.reach!.sites).toBe(everyPractice);
    expect(h4.reach!.patients).toBeGreaterThan(a!.reach!.patients + b!.reach!.patients);
    // A hazard whose causes name no infrastructure has no reach at all.
    expect(rep.hazards.find((h) => h.id === 'HAZ-5')!.reach).toBeUndefined();
  });
});

describe('existing and additional controls, and the kinds considered (CRR-E075)', () => {
  it('split the example\'s HAZ-002 into existing and additional by kind, and show training as not applicable and test as not considered', async () => {
    const example = join(__dirname, '../../../../../registers/example-icb');
    const { register: r } = await validateFolder(example, { asOf: '2026-11-21' });
    const { report: rep } = buildReport(r, { asOf: '2026-11-21', tool: 'test' });
    const h = rep.hazards.find((x) => x.id === 'HAZ-002')!;
    const groups = (g: typeof h.existingControls) => g.map((k) => [k.kind, k.controls.map((c) => c.id)]);
    expect(groups(h.existingControls)).toEqual([['business-process', ['CTL-BCP-01', 'CTL-BCP-02', 'CTL-BCP-04']]]);
    expect(groups(h.additionalControls)).toEqual([['design', ['CTL-MON-01', 'CTL-VPN-01', 'CTL-VPN-02']]]);
    expect(h.existingControls.flatMap((g) => g.controls).every((c) => c.role === 'existing')).toBe(true);
    expect(h.additionalControls.flatMap((g) => g.controls).every((c) => c.role === 'additional')).toBe(true);
    expect(h.controlKinds.map((k) => [k.label, k.state, k.controls.map((c) => `${c.id} ${c.role}`)])).toEqual([
      ['Design', 'controls', ['CTL-MON-01 additional', 'CTL-VPN-01 additional', 'CTL-VPN-02 additional']],
      ['Test', 'not-considered', []],
      ['Training', 'not-applicable', []],
      ['Business process', 'controls', ['CTL-BCP-01 existing', 'CTL-BCP-02 existing', 'CTL-BCP-04 existing']],
    ]);
    expect(h.controlKinds[2]!.reason).toMatch(/^Saturation is a capacity limit in the data centre/);
    expect(h.controlKinds.filter((k) => k.state !== 'not-applicable').every((k) => k.reason === undefined)).toBe(true);
    // Every example hazard that records a kind as not applicable has no control of it.
    const recorded = rep.hazards.filter((x) => x.controlKinds.some((k) => k.state === 'not-applicable')).map((x) => x.id);
    expect(recorded).toEqual(['HAZ-002', 'HAZ-006']);
  });

  it('show a control listed as both existing and additional once, as existing, and a kind that has controls as having them even if also recorded as not applicable', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ existingControls: '[CTL-A]', additionalControls: '[CTL-B, CTL-A]', notApplicable: '[{ kind: design, reason: R1 }, { kind: training, reason: R2 }, { kind: training, reason: R3 }]' })}
      controls:
        - { id: CTL-A, title: A, kind: business-process, status: implemented, owner: O }
        - { id: CTL-B, title: B, kind: design, status: implemented, owner: O }
    `;
    const { register: r } = validateSnippet(snippet);
    const { report: rep } = buildReport(r, { asOf: '2026-11-21', tool: 'test' });
    const h = rep.hazards[0]!;
    expect(h.existingControls.flatMap((g) => g.controls.map((c) => c.id))).toEqual(['CTL-A']);
    expect(h.additionalControls.flatMap((g) => g.controls.map((c) => c.id))).toEqual(['CTL-B']);
    expect(h.controlKinds.map((k) => [k.kind, k.state, k.reason])).toEqual([
      ['design', 'controls', undefined],
      ['test', 'not-considered', undefined],
      // The first reason counts; the second entry is CRR-E075's.
      ['training', 'not-applicable', 'R2'],
      ['business-process', 'controls', undefined],
    ]);
  });
});
