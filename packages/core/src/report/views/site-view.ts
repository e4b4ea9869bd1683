/** A site's page: its routes to each service as trees, their failure points, what names the site. */
import { siteGraph } from '../graphs.js';
import { refOf } from '../refs.js';
import type { SiteView } from '../report-data.js';
import { routeTree } from '../route-tree.js';
import { listedHazards, sortedRefs, type ReportContext } from './report-context.js';

export function siteViews(rc: ReportContext): SiteView[] {
  const { register, graph, index, coverage, cuts } = rc.ctx;
  const { links, slugs, rel } = rc;
  const fpByPair = new Map(rc.analysis.failurePoints.map((p) => [`${p.site}\u0000${p.service}`, p.assets] as const));
  const registerSites = new Map(register.sites.map((s) => [s.id, s] as const));
  // Inverted once: every hazard asked about every site is four million questions at 6,500 practices.
  const hazardsNaming = new Map<string, string[]>();
  for (const h of register.hazards) for (const site of new Set(h.sites ?? [])) {
    const list = hazardsNaming.get(site);
    if (list) list.push(h.id);
    else hazardsNaming.set(site, [h.id]);
  }

  // A site's hazards: those covering the assets its routes use, and those naming it. Assets
  // covered by the same causes share one list, and sites whose assets have the same lists share
  // one sorted union: at 6,500 practices every site's concentrators and data centres are each
  // covered by hundreds of causes, and merging them once per site was most of this view's time.
  const listOfCauses = new Map<string, number>();
  const hazardLists: string[][] = [];
  const listOfAsset = new Map<number, number>();
  const listOf = (a: number): number => {
    let list = listOfAsset.get(a);
    if (list !== undefined) return list;
    const causes = coverage.causesOf.get(a) ?? [];
    const key = causes.join(',');
    list = listOfCauses.get(key);
    if (list === undefined) {
      list = hazardLists.length;
      hazardLists.push([...new Set(causes.flatMap((c) => [...coverage.causes[c]!.hazards]))]);
      listOfCauses.set(key, list);
    }
    listOfAsset.set(a, list);
    return list;
  };
  const unions = new Map<string, string[]>();
  const hazardsOfSite = (routes: readonly number[], siteId: string): string[] => {
    const lists = new Set<number>();
    for (const r of routes) for (const a of index.assetsOfRoute[r]!) lists.add(listOf(a));
    const naming = hazardsNaming.get(siteId) ?? [];
    const key = [...lists].sort((x, y) => x - y).join(',') + '|' + naming.join(',');
    const known = unions.get(key);
    if (known) return known;
    const ids = [...new Set([...[...lists].flatMap((l) => hazardLists[l]!), ...naming])].sort();
    unions.set(key, ids);
    return ids;
  };

  return graph.sites.map((s, si): SiteView => {
    const routes = rel.routesOfSite[si]!.slice().sort((x, y) => (graph.routes[x]!.service < graph.routes[y]!.service ? -1 : 1));
    const fpAssets = new Set<number>();
    for (const r of routes) for (const a of cuts.route[r] ?? []) fpAssets.add(a);
    const routeViews = routes.map((r) => {
      const route = graph.routes[r]!;
      const failurePoints = fpByPair.get(`${s.id}\u0000${route.service}`) ?? [];
      return { service: links.service(route.service), tree: routeTree(graph, route.needs, slugs.assets, new Set(failurePoints)), failurePoints: failurePoints.map(links.asset) };
    });
    const src = registerSites.get(s.id);
    return {
      ...refOf(s, slugs.sites),
      type: s.type,
      ...(src?.ods ? { ods: src.ods } : {}),
      ...(s.pcn ? { pcn: links.organisation(s.pcn) } : {}),
      patients: s.patients,
      ...(src?.profile ? { profile: src.profile } : {}),
      routes: routeViews,
      failurePointCount: new Set(routeViews.flatMap((r) => r.failurePoints.map((f) => f.id))).size,
      ...listedHazards(rc, hazardsOfSite(routes, s.id)),
      incidents: sortedRefs(rel.incidentsOfSite.get(s.id) ?? [], links.incident),
      graph: siteGraph(graph, slugs, si, routes, fpAssets, (id) => links.service(id).name),
    };
  });
}
