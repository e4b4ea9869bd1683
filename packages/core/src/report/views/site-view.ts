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

  return graph.sites.map((s, si): SiteView => {
    const routes = rel.routesOfSite[si]!.slice().sort((x, y) => (graph.routes[x]!.service < graph.routes[y]!.service ? -1 : 1));
    const hazardIds = new Set<string>();
    for (const r of routes) for (const a of index.assetsOfRoute[r]!) for (const c of coverage.causesOf.get(a) ?? []) for (const h of coverage.causes[c]!.hazards) hazardIds.add(h);
    for (const h of register.hazards) if ((h.sites ?? []).includes(s.id)) hazardIds.add(h.id);
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
      ...listedHazards(rc, [...hazardIds].sort()),
      incidents: sortedRefs(rel.incidentsOfSite.get(s.id) ?? [], links.incident),
      graph: siteGraph(graph, slugs, si, routes, fpAssets, (id) => links.service(id).name),
    };
  });
}
