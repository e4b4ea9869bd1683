import { reqHolds } from './access.js';
import type { DependencyGraph, Req } from './graph.js';
import { lazyAssetStates } from './what-if.js';

/**
 * Where the peak load goes, for a set of failed assets: the one capacity evaluation that
 * `crr analyse` (peak and N-1), `crr what-if`, named scenarios, `crr diff` and the report share.
 *
 * Routing follows the documented preference rules: in an `anyOf` group the first working member
 * carries the traffic (members are listed in order of preference); in `atLeast k` the first k
 * working members; an asset carries it together with everything it needs. A site counts once per
 * asset, whatever number of its services pass through: its `demand` is the peak of the site, not
 * of one service.
 */

/** The load on one capacity-limited asset. */
export interface AssetLoad {
  /** Peak demand, in the asset's unit, of the sites whose traffic it carries. */
  load: number;
  /** Sites it carries (indices, ascending). */
  sites: number[];
  /** Sites carried whose demand has no figure in the asset's unit (CRR-E061): not counted, not guessed. */
  unmeasured: number;
}

export interface CapacityState {
  /** Per site: the assets that carry its traffic. */
  carried: Set<number>[];
  /** Per capacity-limited asset (by index): its load. */
  loads: Map<number, AssetLoad>;
}

const limitedOf = new WeakMap<DependencyGraph, readonly number[]>();

/** The capacity-limited assets, by index, ascending. Kept per graph: N-1 asks once per group member. */
export function limitedAssets(graph: DependencyGraph): readonly number[] {
  let out = limitedOf.get(graph);
  if (!out) {
    const found: number[] = [];
    graph.assets.forEach((a, i) => {
      if (a.capacity) found.push(i);
    });
    limitedOf.set(graph, (out = found));
  }
  return out;
}

/** The assets that carry one route's traffic, or nothing when the route does not work. */
export type RouteCarriers = (route: number, into?: Set<number>) => Set<number>;

export function routeCarriers(graph: DependencyGraph, failed: ReadonlySet<number>): RouteCarriers {
  const works = lazyAssetStates(graph, failed);
  const memo = new Map<Req, boolean>();
  const holds = (r: Req) => reqHolds(r, works, memo);
  // Depth is bounded by the validation limit on dependency depth (CRR-E062); a deeper chain (or a
  // cycle, reported by CRR-E021) stops being followed rather than exhausting the stack.
  const carryAsset = (a: number, into: Set<number>, depth: number) => {
    if (into.has(a) || depth > 64) return;
    into.add(a);
    for (const r of graph.assetNeeds[a]!) carryReq(r, into, depth + 1);
  };
  const carryReq = (r: Req, into: Set<number>, depth: number): void => {
    switch (r.kind) {
      case 'asset':
        carryAsset(r.a, into, depth);
        return;
      case 'never':
        return;
      case 'all':
        for (const m of r.members) carryReq(m, into, depth);
        return;
      case 'any': {
        const m = r.members.find(holds);
        if (m) carryReq(m, into, depth);
        return;
      }
      case 'atLeast': {
        let n = 0;
        for (const m of r.members) {
          if (n >= r.k) break;
          if (holds(m)) {
            carryReq(m, into, depth);
            n++;
          }
        }
        return;
      }
    }
  };
  return (i, into = new Set()) => {
    const route = graph.routes[i]!;
    if (!route.needs.every(holds)) return into; // a route that does not work carries nothing
    for (const r of route.needs) carryReq(r, into, 0);
    return into;
  };
}

/** Which assets carry each site's traffic, given failed assets (only `onlySites`, when given; the rest empty). */
export function carriers(graph: DependencyGraph, failed: ReadonlySet<number>, onlySites?: ReadonlySet<number>): Set<number>[] {
  const carry = routeCarriers(graph, failed);
  const carried: Set<number>[] = graph.sites.map(() => new Set());
  graph.routes.forEach((route, i) => {
    if (onlySites && !onlySites.has(route.site)) return;
    carry(i, carried[route.site]);
  });
  return carried;
}

function loadsOf(graph: DependencyGraph, carried: readonly Set<number>[], limited: readonly number[]): Map<number, AssetLoad> {
  const out = new Map<number, AssetLoad>(limited.map((a) => [a, { load: 0, sites: [], unmeasured: 0 }]));
  carried.forEach((set, s) => {
    const demand = graph.sites[s]!.demand;
    for (const a of set) {
      const entry = out.get(a);
      if (!entry) continue;
      const unit = graph.assets[a]!.capacity!.unit;
      // Only demand in the asset's own unit is added; a site that gives none is counted apart.
      if (Object.hasOwn(demand, unit)) entry.load += demand[unit]!;
      else entry.unmeasured++;
      entry.sites.push(s);
    }
  });
  return out;
}

