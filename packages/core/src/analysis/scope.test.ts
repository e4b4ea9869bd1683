import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegister } from '../load/load-register.js';
import { sourceFromText } from '../source/source-file.js';
import { evaluateAccess } from './access.js';
import { analyseContext } from './analyse.js';
import { analysisContext, type AnalysisContext } from './context.js';
import { reachOf } from './reach.js';
import { resolveScope, scopeAnalysis, type Scope } from './scope.js';
import { whatIfInScope } from './scope-what-if.js';
import { whatIf } from './scenario.js';
import { reqTreeOf, type ReqTree } from './test-support.js';

/**
 * Random registers of two ICBs: assets on two software trains (so some share a fate), each needing only
 * assets declared before it, and practices in either ICB whose routes are random trees over them.
 */

interface Shape {
  trains: number[];
  needs: ReqTree[][];
  /** Per site: its ICB (0 or 1) and its routes per service. */
  sites: { icb: number; routes: ReqTree[][] }[];
}

const shape: fc.Arbitrary<Shape> = fc.integer({ min: 2, max: 7 }).chain((assets) =>
  fc.record({
    trains: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: assets, maxLength: assets }),
    needs: fc.tuple(...Array.from({ length: assets }, (_, i) => (i === 0 ? fc.constant([] as ReqTree[]) : fc.array(reqTreeOf(i), { maxLength: 2 })))),
    sites: fc.array(fc.record({ icb: fc.integer({ min: 0, max: 1 }), routes: fc.array(fc.array(reqTreeOf(assets), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }) }), { minLength: 2, maxLength: 6 }),
  }),
);

const ORGANISATIONS = `organisations:
  - { id: region-se, type: region, name: NHS England South East, ods: Y59 }
  - { id: icb-kent, type: icb, name: NHS Kent and Medway ICB, ods: QKS, parent: region-se }
  - { id: icb-surrey, type: icb, name: NHS Surrey Heartlands ICB, ods: QXU, parent: region-se }
  - { id: pcn-0, type: pcn, name: Kent PCN, parent: icb-kent }
  - { id: pcn-1, type: pcn, name: Surrey PCN, parent: icb-surrey }
  - { id: carrier-a, type: carrier, name: Carrier A }`;

function registerText(s: Shape): string {
  const json = (v: unknown) => JSON.stringify(v);
  return [
    'register: { id: p, title: P, version: "1", organisation: icb-kent, cso: { name: C, registration: { body: GMC, number: "1" } } }',
    ORGANISATIONS,
    'services: [{ id: svc0, name: S0 }, { id: svc1, name: S1 }]',
    'assets:',
    ...s.needs.map((needs, i) => `  - { id: a${i}, type: other, name: A${i}, vendor: V, software: "${s.trains[i]}.0.1"${needs.length ? `, needs: ${json(needs)}` : ''} }`),
    'sites:',
    ...s.sites.map((site, i) => `  - { id: s${i}, type: practice, name: S${i}, ods: X0000${i}, pcn: pcn-${site.icb}, listSize: ${1000 * (i + 1)}, routes: ${json(Object.fromEntries(site.routes.map((r, j) => [`svc${j}`, r])))} }`),
  ].join('\n') + '\n';
}

