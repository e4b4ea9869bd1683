import { reqHolds } from './access.js';
import { hazardsCovering } from './coverage-index.js';
import type { AnalysisContext } from './context.js';
import type { Finding } from './finding.js';
import { describeReach } from './failure-points.js';
import type { DependencyGraph, Req } from './graph.js';
import { reachOf } from './reach.js';
import { lazyAssetStates } from './what-if.js';

export interface CapacityLoad {
  asset: string;
  unit: string;
  limit: number;
  /** Peak demand of every site whose traffic it carries with nothing failed. */
  load: number;
  utilisation: number;
  sites: number;
  /**
   * Sites it carries whose demand gives no figure in its unit (CRR-E061 reports them): their load
   * is unknown, so it is not in `load`, which is then only a lower bound. Absent when none.
   */
  unmeasured?: number;
}

export interface NMinusOne {
  /** The group member that failed. */
  failed: string;
  /** Survivors that would carry more than their limit. */
  overloaded: { asset: string; unit: string; limit: number; load: number }[];
  /** Sites whose traffic the overloaded survivors would have to carry. */
  sitesAtRisk: string[];
}

export interface CapacityReport {
  loads: CapacityLoad[];
  nMinusOne: NMinusOne[];
}

/**
 * Which assets carry each site's traffic, given failed assets. In an `anyOf` group the first
 * working member carries it (members are listed in order of preference); in `atLeast k` the first
 * k working members; an asset carries it together with everything it needs. A site counts once per
 * asset, whatever number of its services pass through.
 */
export function carriers(graph: DependencyGraph, failed: ReadonlySet<number>, onlySites?: ReadonlySet<number>): Set<number>[] {
  const works = lazyAssetStates(graph, failed);
  const memo = new Map<Req, boolean>();
  const holds = (r: Req) => reqHolds(r, works, memo);
  const carried: Set<number>[] = graph.sites.map(() => new Set());
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
  graph.routes.forEach((route) => {
    if (onlySites && !onlySites.has(route.site)) return;
    if (!route.needs.every(holds)) return; // a route that does not work carries nothing
    for (const r of route.needs) carryReq(r, carried[route.site]!, 0);
  });
  return carried;
}

interface Load {
  load: number;
  sites: number[];
  /** Sites carried whose demand has no figure in the asset's unit: not counted, not guessed. */
  unmeasured: number;
}

function loads(graph: DependencyGraph, carried: Set<number>[], limited: number[]): Map<number, Load> {
  const out = new Map<number, Load>(limited.map((a) => [a, { load: 0, sites: [], unmeasured: 0 }]));
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

export function capacity(ctx: AnalysisContext): { report: CapacityReport; findings: Finding[] } {
  const { graph } = ctx;
  const limited = graph.assets.map((a, i) => (a.capacity ? i : -1)).filter((i) => i >= 0);
  const findings: Finding[] = [];
  if (!limited.length) return { report: { loads: [], nMinusOne: [] }, findings };

  const normalCarried = carriers(graph, new Set());
  const normal = loads(graph, normalCarried, limited);
  const report: CapacityReport = { loads: [], nMinusOne: [] };
  for (const a of limited) {
    const asset = graph.assets[a]!;
    const { load, sites, unmeasured } = normal.get(a)!;
    const limit = asset.capacity!.limit;
    report.loads.push({ asset: asset.id, unit: asset.capacity!.unit, limit, load, utilisation: round(load / limit), sites: sites.length, ...(unmeasured ? { unmeasured } : {}) });
    const unknown = unmeasured ? ` The demand of ${unmeasured} more site${unmeasured === 1 ? '' : 's'} is not known in ${asset.capacity!.unit}, so the real load is higher (CRR-E061).` : '';
    if (load > limit) {
      const routes = routesOfSitesThrough(ctx, sites, a);
      const reach = reachOf(graph, routes);
      findings.push({
        id: `capacity:${asset.id}`,
        kind: 'capacity',
        title: `${asset.name} (\`${asset.id}\`) is over capacity at peak: ${load} of ${limit} ${asset.capacity!.unit}`,
        explanation: `At peak, ${sites.length} sites route through \`${asset.id}\`, a demand of ${load} ${asset.capacity!.unit} against a limit of ${limit} (${Math.round((100 * load) / limit)}%). Sites beyond its capacity lose service: ${describeReach(reach)} depend on it.${unknown}`,
        assets: [asset.id],
        reach,
        hazards: hazardsCovering(ctx.coverage, [a]),
        figures: { load, limit, unit: asset.capacity!.unit, utilisation: round(load / limit), ...(unmeasured ? { unmeasured } : {}) },
      });
    }
  }

  // N-1: fail each capacity-limited member of a redundancy group in turn; can the rest carry it?
  const inGroups = new Set<number>();
  for (const g of graph.groups) for (const m of g.members) if (m.kind === 'asset' && graph.assets[m.a]!.capacity) inGroups.add(m.a);
  for (const m of [...inGroups].sort((x, y) => x - y)) {
    // Only the sites whose traffic m carried move; everyone else's load stays where it was.
    const failed = new Set([m]);
    const moved = new Set(normal.get(m)!.sites);
    const movedCarried = carriers(graph, failed, moved);
    const carried = normalCarried.map((set, s) => (moved.has(s) ? movedCarried[s]! : set));
    const after = loads(graph, carried, limited);
    const overloaded: NMinusOne['overloaded'] = [];
    const atRisk = new Set<number>();
    const routes = new Set<number>();
    for (const a of limited) {
      if (a === m) continue;
      const { load, sites } = after.get(a)!;
      const cap = graph.assets[a]!.capacity!;
      if (load <= cap.limit || load <= normal.get(a)!.load) continue;
      overloaded.push({ asset: graph.assets[a]!.id, unit: cap.unit, limit: cap.limit, load });
      for (const s of sites) atRisk.add(s);
      for (const r of routesOfSitesThrough(ctx, sites, a)) routes.add(r);
    }
    if (!overloaded.length) continue;
    const failedAsset = graph.assets[m]!;
    const sitesAtRisk = [...atRisk].map((s) => graph.sites[s]!.id).sort();
    report.nMinusOne.push({ failed: failedAsset.id, overloaded, sitesAtRisk });
    const reach = reachOf(graph, [...routes].sort((x, y) => x - y));
    const o = overloaded.map((x) => `\`${x.asset}\` would carry ${x.load} ${x.unit} against a limit of ${x.limit}`).join('; ');
    findings.push({
      id: `capacity-n-1:${failedAsset.id}`,
      kind: 'capacity-n-1',
      title: `If \`${failedAsset.id}\` fails, the rest of its group cannot carry the peak load`,
      explanation: `When \`${failedAsset.id}\` fails its sites fail over, but ${o}. The redundancy holds on paper and not at the morning peak: ${describeReach(reach)} depend on the overloaded survivor${overloaded.length === 1 ? '' : 's'}.`,
      assets: [failedAsset.id, ...overloaded.map((x) => x.asset)],
      reach,
      hazards: hazardsCovering(ctx.coverage, [m]),
      figures: Object.fromEntries(overloaded.flatMap((x) => [[`${x.asset} load`, x.load], [`${x.asset} limit`, x.limit]])),
    });
  }
  return { report, findings };
}

/** The routes of these sites that reach the asset: what its overload puts at risk. */
function routesOfSitesThrough(ctx: AnalysisContext, sites: readonly number[], asset: number): number[] {
  const set = new Set(sites);
  return (ctx.index.routesOfAsset[asset] ?? []).filter((r) => set.has(ctx.graph.routes[r]!.site) && ctx.baseline[r] === 1);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