/**
 * The capacity state with these assets failed. Given the state with nothing failed, only the
 * sites whose carriers include a failed asset are routed again: a failure changes no other site's
 * path (a group's choice changes only when the member it chose stops working), so a what-if costs
 * the part of the graph it touches.
 */
export function evaluateCapacity(graph: DependencyGraph, failed: ReadonlySet<number>, base?: CapacityState): CapacityState {
  const limited = limitedAssets(graph);
  if (!base || failed.size === 0) {
    const carried = carriers(graph, failed);
    return { carried, loads: loadsOf(graph, carried, limited) };
  }
  // The sites whose carriers include a failed asset, from the base's index of who carries whom
  // (N-1 and scenarios evaluate thousands of failures against one base: one scan of every site's
  // carriers each time dominated). Ascending, as a scan would find them, so that loads are
  // adjusted in the same order and come out the same to the last bit.
  const carriedBy = carriersIndex(base);
  const found: number[] = [];
  for (const a of failed) {
    const sites = carriedBy.get(a);
    if (sites) for (const s of sites) found.push(s);
  }
  if (found.length === 0) return base;
  const moved = new Set<number>(Int32Array.from(found).sort());
  // Route only the sites that move, and adjust only the loads they leave or join: N-1 evaluates
  // one failure per group member, and recounting every site each time made it quadratic.
  const carry = routeCarriers(graph, failed);
  const again = new Map<number, Set<number>>([...moved].map((s) => [s, new Set<number>()]));
  const routesOf = siteRoutes(graph);
  for (const s of moved) {
    const into = again.get(s)!;
    for (const i of routesOf[s]!) carry(i, into);
  }
  const carried = base.carried.map((set, s) => again.get(s) ?? set);
  const loads = new Map(base.loads);
  const touched = new Set<number>();
  for (const s of moved) {
    for (const a of base.carried[s]!) if (loads.has(a)) touched.add(a);
    for (const a of again.get(s)!) if (loads.has(a)) touched.add(a);
  }
  for (const a of touched) {
    const unit = graph.assets[a]!.capacity!.unit;
    const old = base.loads.get(a)!;
    const entry: AssetLoad = { load: old.load, sites: old.sites.filter((s) => !moved.has(s)), unmeasured: old.unmeasured };
    for (const s of moved) {
      const demand = graph.sites[s]!.demand;
      const has = Object.hasOwn(demand, unit);
      if (base.carried[s]!.has(a)) {
        if (has) entry.load -= demand[unit]!;
        else entry.unmeasured--;
      }
      if (again.get(s)!.has(a)) {
        if (has) entry.load += demand[unit]!;
        else entry.unmeasured++;
        entry.sites.push(s);
      }
    }
    entry.sites.sort((x, y) => x - y);
    loads.set(a, entry);
  }
  return { carried, loads };
}

const carriedByOf = new WeakMap<CapacityState, Map<number, number[]>>();

/** Per asset, the sites whose traffic it carries in this state (ascending). Kept per state. */
function carriersIndex(state: CapacityState): Map<number, number[]> {
  let out = carriedByOf.get(state);
  if (!out) {
    out = new Map();
    for (let s = 0; s < state.carried.length; s++) {
      for (const a of state.carried[s]!) {
        const list = out.get(a);
        if (list) list.push(s);
        else out.set(a, [s]);
      }
    }
    carriedByOf.set(state, out);
  }
  return out;
}

const routesBySite = new WeakMap<DependencyGraph, number[][]>();

/** Per site, its routes' indices (ascending). Kept per graph. */
function siteRoutes(graph: DependencyGraph): number[][] {
  let out = routesBySite.get(graph);
  if (!out) {
    const lists: number[][] = graph.sites.map(() => []);
    graph.routes.forEach((route, i) => lists[route.site]!.push(i));
    routesBySite.set(graph, (out = lists));
  }
  return out;
}

/** Load above the limit, in the asset's unit: how much would have to move, or be added, at peak. */
export const shortfallOf = (graph: DependencyGraph, a: number, load: number) => load - graph.assets[a]!.capacity!.limit;
