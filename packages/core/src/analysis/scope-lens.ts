import type { Analysis } from './analyse.js';
import type { DependencyGraph } from './graph.js';
import type { Coverage } from './coverage-index.js';
import { NO_REACH, reachOf, routesOfReach, type Reach } from './reach.js';
import type { RouteIndex } from './routes-of.js';
import type { Scope } from './scope.js';

/**
 * What a scope sees, computed once per place: which sites and routes are the place's, which
 * assets serve it, and a reach restricted to it. A reach is restricted by the very routes it was
 * rolled up from (`routesOfReach`), so the restricted reach is the one `reachOf` gives for the
 * place's share of those routes: exact, without evaluating any failure again.
 */
export interface ScopeLens {
  restrict(reach: Reach): Reach;
  /** Whether the place's routes reach this asset, or one of the place's sites holds or hosts it. */
  serves(asset: number): boolean;
  servesId(asset: string): boolean;
  /** Whether a cause of this hazard names an asset that serves the place. */
  hazardServes(hazard: string): boolean;
  /** The summary figures of the place, as the analysis counts them for the whole register. */
  summary(): Pick<Analysis['summary'], 'sites' | 'practices' | 'patients' | 'services' | 'assets' | 'routes' | 'brokenRoutes'>;
  /** Pairs and sites of the place up after a failure that cut and degraded these (already restricted) reaches. */
  up(cut: Reach, degraded: Reach): { pairs: number; sites: number };
}

export interface LensInput {
  graph: DependencyGraph;
  index: Pick<RouteIndex, 'assetsOfRoute'>;
  /** Which routes work with nothing failed. */
  baseline: Uint8Array;
  /** Hazard causes, for incidents; absent in a what-if, which has no findings. */
  coverage?: Coverage;
}

export function scopeLens(input: LensInput, scope: Scope): ScopeLens {
  const { graph, baseline } = input;
  const inSite = new Uint8Array(graph.sites.length);
  for (const id of scope.sites) {
    const i = graph.siteIndex.get(id);
    if (i !== undefined) inSite[i] = 1;
  }
  const routes: number[] = [];
  graph.routes.forEach((r, i) => {
    if (inSite[r.site]) routes.push(i);
  });
  const serving = new Uint8Array(graph.assets.length);
  for (const r of routes) for (const a of input.index.assetsOfRoute[r]!) serving[a] = 1;
  graph.assets.forEach((a, i) => {
    const at = a.site ?? a.location;
    const s = at !== undefined ? graph.siteIndex.get(at) : undefined;
    if (s !== undefined && inSite[s]) serving[i] = 1;
  });
  const hazards = new Set<string>();
  for (const c of input.coverage?.causes ?? []) if ([...c.assets].some((a) => serving[a])) for (const h of c.hazards) hazards.add(h);

  const memo = new Map<Reach, Reach>();
  const restrict = (reach: Reach): Reach => {
    if (reach.pairs === 0) return reach;
    let out = memo.get(reach);
    if (out) return out;
    const all = routesOfReach(reach);
    // Every reach with pairs is made by `reachOf`; one that is not (read back from JSON) is
    // restricted by its sites, every route of a kept site to one of its services counting.
    const sites = all ? undefined : new Set(reach.sites);
    const services = all ? undefined : new Set(reach.services);
    const kept: number[] = [];
    if (all) {
      for (const r of all) if (inSite[graph.routes[r]!.site]) kept.push(r);
    } else for (const r of routes) if (sites!.has(graph.sites[graph.routes[r]!.site]!.id) && services!.has(graph.routes[r]!.service)) kept.push(r);
    const seen = kept.length === reach.pairs && all ? reach : kept.length ? reachOf(graph, kept) : NO_REACH;
    memo.set(reach, (out = seen));
    return out;
  };

  return {
    restrict,
    serves: (a) => serving[a] === 1,
    servesId: (id) => {
      const a = graph.assetIndex.get(id);
      return a !== undefined && serving[a] === 1;
    },
    hazardServes: (h) => hazards.has(h),
    summary() {
      const services = new Set<string>();
      for (const r of routes) services.add(graph.routes[r]!.service);
      let sites = 0;
      let practices = 0;
      let patients = 0;
      graph.sites.forEach((s, i) => {
        if (!inSite[i]) return;
        sites++;
        if (s.type === 'practice') {
          practices++;
          patients += s.patients;
        }
      });
      return {
        sites,
        practices,
        patients,
        services: [...services].sort(),
        assets: serving.reduce((n, x) => n + x, 0),
        routes: routes.length,
        brokenRoutes: routes.reduce((n, r) => n + (baseline[r] ? 0 : 1), 0),
      };
    },
    up(cut, degraded) {
      let working = 0;
      const sitesWorking = new Set<number>();
      for (const r of routes)
        if (baseline[r] === 1) {
          working++;
          sitesWorking.add(graph.routes[r]!.site);
        }
      const notUp = new Set([...cut.sites, ...degraded.sites]);
      return { pairs: working - cut.pairs - degraded.pairs, sites: sitesWorking.size - notUp.size };
    },
  };
}
