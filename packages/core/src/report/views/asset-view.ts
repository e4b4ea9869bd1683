/** An asset's page: what it is, what it needs and what needs it, who it reaches, what names it. */
import { hazardsCovering } from '../../analysis/coverage-index.js';
import { reachOf } from '../../analysis/reach.js';
import type { RegisterAsset } from '../../model/register.js';
import { assetGraph, reqLines } from '../graphs.js';
import { byId, refOf } from '../refs.js';
import { assetsIn } from '../relations.js';
import { LISTED, type AssetView, type CapacityView, type Ref } from '../report-data.js';
import { listedHazards, sortedRefs, type ReportContext } from './report-context.js';

/** The finding kinds an asset page lists as its common causes. */
const COMMON_CAUSE_KINDS: ReadonlySet<string> = new Set(['common-cause', 'redundancy-defeated']);

type Attribute = AssetView['attributes'][number];
const attr = (label: string, value: string | undefined, ref?: Ref & { section: string }): Attribute[] => (value === undefined ? [] : [{ label, value, ...(ref ? { ref } : {}) }]);

/** Each asset's failure points, by site then service; and the set of assets that are one anywhere. */
function failurePointIndex(rc: ReportContext): { bySite: Map<string, Map<string, string[]>>; anywhere: Set<number> } {
  const bySite = new Map<string, Map<string, string[]>>();
  const anywhere = new Set<number>();
  for (const p of rc.analysis.failurePoints)
    for (const a of p.assets) {
      anywhere.add(rc.ctx.graph.assetIndex.get(a)!);
      let sites = bySite.get(a);
      if (!sites) bySite.set(a, (sites = new Map()));
      const list = sites.get(p.site) ?? [];
      list.push(p.service);
      sites.set(p.site, list);
    }
  return { bySite, anywhere };
}

/** The assets that are a failure point somewhere, by index (the overview marks the shared ones). */
export function failurePointAssets(rc: ReportContext): Set<number> {
  return failurePointIndex(rc).anywhere;
}

/** `capacity` is the capacity page's rows (`capacityViews`), by asset id. */
export function assetViews(rc: ReportContext, capacity: ReadonlyMap<string, CapacityView>): AssetView[] {
  const { register, graph, index } = rc.ctx;
  const { links, slugs, rel } = rc;
  const orgs = new Map(register.organisations.map((o) => [o.id, o] as const));
  const impact = new Map(rc.analysis.assets.map((i) => [i.id, i] as const));
  const fp = failurePointIndex(rc);
  const assetRef = (a: number) => links.asset(graph.assets[a]!.id);
  const incidentStart = new Map(register.incidents.map((n) => [n.id, n.start] as const));
  // Every practice's firewall is named by the same causes: their hazards are listed once per set of causes.
  const hazardsOfCauses = new Map<string, string[]>();
  const hazardsOf = (i: number): string[] => {
    const key = (rc.ctx.coverage.causesOf.get(i) ?? []).join(',');
    let ids = hazardsOfCauses.get(key);
    if (!ids) hazardsOfCauses.set(key, (ids = hazardsCovering(rc.ctx.coverage, [i])));
    return ids;
  };

  return graph.assets.map((a: RegisterAsset, i): AssetView => {
    const routes = index.routesOfAsset[i] ?? [];
    const usedSites = new Set(routes.map((r) => graph.routes[r]!.site));
    const cap = capacity.get(a.id);
    const fpSites = [...(fp.bySite.get(a.id) ?? new Map<string, string[]>())].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return {
      ...refOf(a, slugs.assets),
      type: a.type,
      ...(a.site ? { site: links.site(a.site) } : {}),
      attributes: [
        ...attr('Type', a.type),
        ...attr('Supplier', a.supplier && (orgs.get(a.supplier)?.name ?? a.supplier), a.supplier ? { ...links.organisation(a.supplier), section: 'suppliers' } : undefined),
        ...attr('Vendor', a.vendor),
        ...attr('Model', a.model),
        ...attr('Software', a.software),
        ...attr('Carrier', a.carrier && (orgs.get(a.carrier)?.name ?? a.carrier), a.carrier ? { ...links.organisation(a.carrier), section: 'suppliers' } : undefined),
        ...attr('Network', a.network),
        ...attr('Location', a.location && links.site(a.location).name, a.location ? { ...links.site(a.location), section: 'sites' } : undefined),
        ...attr('Managed by', a.managedBy),
        ...Object.entries(a.attributes ?? {}).sort(([x], [y]) => (x < y ? -1 : 1)).flatMap(([k, v]) => attr(k, v)),
        ...attr('Description', a.description),
      ],
      ...(cap ? { capacity: cap } : {}),
      needs: graph.assetNeeds[i]!.map((r) => ({ text: reqLines(graph, [r]).join('\n'), assets: [...assetsIn(r)].map(assetRef) })),
      neededBy: rel.neededBy[i]!.map(assetRef).sort(byId),
      usedBy: { sites: usedSites.size, services: [...new Set(routes.map((r) => graph.routes[r]!.service))].sort().map(links.service) },
      reach: rc.reach(impact.get(a.id)?.reach ?? reachOf(graph, [])),
      failurePointFor: fpSites.slice(0, LISTED).map(([site, svcs]) => ({ site: links.site(site), services: [...svcs].sort().map(links.service) })),
      moreFailurePointSites: Math.max(0, fpSites.length - LISTED),
      failurePointSiteCount: fpSites.length,
      commonCauses: (rel.findingsOfAsset.get(a.id) ?? []).filter((f) => COMMON_CAUSE_KINDS.has(f.kind)).map((f) => ({ id: f.id, title: f.title, slug: rc.findingSlugs.get(f.id)! })),
      ...listedHazards(rc, hazardsOf(i)),
      incidents: sortedRefs(rel.incidentsOfAsset.get(a.id) ?? [], links.incident).map((r) => ({ ...r, start: incidentStart.get(r.id)! })),
      graph: assetGraph(graph, slugs, i, rel.neededBy[i]!, usedSites.size, fp.anywhere),
    };
  });
}
