/**
 * Place pages (issue 12 item 2) on the two-ICB register: each ICB counts its own practices,
 * hazards and findings and not the other's, keeps the analysis's ranking, names its region and
 * PCNs; the region lists its ICBs; PCNs name their ICB and region. The overview diagram rolls up
 * to the lowest level whose groups fit, and says so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisContext } from '../../analysis/context.js';
import { validateFolder } from '../../validate.js';
import { buildReport } from '../build-report.js';
import { overviewGraph, OVERVIEW_MAX_GROUPS } from '../graphs.js';
import type { ReportData } from '../report-data.js';
import { reportScope } from '../scope-report.js';
import { sectionSlugs } from '../section-slugs.js';
import { placeConcerns } from './place-concerns.js';
import { TWO_ICBS } from '../../../../../test/support/two-icbs.js';
import { MINIMAL_MANIFEST } from '../../../../../test/support/temp-register.js';

const AS_OF = '2026-11-21';
/** HAZ-KM names Kent and Medway's concentrator and is overdue for review; HAZ-SX names Sussex's. */
const hazard = (id: string, asset: string, reviewed: string) => `  - id: ${id}
    title: Clinicians cannot open the record (${id})
    description: The record is unavailable.
    services: [patient-record]
    causes: [{ description: A failure., assets: [${asset}] }]
    effects: [Consultations without the history]
    harms: [Delayed treatment]
    initialRisk: { severity: minor, likelihood: low }
    residualRisk: { severity: minor, likelihood: low }
    status: open
    owner: ICB
    raised: 2023-01-01
    reviewed: ${reviewed}`;

