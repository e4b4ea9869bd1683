import type { FailureBaseline, FailureOutcome } from './failure-outcome.js';
import { reachOf, type Reach } from './reach.js';

/** A (site, service) pair, by id. */
export interface Pair {
  site: string;
  service: string;
}

/** A pair still reachable, but degraded: why. */
export interface DegradedPair extends Pair {
  /** Overloaded assets its traffic passes through at peak (intermittent service, as in April 2026). */
  overloaded: string[];
  /** Assets that alone would now cut it and could not before: its redundancy is used up. */
  newFailurePoints: string[];
}

/** A capacity-limited asset over its limit at peak. */
export interface Overload {
  asset: string;
  name: string;
  unit: string;
  limit: number;
  /** Its load with nothing failed. */
  before: number;
  /** Its load with the failure: the peak demand routed through it. */
  load: number;
  /** load − limit, in the unit: what would have to move, or be added. */
  shortfall: number;
  /** Sites carried whose demand gives no figure in its unit (CRR-E061): the load is then a lower bound. */
  unmeasured?: number;
  /** The pairs whose traffic passes through it: what its overload degrades. */
  reach: Reach;
}

/** The load on every capacity-limited asset, before and after. */
export interface LoadChange {
  asset: string;
  unit: string;
  limit: number;
  before: number;
  after: number;
  /** limit − after: room left at peak; negative when over. */
  headroom: number;
}

/** A failure's outcome by id, for people and JSON: what is cut, what is degraded, what is overloaded. */
export interface FailureReport {
  /** What is cut: the reach of the pairs that no longer work. */
  reach: Reach;
  /** Each pair cut, sorted. */
  cut: Pair[];
  /** The reach of the pairs still working but degraded. */
  degradedReach: Reach;
  /** Each pair degraded, sorted, with why. */
  degraded: DegradedPair[];
  /** Pairs that work before and after and are not degraded; sites with every pair up. */
  up: { pairs: number; sites: number };
  /** Assets over their limit at peak, most shortfall first. */
  overloaded: Overload[];
  /** Every capacity-limited asset, in register order. */
  loads: LoadChange[];
}

const byPair = (a: Pair, b: Pair) => (a.site < b.site ? -1 : a.site > b.site ? 1 : a.service < b.service ? -1 : a.service > b.service ? 1 : 0);

export function reportFailure(base: FailureBaseline, outcome: FailureOutcome): FailureReport {
  const { graph } = base;
  const id = (a: number) => graph.assets[a]!.id;
  const pair = (r: number): Pair => ({ site: graph.sites[graph.routes[r]!.site]!.id, service: graph.routes[r]!.service });
  const degradedRoutes = outcome.degraded.map((d) => d.route);
  // Cut and degraded routes all worked with nothing failed, so their sites are among these.
  const notUp = new Set<number>();
  for (const r of outcome.cut) notUp.add(graph.routes[r]!.site);
  for (const r of degradedRoutes) notUp.add(graph.routes[r]!.site);
  const sitesWithRoutes = base.routesOfSite.filter((rs) => rs.some((r) => base.access[r] === 1)).length;
  return {
    reach: reachOf(graph, outcome.cut),
    cut: outcome.cut.map(pair).sort(byPair),
    degradedReach: reachOf(graph, degradedRoutes),
    degraded: outcome.degraded
      .map((d) => ({ ...pair(d.route), overloaded: d.overloaded.map(id).sort(), newFailurePoints: d.newFailurePoints.map(id).sort() }))
      .sort(byPair),
    up: { pairs: outcome.up, sites: sitesWithRoutes - notUp.size },
    overloaded: outcome.overloaded
      .map((a): Overload => {
        const asset = graph.assets[a]!;
        const cap = asset.capacity!;
        const l = outcome.capacity.loads.get(a)!;
        const through = outcome.degraded.filter((d) => d.overloaded.includes(a)).map((d) => d.route);
        return {
          asset: asset.id,
          name: asset.name,
          unit: cap.unit,
          limit: cap.limit,
          before: base.capacity.loads.get(a)!.load,
          load: l.load,
          shortfall: l.load - cap.limit,
          ...(l.unmeasured ? { unmeasured: l.unmeasured } : {}),
          reach: reachOf(graph, through),
        };
      })
      .sort((x, y) => y.shortfall - x.shortfall || (x.asset < y.asset ? -1 : 1)),
    loads: [...outcome.capacity.loads].map(([a, l]) => {
      const cap = graph.assets[a]!.capacity!;
      return { asset: id(a), unit: cap.unit, limit: cap.limit, before: base.capacity.loads.get(a)!.load, after: l.load, headroom: cap.limit - l.load };
    }),
  };
}
