import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegister } from '../load/load-register.js';
import { sourceFromText } from '../source/source-file.js';
import { evaluateAccess } from './access.js';
import { analysisContext } from './context.js';
import { computeCutSets } from './cut-sets.js';
import { routesCutByEachAsset } from './failure-points.js';
import { buildGraph } from './graph.js';
import { routesCutBy } from './what-if.js';
import { reqTreeOf, type ReqTree } from './test-support.js';

/**
 * Random small registers: assets that need only assets declared before them (so there are no
 * cycles), and sites whose routes are random requirement trees over the assets.
 */

interface Shape {
  assets: number;
  needs: ReqTree[][];
  routes: ReqTree[][][]; // per site, per service
}

const shape: fc.Arbitrary<Shape> = fc.integer({ min: 2, max: 7 }).chain((assets) =>
  fc.record({
    assets: fc.constant(assets),
    // Asset i may need only assets below i: no cycles.
    needs: fc.tuple(...Array.from({ length: assets }, (_, i) => (i === 0 ? fc.constant([] as ReqTree[]) : fc.array(reqTreeOf(i), { maxLength: 2 })))),
    routes: fc.array(fc.array(fc.array(reqTreeOf(assets), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
  }),
);

function registerText(s: Shape): string {
  const json = (v: unknown) => JSON.stringify(v);
  const lines = [
    'register: { id: p, title: P, version: "1", organisation: icb, cso: { name: C, registration: { body: GMC, number: "1" } } }',
    'organisations: [{ id: icb, type: icb, name: ICB }, { id: pcn, type: pcn, name: PCN }]',
    'services: [{ id: svc0, name: S0 }, { id: svc1, name: S1 }]',
    'assets:',
    ...s.needs.map((needs, i) => `  - { id: a${i}, type: other, name: A${i}${needs.length ? `, needs: ${json(needs)}` : ''} }`),
    'sites:',
    ...s.routes.map((services, i) => `  - { id: s${i}, type: practice, name: S${i}, ods: X0000${i}, pcn: pcn, listSize: ${1000 * (i + 1)}, routes: ${json(Object.fromEntries(services.map((r, j) => [`svc${j}`, r])))} }`),
  ];
  return lines.join('\n') + '\n';
}

const load = (s: Shape) => loadRegister([sourceFromText('register.yaml', registerText(s))]);

describe('analysis properties on random registers', () => {
  it('the generated registers load cleanly', () => {
    fc.assert(
      fc.property(shape, (s) => {
        expect(load(s).diagnostics).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('one-pass failure points equal brute force (fail each asset, re-evaluate)', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const graph = buildGraph(load(s).register);
        const cuts = computeCutSets(graph);
        const baseline = evaluateAccess(graph, new Set());
        graph.routes.forEach((_, r) => {
          const brute: number[] = [];
          if (baseline[r] === 1) for (let a = 0; a < graph.assets.length; a++) if (evaluateAccess(graph, new Set([a]))[r] === 0) brute.push(a);
          if (baseline[r] === 1) expect(cuts.route[r]).toEqual(brute);
          else expect(cuts.route[r]).toBeNull(); // broken with nothing failed
        });
      }),
      { numRuns: 300 },
    );
  });

  it('what-if of one asset equals its blast radius', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const ctx = analysisContext(load(s).register, '2026-11-21');
        const blast = routesCutByEachAsset(ctx);
        ctx.graph.assets.forEach((_, a) => {
          expect(routesCutBy(ctx.graph, ctx.index, [a], ctx.baseline)).toEqual(blast[a]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('adding redundancy never adds a failure point', () => {
    fc.assert(
      fc.property(shape, fc.nat(), fc.nat(), (s, siteSeed, assetSeed) => {
        const before = failurePointsBySitePair(s);
        // Give one site a spare: wrap one of its needs in anyOf with a new, independent asset.
        const site = siteSeed % s.routes.length;
        const service = assetSeed % s.routes[site]!.length;
        const routes = s.routes.map((svcs, i) => svcs.map((r, j) => (i === site && j === service ? [{ anyOf: [r[0]!, `a${s.assets}`] } as ReqTree, ...r.slice(1)] : r)));
        const after = failurePointsBySitePair({ assets: s.assets + 1, needs: [...s.needs, []], routes });
        for (const [pair, assets] of after) {
          const was = before.get(pair);
          if (was === undefined) continue; // the pair did not work before at all
          for (const a of assets) expect(was).toContain(a);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function failurePointsBySitePair(s: Shape): Map<string, string[]> {
  const graph = buildGraph(load(s).register);
  const cuts = computeCutSets(graph);
  const out = new Map<string, string[]>();
  graph.routes.forEach((r, i) => {
    const cut = cuts.route[i];
    if (cut !== null && cut !== undefined) out.set(`${graph.sites[r.site]!.id}/${r.service}`, cut.map((a) => graph.assets[a]!.id));
  });
  return out;
}
