import { evaluateCapacity, limitedAssets, type CapacityState } from './capacity-evaluation.js';
import { hazardsCovering } from './coverage-index.js';
import type { AnalysisContext } from './context.js';
import type { Finding } from './finding.js';
import { describeReach } from './failure-points.js';
import { reachOf } from './reach.js';

export interface CapacityLoad {
  asset: string;
  unit: string;
  limit: number;
  /** Peak demand of every site whose traffic it carries with nothing failed. */
  load: number;
  utilisation: number;
  /** limit − load: room left at peak with nothing failed; negative when over. */
  headroom: number;
  sites: number;
  /**
   * Sites it carries whose demand gives no figure in its unit (CRR-E061 reports them): their load
   * is unknown, so it is not in `load`, which is then only a lower bound. Absent when none.
   */
  unmeasured?: number;
  /**
   * The most it would carry when one other capacity-limited member of a redundancy group fails
   * (N-1), and which failure that is. Absent when no such failure moves load onto it.
   */
  worstNMinusOne?: { failed: string; load: number; headroom: number };
}

export interface NMinusOne {
  /** The group member that failed. */
  failed: string;
  /** Survivors that would carry more than their limit, with shortfall = load − limit. */
  overloaded: { asset: string; unit: string; limit: number; load: number; shortfall: number }[];
  /** Sites whose traffic the overloaded survivors would have to carry. */
  sitesAtRisk: string[];
}

export interface CapacityReport {
  loads: CapacityLoad[];
  nMinusOne: NMinusOne[];
}

/**
 * Capacity at peak, and N-1: each capacity-limited member of a redundancy group is failed in
 * turn and the traffic routed by the same evaluation `crr what-if` uses (capacity-evaluation.ts).
 */
