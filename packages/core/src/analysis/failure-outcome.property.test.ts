import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegister } from '../load/load-register.js';
import { sourceFromText } from '../source/source-file.js';
import { evaluateAccess } from './access.js';
import { evaluateCapacity, type CapacityState } from './capacity-evaluation.js';
import { failureBaseline, failureOutcome } from './failure-outcome.js';
import { buildGraph, type DependencyGraph, type Req } from './graph.js';

/**
 * The three outcomes of a failure (failure-outcome.ts) checked against brute force on random
 * registers with capacities: random assets (often group members) limited in one unit, sites that
 * give a demand in it or none, and 0 to 3 failed assets. The brute force re-evaluates access for
 * every extra failure, and routes the peak load by a naive recursive reading of the documented
 * preference rules, so it shares nothing with the code under test but `evaluateAccess`.
 */
type Tree = string | { anyOf: Tree[] } | { allOf: Tree[] } | { atLeast: number; of: Tree[] };

const treeOf = (assets: number): fc.Arbitrary<Tree> =>
  fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      // Groups weigh more than in analysis.property.test.ts: redundancy a failure can use up.
      { arbitrary: fc.integer({ min: 0, max: assets - 1 }).map((i) => `a${i}`), weight: 3 },
      { arbitrary: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((m) => ({ anyOf: m })), weight: 3 },
      { arbitrary: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((m) => ({ allOf: m })), weight: 1 },
      { arbitrary: fc.array(tie('tree'), { minLength: 2, maxLength: 4 }).chain((m) => fc.integer({ min: 1, max: m.length }).map((k) => ({ atLeast: k, of: m }))), weight: 2 },
    ),
  })).tree;

interface Shape {
  assets: number;
  needs: Tree[][];
  /** Per asset: its limit in tunnels, or none. */
  limits: (number | null)[];
  routes: Tree[][][]; // per site, per service
  /** Per site: its peak demand in tunnels, or none given. */
  demands: (number | null)[];
  failed: number[];
}

const shape: fc.Arbitrary<Shape> = fc.integer({ min: 2, max: 7 }).chain((assets) =>
  fc.integer({ min: 1, max: 5 }).chain((sites) =>
    fc.record({
      assets: fc.constant(assets),
      // Asset i may need only assets below i: no cycles.
      needs: fc.tuple(...Array.from({ length: assets }, (_, i) => (i === 0 ? fc.constant([] as Tree[]) : fc.array(treeOf(i), { maxLength: 2 })))),
      // Low limits against demands of 1 to 3, so that overloads are common, not rare.
      limits: fc.array(fc.option(fc.integer({ min: 1, max: 6 }), { freq: 2 }), { minLength: assets, maxLength: assets }),
      routes: fc.array(fc.array(fc.array(treeOf(assets), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }), { minLength: sites, maxLength: sites }),
      demands: fc.array(fc.option(fc.integer({ min: 1, max: 3 }), { freq: 4 }), { minLength: sites, maxLength: sites }),
      failed: fc.uniqueArray(fc.integer({ min: 0, max: assets - 1 }), { maxLength: Math.min(3, assets) }),
    }),
  ),
);

function registerText(s: Shape): string {
  const json = (v: unknown) => JSON.stringify(v);
  const lines = [
    'register: { id: p, title: P, version: "1", organisation: icb, cso: { name: C, registration: { body: GMC, number: "1" } } }',
    'organisations: [{ id: icb, type: icb, name: ICB }, { id: pcn, type: pcn, name: PCN }]',
    'services: [{ id: svc0, name: S0 }, { id: svc1, name: S1 }]',
    'assets:',
    ...s.needs.map((needs, i) => {
      const limit = s.limits[i];
      return `  - { id: a${i}, type: other, name: A${i}${limit === null || limit === undefined ? '' : `, capacity: { limit: ${limit}, unit: tunnels }`}${needs.length ? `, needs: ${json(needs)}` : ''} }`;
    }),
    'sites:',
    ...s.routes.map((services, i) => {
      const demand = s.demands[i];
      return `  - { id: s${i}, type: practice, name: S${i}, ods: X0000${i}, pcn: pcn, listSize: ${1000 * (i + 1)}${demand ? `, demand: { tunnels: ${demand} }` : ''}, routes: ${json(Object.fromEntries(services.map((r, j) => [`svc${j}`, r])))} }`;
    }),
  ];
  return lines.join('\n') + '\n';
}

function graphOf(s: Shape): DependencyGraph {
  const { register, diagnostics } = loadRegister([sourceFromText('register.yaml', registerText(s))]);
  expect(diagnostics).toEqual([]);
  return buildGraph(register);
}

/** Naive routing, straight from the documented rules; recursion is fine on these small acyclic graphs. */
function naiveCarriers(graph: DependencyGraph, failed: ReadonlySet<number>): (route: number) => Set<number> {
  const works = (a: number): boolean => !failed.has(a) && graph.assetNeeds[a]!.every(holds);
  const holds = (r: Req): boolean => {
    switch (r.kind) {
      case 'asset':
        return works(r.a);
      case 'never':
        return false;
      case 'all':
        return r.members.every(holds);
      case 'any':
        return r.members.some(holds);
      case 'atLeast':
        return r.members.filter(holds).length >= r.k;
    }
  };
  const carry = (r: Req, into: Set<number>): void => {
    switch (r.kind) {
      case 'asset':
        into.add(r.a);
        graph.assetNeeds[r.a]!.forEach((n) => carry(n, into));
        return;
      case 'never':
        return;
      case 'all':
        r.members.forEach((m) => carry(m, into));
        return;
      case 'any': {
        // The first working member, in the order written, carries the traffic.
        const first = r.members.find(holds);
        if (first) carry(first, into);
        return;
      }
      case 'atLeast':
        r.members
          .filter(holds)
          .slice(0, r.k)
          .forEach((m) => carry(m, into));
        return;
    }
  };
  return (route) => {
    const into = new Set<number>();
    const needs = graph.routes[route]!.needs;
    if (needs.every(holds)) needs.forEach((n) => carry(n, into));
    return into;
  };
}

