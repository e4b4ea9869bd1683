import { evaluateAccess } from './access.js';
import { evaluateCapacity, routeCarriers, type AssetLoad, type CapacityState } from './capacity-evaluation.js';
import { cutSetEvaluator, type CutSetEvaluator } from './cut-sets.js';
import type { DependencyGraph, Req } from './graph.js';
import { trampoline } from './trampoline.js';

/**
 * The three outcomes of a failure for every (site, service) pair:
 *
 * - **cut**: the route no longer works;
 * - **degraded**: it still works, but either its traffic passes through an asset loaded beyond
 *   its limit at peak (service is intermittent, as in April 2026), or the failure used up its
 *   redundancy (an asset that alone could not cut it before now can: one more failure cuts it);
 * - **up**: neither.
 *
 * A pair already cut with nothing failed is none of these: it is not this failure's doing
 * (validation says why it is cut).
 */

/** What a failure changes, shared by every failure evaluated against the same register. */
export interface FailureBaseline {
  graph: DependencyGraph;
  /** Which routes work with nothing failed. */
  access: Uint8Array;
  /** Each route's single failure points with nothing failed. */
  cuts: Pick<CutSetEvaluator, 'route'>;
  capacity: CapacityState;
  /** Per site: its routes, ascending. */
  routesOfSite: number[][];
}

/** The baseline; the analysis passes the access and cut sets it has already computed. */
export function failureBaseline(graph: DependencyGraph, access: Uint8Array = evaluateAccess(graph, new Set()), cuts: FailureBaseline['cuts'] = cutSetEvaluator(graph, new Set())): FailureBaseline {
  const routesOfSite: number[][] = graph.sites.map(() => []);
  graph.routes.forEach((r, i) => routesOfSite[r.site]!.push(i));
  return { graph, access, cuts, capacity: evaluateCapacity(graph, new Set()), routesOfSite };
}

export interface DegradedRoute {
  route: number;
  /** Overloaded assets its traffic passes through at peak, ascending. */
  overloaded: number[];
  /** Assets that alone would now cut it and could not before, ascending; empty when its redundancy is intact. */
  newFailurePoints: number[];
}

export interface FailureOutcome {
  /** The failed assets, ascending. */
  failed: number[];
  /** Routes cut, ascending. */
  cut: number[];
  /** Routes still working but degraded, ascending. */
  degraded: DegradedRoute[];
  /** Routes that work before and after, not degraded. */
  up: number;
  capacity: CapacityState;
  /** Capacity-limited assets over their limit at peak with these assets failed, ascending. */
  overloaded: number[];
}

/** Evaluate one set of failed assets: O(size of the graph), plus the cut sets of the routes the failure reaches. */
export function failureOutcome(base: FailureBaseline, failedAssets: Iterable<number>): FailureOutcome {
  const { graph } = base;
  const failed = new Set(failedAssets);
  const after = evaluateAccess(graph, failed);
  const capacity = evaluateCapacity(graph, failed, base.capacity);
  const overloaded: number[] = [];
  for (const [a, l] of capacity.loads) if (l.load > graph.assets[a]!.capacity!.limit) overloaded.push(a);
  overloaded.sort((x, y) => x - y);

  const cut: number[] = [];
  const degradedBy = new Map<number, DegradedRoute>();
  const degrade = (route: number) => {
    let d = degradedBy.get(route);
    if (!d) degradedBy.set(route, (d = { route, overloaded: [], newFailurePoints: [] }));
    return d;
  };

  // Through an overloaded asset: only the routes of the sites it carries can pass through it.
  if (overloaded.length) {
    const carry = routeCarriers(graph, failed);
    const over = new Set(overloaded);
    const sites = new Set<number>();
    for (const a of overloaded) for (const s of capacity.loads.get(a)!.sites) sites.add(s);
    for (const s of [...sites].sort((x, y) => x - y))
      for (const r of base.routesOfSite[s]!) {
        if (base.access[r] !== 1 || after[r] !== 1) continue;
        const through = [...carry(r)].filter((a) => over.has(a)).sort((x, y) => x - y);
        if (through.length) degrade(r).overloaded = through;
      }
  }

  // Redundancy used up: only a route that reaches a failed asset can have a new failure point.
  const reaches = reachesAny(graph, failed);
  const cutsNow = cutSetEvaluator(graph, failed);
  let up = 0;
  graph.routes.forEach((_, r) => {
    if (base.access[r] !== 1) return;
    if (after[r] !== 1) {
      cut.push(r);
      return;
    }
    if (reaches(r)) {
      const before = new Set(base.cuts.route(r) ?? []);
      const now = cutsNow.route(r) ?? [];
      const fresh = now.filter((a) => !before.has(a));
      if (fresh.length) degrade(r).newFailurePoints = fresh;
    }
    if (!degradedBy.has(r)) up++;
  });
  return { failed: [...failed].sort((x, y) => x - y), cut, degraded: [...degradedBy.values()].sort((x, y) => x.route - y.route), up, capacity, overloaded };
}

/** Whether a route's requirement tree reaches any of the failed assets (through needs, any branch). */
function reachesAny(graph: DependencyGraph, failed: ReadonlySet<number>): (route: number) => boolean {
  const asset = new Uint8Array(graph.assets.length); // 0 unknown, 1 in progress, 2 reaches, 3 does not
  const memo = new Map<Req, boolean>();
  type Need = { asset: number } | { req: Req };
  type Step = Generator<Need, boolean, boolean>;
  function* ofAsset(a: number): Step {
    asset[a] = 1;
    let found = failed.has(a);
    for (const r of graph.assetNeeds[a]!) if (!found && (yield { req: r })) found = true;
    asset[a] = found ? 2 : 3;
    return found;
  }
  function* ofReq(r: Req): Step {
    let found = false;
    if (r.kind === 'asset') found = yield { asset: r.a };
    else if (r.kind !== 'never') for (const m of r.members) if (!found && (yield { req: m })) found = true;
    memo.set(r, found);
    return found;
  }
  // An asset in progress is a cycle back to itself: it adds nothing the first visit will not find.
  const known = (need: Need): boolean | undefined => ('asset' in need ? (asset[need.asset] === 0 ? undefined : asset[need.asset] === 2) : memo.get(need.req));
  const start = (need: Need): Step => ('asset' in need ? ofAsset(need.asset) : ofReq(need.req));
  return (route) => graph.routes[route]!.needs.some((r) => trampoline({ req: r } as Need, known, start));
}

export type { AssetLoad };