function contextOf(s: Shape): AnalysisContext {
  const { register, diagnostics } = loadRegister([sourceFromText('register.yaml', registerText(s))]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return analysisContext(register, '2026-11-21');
}

function scopeOf(ctx: AnalysisContext, text: string): Scope {
  const r = resolveScope(ctx.register, text);
  if (!('scope' in r)) throw new Error(r.problem);
  return r.scope;
}

/** From scratch: the place's routes that work with nothing failed and not with these assets failed. */
function bruteCut(ctx: AnalysisContext, scope: Scope, failed: readonly string[]): number[] {
  const after = evaluateAccess(ctx.graph, new Set(failed.map((id) => ctx.graph.assetIndex.get(id)!)));
  return ctx.graph.routes.map((_, i) => i).filter((i) => scope.sites.has(ctx.graph.sites[ctx.graph.routes[i]!.site]!.id) && ctx.baseline[i] === 1 && after[i] === 0);
}

describe('scopeAnalysis on random registers of two ICBs', () => {
  it('restricts failure points, common causes and asset impacts exactly as a reach computed from scratch on the place\'s routes', () => {
    fc.assert(
      fc.property(shape, fc.constantFrom('QKS', 'icb-surrey'), (s, place) => {
        const ctx = contextOf(s);
        if (!s.sites.some((x) => x.icb === (place === 'QKS' ? 0 : 1))) return; // a place with no sites is refused (tested below)
        const scope = scopeOf(ctx, place);
        const whole = analyseContext(ctx);
        const seen = scopeAnalysis(ctx, whole, scope);
        const byId = new Map(seen.findings.map((f) => [f.id, f] as const));
        for (const f of whole.findings) {
          if (f.kind !== 'failure-point' && f.kind !== 'common-cause') continue;
          if (f.id.startsWith('failure-point:local:')) continue;
          const brute = reachOf(ctx.graph, bruteCut(ctx, scope, f.assets));
          // Kept exactly when it reaches one of the place's sites, with the reach from scratch.
          if (brute.pairs === 0) expect(byId.has(f.id)).toBe(false);
          else expect(byId.get(f.id)!.reach).toEqual(brute);
        }
        const impacts = new Map(seen.assets.map((a) => [a.id, a.reach] as const));
        for (const a of ctx.graph.assets) {
          const brute = reachOf(ctx.graph, bruteCut(ctx, scope, [a.id]));
          if (brute.pairs === 0) expect(impacts.has(a.id)).toBe(false);
          else expect(impacts.get(a.id)).toEqual(brute);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('every kept finding reaches only the place\'s sites, and every finding that reaches one of them is kept', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const ctx = contextOf(s);
        if (!s.sites.some((x) => x.icb === 0)) return;
        const scope = scopeOf(ctx, 'qks');
        const whole = analyseContext(ctx);
        const seen = scopeAnalysis(ctx, whole, scope);
        for (const f of seen.findings) {
          for (const site of f.reach.sites) expect(scope.sites.has(site)).toBe(true);
          const patients = f.reach.sites.reduce((n, id) => n + ctx.graph.sites[ctx.graph.siteIndex.get(id)!]!.patients, 0);
          expect(f.reach.patients).toBe(patients);
        }
        const kept = new Set(seen.findings.map((f) => f.id));
        for (const f of whole.findings)
          if (!f.id.startsWith('failure-point:local:') && f.reach.sites.some((id) => scope.sites.has(id))) {
            expect(kept.has(f.id)).toBe(true);
            expect(seen.findings.find((g) => g.id === f.id)!.reach.sites).toEqual(f.reach.sites.filter((id) => scope.sites.has(id)));
          }
      }),
      { numRuns: 60 },
    );
  });

  it('the two ICBs\' summaries add up to the whole register', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const ctx = contextOf(s);
        if (!s.sites.some((x) => x.icb === 0) || !s.sites.some((x) => x.icb === 1)) return;
        const whole = analyseContext(ctx);
        const kent = scopeAnalysis(ctx, whole, scopeOf(ctx, 'QKS')).summary;
        const surrey = scopeAnalysis(ctx, whole, scopeOf(ctx, 'QXU')).summary;
        for (const k of ['sites', 'practices', 'patients', 'routes', 'brokenRoutes'] as const) expect(kent[k] + surrey[k]).toBe(whole.summary[k]);
      }),
      { numRuns: 40 },
    );
  });

  it('a scoped what-if cuts exactly what the whole what-if cuts among the place\'s sites', () => {
    fc.assert(
      fc.property(shape, fc.nat(), (s, seed) => {
        const ctx = contextOf(s);
        if (!s.sites.some((x) => x.icb === 1)) return;
        const scope = scopeOf(ctx, 'QXU');
        const failed = `a${seed % s.needs.length}`;
        const seen = whatIfInScope(ctx.register, [{ asset: failed }], scope);
        const whole = whatIf(ctx.register, [{ asset: failed }]);
        expect(seen.reach).toEqual(reachOf(ctx.graph, bruteCut(ctx, scope, [failed])));
        expect(seen.cut).toEqual(whole.cut.filter((p) => scope.sites.has(p.site)));
        expect(seen.degraded).toEqual(whole.degraded.filter((p) => scope.sites.has(p.site)));
        const working = ctx.graph.routes.filter((r, i) => scope.sites.has(ctx.graph.sites[r.site]!.id) && ctx.baseline[i] === 1).length;
        expect(seen.up.pairs + seen.reach.pairs + seen.degradedReach.pairs).toBe(working);
      }),
      { numRuns: 40 },
    );
  });
});