let dir: string;
let report: ReportData;
let register: Awaited<ReturnType<typeof validateFolder>>['register'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crr-places-'));
  writeFileSync(join(dir, 'register.yaml'), `${MINIMAL_MANIFEST}${TWO_ICBS.replace(/^\n/, '')}hazards:\n${hazard('HAZ-KM', 'vpn-km', '2024-01-01')}\n${hazard('HAZ-SX', 'vpn-sx', '2026-10-01')}\n`);
  ({ register } = await validateFolder(dir, { asOf: AS_OF }));
  ({ report } = buildReport(register, { asOf: AS_OF, tool: 'test' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const icb = (ods: string) => report.icbs.find((p) => p.ods === ods)!;

describe('place views', () => {
  it('give a page to each ICB and region with sites, by name, with its figures', () => {
    expect(report.icbs.map((p) => p.name)).toEqual(['NHS Kent and Medway ICB', 'NHS Sussex ICB']);
    expect(report.regions.map((p) => p.name)).toEqual(['NHS England South East']);
    expect(icb('QKS')).toMatchObject({ tier: 'icb', id: 'icb-km', practices: 2, patients: 3000, parent: { id: 'region-se', name: 'NHS England South East' } });
    expect(icb('QNX')).toMatchObject({ practices: 2, patients: 12000 });
    // A data hall is a site of its ICB, not a practice.
    expect(icb('QKS').sites).toBe(3);
    expect(icb('QKS').pcns).toEqual([{ id: 'pcn-weald', slug: report.pcns.find((p) => p.id === 'pcn-weald')!.slug, name: 'Weald PCN', practices: 2, patients: 3000 }]);
    const region = report.regions[0]!;
    expect(region).toMatchObject({ tier: 'region', ods: 'Y59', practices: 4, patients: 15000, pcns: [] });
    expect(region.icbs.map((i) => [i.ods, i.practices, i.findings])).toEqual(report.icbs.map((i) => [i.ods, i.practices, i.findings]));
  });

  it('count the status panel for the place: its own hazards, not the other ICB\'s', () => {
    expect(report.overdueReviews.map((r) => r.hazard.id)).toEqual(['HAZ-KM']);
    const overdue = (ods: string) => icb(ods).status.checks.find((c) => c.key === 'overdue-reviews')!;
    expect(overdue('QKS')).toMatchObject({ count: 1, verdict: 'attention' });
    expect(overdue('QNX')).toMatchObject({ count: 0, verdict: 'none' });
    expect(report.regions[0]!.status.checks.find((c) => c.key === 'overdue-reviews')!.count).toBe(1);
    // Every check of the whole register's panel is there, in its order.
    expect(icb('QKS').status.checks.map((c) => c.key)).toEqual(report.summary.status.checks.map((c) => c.key));
  });

  it('list the findings that reach the place, in ranking order, and none of the other ICB\'s', () => {
    const km = icb('QKS').topFindings;
    const sx = icb('QNX').topFindings;
    const names = (list: typeof km) => list.map((f) => f.title).join(' | ');
    expect(names(km)).toContain('KM concentrator');
    expect(names(km)).not.toContain('SX concentrator');
    expect(names(sx)).toContain('SX concentrator');
    // EMIS Web serves every practice: it reaches both ICBs, counted for each.
    const emis = (list: typeof km) => list.find((f) => f.title.includes('EMIS Web'))!;
    expect(emis(km).here).toEqual({ sites: 2, patients: 3000 });
    expect(emis(sx).here).toEqual({ sites: 2, patients: 12000 });
    for (const list of [km, sx]) expect(list.map((f) => f.rank)).toEqual([...list.map((f) => f.rank)].sort((a, b) => a - b));
    expect(icb('QKS').findings).toBe(km.length);
    expect(icb('QKS').findingsByKind.reduce((n, k) => n + k.count, 0)).toBe(icb('QKS').findings);
    // Both ICBs' rows have the same kinds, so the overview's columns line up.
    expect(icb('QKS').findingsByKind.map((k) => k.kind)).toEqual(icb('QNX').findingsByKind.map((k) => k.kind));
  });

  it('name a PCN\'s ICB and region', () => {
    expect(report.pcns.find((p) => p.id === 'pcn-downs')).toMatchObject({ icb: { id: 'icb-sx', name: 'NHS Sussex ICB' }, region: { id: 'region-se' } });
  });

  it('are absent from a register that names no place, and from a scoped build but for the place itself', async () => {
    const scoped = buildReport(register, { asOf: AS_OF, tool: 'test', scope: { place: { id: 'icb-km', name: 'NHS Kent and Medway ICB', tier: 'icb', ods: 'QKS' }, sites: new Set(['K1', 'K2', 'dc-km']) } }).report;
    expect(scoped.icbs.map((p) => p.id)).toEqual(['icb-km']);
    expect(scoped.regions).toEqual([]);
  });
});

describe('place concerns (one pass for every place)', () => {
  it('keep the same assets and hazards as the scope lens, place by place', () => {
    const ctx = analysisContext(register, AS_OF);
    const places = new Map([
      ['icb-km', new Set(['K1', 'K2', 'dc-km'])],
      ['icb-sx', new Set(['S1', 'S2', 'dc-sx'])],
      ['region-se', new Set(['K1', 'K2', 'dc-km', 'S1', 'S2', 'dc-sx'])],
      ['pcn-weald', new Set(['K1'])],
    ]);
    const all = placeConcerns(ctx, places);
    for (const [id, sites] of places) {
      const lens = reportScope(ctx, { place: { id, name: id, tier: 'icb' }, sites });
      const mine = all.get(id)!;
      expect(ctx.graph.assets.map((a) => mine.asset(a.id)), id).toEqual(ctx.graph.assets.map((a) => lens.asset(a.id)));
      expect(register.hazards.map((h) => mine.hazard(h)), id).toEqual(register.hazards.map((h) => lens.hazard(h)));
    }
    // And they are not all true: Kent and Medway's concentrator does not serve Sussex.
    expect(all.get('icb-sx')!.asset('vpn-km')).toBe(false);
    expect(register.hazards.filter((h) => all.get('icb-sx')!.hazard(h)).map((h) => h.id)).toEqual(['HAZ-SX']);
  });
});

describe('the overview diagram', () => {
  it('draws the PCNs when they fit, with no note', () => {
    expect(report.overviewGraph.note).toBeUndefined();
    expect(report.overviewGraph.nodes.filter((n) => n.kind === 'pcn').map((n) => n.label).sort()).toEqual(['Downs PCN', 'Weald PCN']);
  });

  it('rolls up to ICBs when the PCNs are too many, links each to its page, and says so', () => {
    const ctx = analysisContext(register, AS_OF);
    const { graph, index } = ctx;
    const routesOfSite = graph.sites.map((_, s) => graph.routes.flatMap((r, i) => (r.site === s ? [i] : [])));
    const practices = graph.sites.flatMap((s, i) => (s.type === 'practice' ? [i] : []));
    const pcns = Array.from({ length: OVERVIEW_MAX_GROUPS + 1 }, (_, i) => ({ id: `p${i}`, name: `PCN ${i}`, sites: [practices[i % practices.length]!] }));
    const icbs = report.icbs.map((p) => ({ id: p.id, name: p.name, slug: p.slug, section: 'icbs' as const, sites: practices.filter((s) => (p.id === 'icb-km') === graph.sites[s]!.id.startsWith('K')) }));
    const g = overviewGraph(graph, sectionSlugs(register, graph), [{ noun: 'PCNs', groups: pcns }, { noun: 'ICBs', groups: icbs }], index.assetsOfRoute, routesOfSite, new Set());
    const groups = g.nodes.filter((n) => n.kind === 'pcn');
    expect(groups.map((n) => [n.label, n.section])).toEqual([['NHS Kent and Medway ICB', 'icbs'], ['NHS Sussex ICB', 'icbs']]);
    expect(g.note).toMatch(/^4 practices shown as their 2 ICBs; site-local assets are left out\./);
    expect(g.noteHref).toBe('assets/index.html');
  });
});
