/**
 * Which assets serve, and which hazards concern, each of many places: the answers `reportScope`
 * gives for one place (the same three rules, see scope-report.ts), computed for every region and
 * ICB in one pass over the routes. The scope lens walks every route once per place, which for the
 * 49 places of a national register is seconds; this walks them once. A test holds the two equal.
 */
import type { AnalysisContext } from '../../analysis/context.js';
import type { Hazard } from '../../model/hazard.js';

export interface PlaceConcerns {
  asset(id: string): boolean;
  hazard(h: Pick<Hazard, 'id' | 'services' | 'causes' | 'sites'>): boolean;
}

/** `places`: each place's site ids. */
export function placeConcerns(ctx: Pick<AnalysisContext, 'graph' | 'index' | 'coverage'>, places: ReadonlyMap<string, ReadonlySet<string>>): Map<string, PlaceConcerns> {
  const { graph, index, coverage } = ctx;
  const ids = [...places.keys()];
  // The places of each site, as indices into `ids`.
  const placesOfSite: number[][] = graph.sites.map(() => []);
  ids.forEach((id, p) => {
    for (const s of places.get(id)!) {
      const i = graph.siteIndex.get(s);
      if (i !== undefined) placesOfSite[i]!.push(p);
    }
  });
  const serving = ids.map(() => new Uint8Array(graph.assets.length));
  const services = ids.map(() => new Set<string>());
  graph.routes.forEach((r, i) => {
    const at = placesOfSite[r.site]!;
    if (!at.length) return;
    for (const p of at) services[p]!.add(r.service);
    for (const a of index.assetsOfRoute[i]!) for (const p of at) serving[p]![a] = 1;
  });
  // An asset a place's site holds or hosts serves it, used by a route or not.
  graph.assets.forEach((a, i) => {
    const at = a.site ?? a.location;
    const s = at !== undefined ? graph.siteIndex.get(at) : undefined;
    if (s !== undefined) for (const p of placesOfSite[s]!) serving[p]![i] = 1;
  });
  // The hazards whose causes name an asset serving each place.
  const hazardsServing = ids.map(() => new Set<string>());
  for (const c of coverage.causes) {
    const reached = new Set<number>();
    for (const a of c.assets) for (let p = 0; p < ids.length; p++) if (serving[p]![a]) reached.add(p);
    for (const p of reached) for (const h of c.hazards) hazardsServing[p]!.add(h);
  }

  const out = new Map<string, PlaceConcerns>();
  ids.forEach((id, p) => {
    const sites = places.get(id)!;
    out.set(id, {
      asset: (assetId) => {
        const a = graph.assetIndex.get(assetId);
        return a !== undefined && serving[p]![a] === 1;
      },
      hazard: (h) => {
        if (h.sites?.length) return h.sites.some((s) => sites.has(s));
        const namesAssets = h.causes.some((c) => c.assets?.length || c.select);
        return namesAssets ? hazardsServing[p]!.has(h.id) : (h.services ?? []).some((s) => services[p]!.has(s));
      },
    });
  });
  return out;
}