/** Two ICBs: Kent behind its own concentrator, Surrey behind another; both need the national Spine. */
function twoIcbs(extra: { hazards?: string; incidents?: string } = {}) {
  const text = `register: { id: t, title: T, version: "1", organisation: icb-kent, cso: { name: C, registration: { body: GMC, number: "1" } } }
${ORGANISATIONS}
  - { id: pcn-empty, type: pcn, name: Empty PCN, parent: icb-kent }
services:
  - { id: patient-record, name: Patient record, criticality: critical }
assets:
  - { id: spine, type: clinical-system, name: Spine }
  - { id: vpn-kent, type: vpn-concentrator, name: Kent VPN, location: dc-kent }
  - { id: vpn-surrey, type: vpn-concentrator, name: Surrey VPN, location: dc-surrey }
sites:
  - { id: dc-kent, type: data-centre, name: Kent DC, pcn: pcn-0 }
  - { id: dc-surrey, type: data-centre, name: Surrey DC }
  - { id: K1, type: practice, name: K1, ods: K00001, pcn: pcn-0, listSize: 1000, routes: { patient-record: [vpn-kent, spine] } }
  - { id: K2, type: practice, name: K2, ods: K00002, pcn: pcn-0, listSize: 3000, routes: { patient-record: [vpn-kent, spine] } }
  - { id: S1, type: practice, name: S1, ods: S00001, pcn: pcn-1, listSize: 5000, routes: { patient-record: [vpn-surrey, spine] } }
${extra.hazards ? `hazards:\n${extra.hazards}` : ''}
${extra.incidents ? `incidents:\n${extra.incidents}` : ''}
`;
  const { register, diagnostics } = loadRegister([sourceFromText('register.yaml', text)]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return analysisContext(register, '2026-11-21');
}

const hazard = (id: string, asset: string) =>
  `  - { id: ${id}, title: T, description: D, causes: [{ description: C, assets: [${asset}] }], effects: [E], harms: [H], initialRisk: { severity: major, likelihood: very high }, residualRisk: { severity: major, likelihood: very low }, justification: J, status: open, owner: O, raised: 2026-01-01 }`;
const incidents = (hazardId: string, prefix: string) => [1, 2, 3].map((m) => `  - { id: ${prefix}-${m}, title: Outage, start: 2026-0${m}-10, hazards: [${hazardId}] }`).join('\n');

describe('scopeAnalysis of a register of two ICBs', () => {
  const ctx = twoIcbs({ hazards: [hazard('HAZ-K', 'vpn-kent'), hazard('HAZ-S', 'vpn-surrey')].join('\n'), incidents: [incidents('HAZ-K', 'INC-K'), incidents('HAZ-S', 'INC-S')].join('\n') });
  const whole = analyseContext(ctx);
  const kent = scopeAnalysis(ctx, whole, scopeOf(ctx, 'QKS'));

  it('keeps the national failure point counted for the place, drops the other ICB\'s, and says what it is', () => {
    expect(kent.scope).toEqual({ id: 'icb-kent', name: 'NHS Kent and Medway ICB', tier: 'icb', ods: 'QKS' });
    const ids = kent.findings.map((f) => f.id);
    expect(ids).toContain('failure-point:spine');
    expect(ids).toContain('failure-point:vpn-kent');
    expect(ids).not.toContain('failure-point:vpn-surrey');
    const spine = kent.findings.find((f) => f.id === 'failure-point:spine')!;
    expect(spine.reach).toMatchObject({ sites: ['K1', 'K2'], patients: 4000, pairs: 2, byIcb: [{ id: 'icb-kent', sites: 2, patients: 4000 }] });
    expect(spine.explanation).toContain('As seen from NHS Kent and Medway ICB (QKS): 2 sites in 1 PCN (4,000 patients).');
    // The whole register's finding is untouched.
    expect(whole.findings.find((f) => f.id === 'failure-point:spine')!.reach.patients).toBe(9000);
  });

  it('keeps incidents against a likelihood of hazards whose causes name an asset serving the place, and only those', () => {
    const ids = kent.findings.map((f) => f.id);
    expect(ids).toContain('incident-likelihood:HAZ-K');
    expect(ids).not.toContain('incident-likelihood:HAZ-S');
  });

  it('counts the summary for the place, and restricts assets and failure points to it', () => {
    expect(kent.summary).toMatchObject({ sites: 3, practices: 2, patients: 4000, services: ['patient-record'], routes: 2, brokenRoutes: 0, assets: 2 });
    expect(kent.summary.findings['failure-point']).toBe(2);
    expect(kent.summary.findings['incident-likelihood']).toBe(1);
    expect(kent.assets.map((a) => a.id).sort()).toEqual(['spine', 'vpn-kent']);
    expect(kent.failurePoints.map((p) => p.site)).toEqual(['K1', 'K2']);
    // Ranked again by the rule: the uncovered Spine before the covered Kent VPN.
    expect(kent.findings[0]!.id).toBe('failure-point:spine');
  });
});

describe('resolveScope', () => {
  const ctx = twoIcbs();
  it('finds a place by ODS code or id, case-insensitively, with its sites', () => {
    for (const text of ['QKS', 'qks', 'icb-kent', ' ICB-KENT ']) expect(scopeOf(ctx, text).sites).toEqual(new Set(['dc-kent', 'K1', 'K2']));
    expect(scopeOf(ctx, 'Y59').place.tier).toBe('region');
    expect(scopeOf(ctx, 'pcn-1').sites).toEqual(new Set(['S1']));
  });

  it('refuses what is not a place, with near places to suggest', () => {
    expect(resolveScope(ctx.register, 'QKX')).toEqual({ problem: expect.stringContaining('`QKX` names no place in the register'), suggestions: ['QKS (NHS Kent and Medway ICB)'] });
    expect(resolveScope(ctx.register, 'surrey')).toMatchObject({ suggestions: ['QXU (NHS Surrey Heartlands ICB)', 'pcn-1 (Surrey PCN)'] });
    expect(resolveScope(ctx.register, 'carrier-a')).toMatchObject({ problem: expect.stringContaining('is the carrier Carrier A, not a place') });
    expect(resolveScope(ctx.register, 'K1')).toMatchObject({ problem: expect.stringContaining('is the site K1, not a place') });
  });

  it('refuses a place with no sites: there is nothing to show', () => {
    expect(resolveScope(ctx.register, 'pcn-empty')).toMatchObject({ problem: expect.stringContaining('The PCN Empty PCN (pcn-empty) has no sites') });
  });
});
