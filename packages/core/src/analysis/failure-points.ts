import { hazardsCovering } from './coverage-index.js';
import type { AnalysisContext } from './context.js';
import type { Finding } from './finding.js';
import { reachOf, type Reach } from './reach.js';
import { articleFor } from '../words/count.js';

export interface AssetImpact {
  id: string;
  name: string;
  type: string;
  /** The owning site, for site-local assets. */
  site?: string;
  /** What this asset's failure alone cuts. */
  reach: Reach;
  hazards: string[];
}

export interface PairFailurePoints {
  site: string;
  service: string;
  /** Assets whose failure alone cuts the site off the service; empty when none does. */
  assets: string[];
}

/** Per asset: the routes its failure alone cuts, from the cut sets (no re-evaluation). */
export function routesCutByEachAsset(ctx: AnalysisContext): number[][] {
  const out: number[][] = ctx.graph.assets.map(() => []);
  ctx.cuts.route.forEach((cut, i) => {
    if (cut === null || ctx.baseline[i] !== 1) return;
    for (const a of cut) out[a]!.push(i);
  });
  return out;
}

export function pairFailurePoints(ctx: AnalysisContext): PairFailurePoints[] {
  const { graph, cuts } = ctx;
  return graph.routes
    .map((r, i) => ({ site: graph.sites[r.site]!.id, service: r.service, assets: (cuts.route[i] ?? []).map((a) => graph.assets[a]!.id).sort() }))
    .sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
}

/** Every asset whose failure alone cuts anything, most patients first. */
export function assetImpacts(ctx: AnalysisContext, cutByAsset: number[][]): AssetImpact[] {
  const out: AssetImpact[] = [];
  ctx.graph.assets.forEach((a, i) => {
    const routes = cutByAsset[i]!;
    if (!routes.length) return;
    out.push({ id: a.id, name: a.name, type: a.type, ...(a.site ? { site: a.site } : {}), reach: reachOf(ctx.graph, routes), hazards: hazardsCovering(ctx.coverage, [i]) });
  });
  return out.sort((x, y) => y.reach.patients - x.reach.patients || y.reach.pairs - x.reach.pairs || (x.id < y.id ? -1 : 1));
}

/**
 * Findings: one per shared asset that is a single failure point, and one per kind of site-local
 * asset (each practice's own firewall cuts only that practice: one finding, not hundreds).
 */
export function failurePointFindings(ctx: AnalysisContext, impacts: readonly AssetImpact[]): Finding[] {
  const findings: Finding[] = [];
  const local = new Map<string, AssetImpact[]>();
  for (const imp of impacts) {
    const asset = ctx.graph.assets[ctx.graph.assetIndex.get(imp.id)!]!;
    if (asset.localName) {
      const list = local.get(asset.localName) ?? [];
      list.push(imp);
      local.set(asset.localName, list);
      continue;
    }
    findings.push({
      id: `failure-point:${imp.id}`,
      kind: 'failure-point',
      title: `${imp.name} (\`${imp.id}\`) is a single failure point for ${imp.reach.sites.length} site${imp.reach.sites.length === 1 ? '' : 's'}`,
      explanation: `If \`${imp.id}\` fails, ${describeReach(imp.reach)} lose ${listWords(imp.reach.services)}: every route to ${imp.reach.services.length === 1 ? 'it' : 'them'} from those sites needs \`${imp.id}\` and has no alternative.`,
      assets: [imp.id],
      reach: imp.reach,
      hazards: imp.hazards,
    });
  }
  for (const [name, list] of [...local].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const worst = list[0]!; // impacts are sorted, most patients first
    const uncovered = list.filter((i) => i.hazards.length === 0).length;
    findings.push({
      id: `failure-point:local:${name}`,
      kind: 'failure-point',
      title: `Each site's own \`${name}\` is a single failure point for that site (${list.length} site${list.length === 1 ? '' : 's'})`,
      explanation: `${list.length} site${list.length === 1 ? ' has' : 's have'} ${articleFor(name)} \`${name}\` of their own that every route to ${listWords(worst.reach.services)} needs. One failure cuts one site; the largest is \`${worst.site}\` with ${worst.reach.patients.toLocaleString('en-GB')} patients.${uncovered ? ` ${uncovered} of them ${uncovered === 1 ? 'is' : 'are'} named by no hazard.` : ''}`,
      assets: list.map((i) => i.id).sort(),
      reach: worst.reach,
      hazards: [...new Set(list.flatMap((i) => i.hazards))].sort(),
      figures: { sites: list.length, uncovered },
    });
  }
  return findings;
}

export function describeReach(r: Reach): string {
  const sites = `${r.sites.length} site${r.sites.length === 1 ? '' : 's'}`;
  const pcns = r.pcns.length ? ` in ${r.pcns.length} PCN${r.pcns.length === 1 ? '' : 's'}` : '';
  return `${sites}${pcns} (${r.patients.toLocaleString('en-GB')} patients)`;
}

export function listWords(items: readonly string[]): string {
  const q = items.map((i) => `\`${i}\``);
  return q.length <= 1 ? (q[0] ?? 'nothing') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}