export function capacity(ctx: AnalysisContext, normal: CapacityState = evaluateCapacity(ctx.graph, new Set())): { report: CapacityReport; findings: Finding[] } {
  const { graph } = ctx;
  const limited = limitedAssets(graph);
  const findings: Finding[] = [];
  if (!limited.length) return { report: { loads: [], nMinusOne: [] }, findings };

  const report: CapacityReport = { loads: [], nMinusOne: [] };
  const worst = new Map<number, { failed: string; load: number }>();

  // N-1 first, so that each load can say the worst it would carry.
  const inGroups = new Set<number>();
  for (const g of graph.groups) for (const m of g.members) if (m.kind === 'asset' && graph.assets[m.a]!.capacity) inGroups.add(m.a);
  for (const m of [...inGroups].sort((x, y) => x - y)) {
    const after = evaluateCapacity(graph, new Set([m]), normal);
    const overloaded: NMinusOne['overloaded'] = [];
    const overloadedIdx: number[] = [];
    const atRisk = new Set<number>();
    const routes = new Set<number>();
    for (const a of limited) {
      if (a === m) continue;
      const { load, sites } = after.loads.get(a)!;
      const before = normal.loads.get(a)!.load;
      if (load > before && load > (worst.get(a)?.load ?? before)) worst.set(a, { failed: graph.assets[m]!.id, load });
      const cap = graph.assets[a]!.capacity!;
      if (load <= cap.limit || load <= before) continue;
      overloaded.push({ asset: graph.assets[a]!.id, unit: cap.unit, limit: cap.limit, load, shortfall: load - cap.limit });
      overloadedIdx.push(a);
      for (const s of sites) atRisk.add(s);
      for (const r of routesOfSitesThrough(ctx, sites, a)) routes.add(r);
    }
    if (!overloaded.length) continue;
    const failedAsset = graph.assets[m]!;
    const sitesAtRisk = [...atRisk].map((s) => graph.sites[s]!.id).sort();
    report.nMinusOne.push({ failed: failedAsset.id, overloaded, sitesAtRisk });
    const reach = reachOf(graph, [...routes].sort((x, y) => x - y));
    const o = overloaded.map((x) => `\`${x.asset}\` would carry ${x.load} ${x.unit} against a limit of ${x.limit}, a shortfall of ${x.shortfall}`).join('; ');
    const top = [...overloaded].sort((x, y) => y.shortfall - x.shortfall)[0]!;
    findings.push({
      id: `capacity-n-1:${failedAsset.id}`,
      kind: 'capacity-n-1',
      title: `If \`${failedAsset.id}\` fails, ${overloaded.map((x) => `\`${x.asset}\``).join(' and ')} would carry ${overloaded.length === 1 ? `${top.load} of ${top.limit} ${top.unit}` : 'more than its limit'} at peak`,
      explanation: `When \`${failedAsset.id}\` fails its sites fail over, but ${o}. The redundancy holds on paper and not at the morning peak: ${describeReach(reach)} depend on the overloaded survivor${overloaded.length === 1 ? '' : 's'}, whose service would be intermittent. A hazard whose cause names ${overloaded.length === 1 ? 'the overloaded survivor' : 'every overloaded survivor'} covers this finding.`,
      assets: [failedAsset.id, ...overloaded.map((x) => x.asset)],
      reach,
      // The harm is the survivor's overload: a hazard about its capacity names this risk.
      hazards: hazardsCovering(ctx.coverage, overloadedIdx),
      figures: {
        failed: failedAsset.id,
        overloaded: overloaded.map((x) => x.asset).join(', '),
        load: top.load,
        limit: top.limit,
        unit: top.unit,
        shortfall: top.shortfall,
        headroom: top.limit - top.load,
        ...(overloaded.length > 1 ? Object.fromEntries(overloaded.flatMap((x) => [[`${x.asset} load`, x.load], [`${x.asset} limit`, x.limit], [`${x.asset} shortfall`, x.shortfall]])) : {}),
      },
    });
  }

  for (const a of limited) {
    const asset = graph.assets[a]!;
    const { load, sites, unmeasured } = normal.loads.get(a)!;
    const { limit, unit } = asset.capacity!;
    const w = worst.get(a);
    report.loads.push({
      asset: asset.id,
      unit,
      limit,
      load,
      utilisation: round(load / limit),
      headroom: limit - load,
      sites: sites.length,
      ...(unmeasured ? { unmeasured } : {}),
      ...(w ? { worstNMinusOne: { failed: w.failed, load: w.load, headroom: limit - w.load } } : {}),
    });
    const unknown = unmeasured ? ` The demand of ${unmeasured} more site${unmeasured === 1 ? '' : 's'} is not known in ${unit}, so the real load is higher (CRR-E061).` : '';
    if (load > limit) {
      const routes = routesOfSitesThrough(ctx, sites, a);
      const reach = reachOf(graph, routes);
      findings.push({
        id: `capacity:${asset.id}`,
        kind: 'capacity',
        title: `${asset.name} (\`${asset.id}\`) is over capacity at peak: ${load} of ${limit} ${unit}`,
        explanation: `At peak, ${sites.length} sites route through \`${asset.id}\`, a demand of ${load} ${unit} against a limit of ${limit} (${Math.round((100 * load) / limit)}%), a shortfall of ${load - limit}. Sites beyond its capacity lose service: ${describeReach(reach)} depend on it.${unknown}`,
        assets: [asset.id],
        reach,
        hazards: hazardsCovering(ctx.coverage, [a]),
        figures: { load, limit, unit, utilisation: round(load / limit), shortfall: load - limit, headroom: limit - load, ...(unmeasured ? { unmeasured } : {}) },
      });
    }
  }
  return { report, findings };
}

/** The routes of these sites that reach the asset: what its overload puts at risk. */
function routesOfSitesThrough(ctx: AnalysisContext, sites: readonly number[], asset: number): number[] {
  const set = new Set(sites);
  return (ctx.index.routesOfAsset[asset] ?? []).filter((r) => set.has(ctx.graph.routes[r]!.site) && ctx.baseline[r] === 1);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