/** Loads by brute force: each site's demand once per asset any of its routes passes through. */
function naiveLoads(graph: DependencyGraph, carry: (route: number) => Set<number>) {
  const bySite: Set<number>[] = graph.sites.map(() => new Set());
  graph.routes.forEach((r, i) => carry(i).forEach((a) => bySite[r.site]!.add(a)));
  const loads = new Map<number, { load: number; sites: number[]; unmeasured: number }>();
  graph.assets.forEach((asset, a) => {
    if (!asset.capacity) return;
    const entry = { load: 0, sites: [] as number[], unmeasured: 0 };
    bySite.forEach((set, s) => {
      if (!set.has(a)) return;
      entry.sites.push(s);
      const d = graph.sites[s]!.demand.tunnels;
      if (d === undefined) entry.unmeasured++;
      else entry.load += d;
    });
    loads.set(a, entry);
  });
  return loads;
}

/** A capacity state as plain, ordered data, to compare two of them. */
const plain = (c: CapacityState) => ({
  carried: c.carried.map((set) => [...set].sort((x, y) => x - y)),
  loads: [...c.loads].sort(([x], [y]) => x - y),
});

const RUNS = { numRuns: 250, seed: 20261121 };

describe('failure outcomes on random registers with capacities', () => {
  it('cut, degraded by redundancy and degraded by overload equal brute force, and every working pair is one of the three', () => {
    let seen = { cut: 0, redundancy: 0, overload: 0 };
    fc.assert(
      fc.property(shape, (s) => {
        const graph = graphOf(s);
        const failed = new Set(s.failed);
        const base = failureBaseline(graph);
        const outcome = failureOutcome(base, failed);
        const before = evaluateAccess(graph, new Set());
        const after = evaluateAccess(graph, failed);
        const working = graph.routes.map((_, r) => r).filter((r) => before[r] === 1);

        // Cut: worked with nothing failed, does not now.
        const cut = working.filter((r) => after[r] === 0);
        expect(outcome.cut).toEqual(cut);

        // Degraded by redundancy: one more failure x now cuts it, and x alone could not.
        const alone = graph.assets.map((_, x) => evaluateAccess(graph, new Set([x])));
        const withOneMore = graph.assets.map((_, x) => (failed.has(x) ? null : evaluateAccess(graph, new Set([...failed, x]))));
        const fresh = new Map<number, number[]>();
        for (const r of working) {
          if (after[r] === 0) continue;
          const xs = graph.assets.map((_, x) => x).filter((x) => withOneMore[x] && withOneMore[x]![r] === 0 && alone[x]![r] === 1);
          if (xs.length) fresh.set(r, xs);
        }

        // Degraded by overload: the naive routing's loads, and the working pairs passing through an asset over its limit.
        const carry = naiveCarriers(graph, failed);
        const loads = naiveLoads(graph, carry);
        expect([...outcome.capacity.loads].sort(([x], [y]) => x - y)).toEqual([...loads].sort(([x], [y]) => x - y));
        const over = [...loads].filter(([a, l]) => l.load > graph.assets[a]!.capacity!.limit).map(([a]) => a);
        expect(outcome.overloaded).toEqual(over.sort((x, y) => x - y));
        const through = new Map<number, number[]>();
        for (const r of working) {
          if (after[r] === 0) continue;
          const carried = carry(r);
          const hit = over.filter((a) => carried.has(a));
          if (hit.length) through.set(r, hit);
        }

        const expected = [...new Set([...fresh.keys(), ...through.keys()])]
          .sort((x, y) => x - y)
          .map((route) => ({ route, overloaded: through.get(route) ?? [], newFailurePoints: fresh.get(route) ?? [] }));
        expect(outcome.degraded).toEqual(expected);

        // up + cut + degraded = the pairs that worked with nothing failed.
        expect(outcome.up + outcome.cut.length + outcome.degraded.length).toBe(working.length);
        seen = { cut: seen.cut + cut.length, redundancy: seen.redundancy + fresh.size, overload: seen.overload + through.size };
      }),
      RUNS,
    );
    // The generator must exercise every outcome, or the equalities above prove little.
    expect(seen.cut).toBeGreaterThan(50);
    expect(seen.redundancy).toBeGreaterThan(50);
    expect(seen.overload).toBeGreaterThan(50);
  });

  it('the incremental capacity evaluation equals the one from scratch', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const graph = graphOf(s);
        const failed = new Set(s.failed);
        const base = evaluateCapacity(graph, new Set());
        expect(plain(evaluateCapacity(graph, failed, base))).toEqual(plain(evaluateCapacity(graph, failed)));
      }),
      RUNS,
    );
  });

  it('nothing failed: no pair cut or degraded by redundancy, and overloads are the peak ones', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const graph = graphOf(s);
        const outcome = failureOutcome(failureBaseline(graph), []);
        expect(outcome.cut).toEqual([]);
        expect(outcome.degraded.every((d) => d.newFailurePoints.length === 0 && d.overloaded.length > 0)).toBe(true);
        const peak = naiveLoads(graph, naiveCarriers(graph, new Set()));
        expect(outcome.overloaded).toEqual([...peak].filter(([a, l]) => l.load > graph.assets[a]!.capacity!.limit).map(([a]) => a));
      }),
      { numRuns: 100, seed: 20261122 },
    );
  });
});
