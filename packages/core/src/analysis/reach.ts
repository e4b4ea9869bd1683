import type { DependencyGraph, GraphSite } from './graph.js';

/** Sites and patients in one place (an ICB or a region). */
export interface PlaceReach {
  /** The organisation's id. */
  id: string;
  name: string;
  sites: number;
  patients: number;
}

/** What a failure reaches: (site, service) pairs rolled up to practices, PCNs, ICBs, regions, patients, services. */
export interface Reach {
  /** (site, service) pairs cut. */
  pairs: number;
  sites: string[];
  /** Sites of type practice or branch among them. */
  practices: number;
  pcns: string[];
  /** Sum of the list sizes of the sites cut off from at least one service. */
  patients: number;
  services: string[];
  byService: { service: string; sites: number; patients: number }[];
  /** The sites cut, by the ICB they resolve to (see `placesOf`), most patients first, then by id. Sites in no ICB are left out. */
  byIcb: PlaceReach[];
  /** The same by NHS England region. */
  byRegion: PlaceReach[];
}

export const NO_REACH: Reach = Object.freeze({ pairs: 0, sites: [], practices: 0, pcns: [], patients: 0, services: [], byService: [], byIcb: [], byRegion: [] }) as Reach;

/**
 * The routes each reach was rolled up from, so that `scopeAnalysis` (scope.ts) can restrict a
 * reach to one place exactly, without evaluating the failure again. Kept beside the reach, not
 * in it: JSON and equality see the reach alone, and a reach dropped is collected with its routes.
 */
const routesOfReaches = new WeakMap<Reach, Uint32Array>();

/** The route indices a reach was rolled up from; undefined for the empty reach and for one not made by `reachOf`. */
export function routesOfReach(reach: Reach): Uint32Array | undefined {
  return routesOfReaches.get(reach);
}

/** Roll route indices up. Sorted, so the same routes always give the same reach. */
export function reachOf(graph: DependencyGraph, routes: Iterable<number>): Reach {
  const seen: number[] = [];
  // The one site every route is of, while there is one (-1: no route yet, -2: two sites).
  let only = -1;
  for (const i of routes) {
    const site = graph.routes[i]!.site;
    seen.push(i);
    only = only === -1 || only === site ? site : -2;
  }
  if (seen.length === 0) return NO_REACH;
  const reach = only >= 0 ? oneSiteReach(graph, seen, only) : manySitesReach(graph, seen);
  routesOfReaches.set(reach, Uint32Array.from(seen));
  return reach;
}

/**
 * Most reaches are of one site (each of a national register's ~18,000 site-local assets cuts its
 * own practice): the same figures as `manySitesReach` gives for them, without its sets and maps.
 */
function oneSiteReach(graph: DependencyGraph, seen: readonly number[], siteIndex: number): Reach {
  const site = graph.sites[siteIndex]!;
  const patients = 0 + site.patients;
  const services = [...new Set(seen.map((i) => graph.routes[i]!.service))].sort();
  return {
    pairs: seen.length,
    sites: [site.id],
    practices: site.type === 'practice' || site.type === 'branch' ? 1 : 0,
    pcns: site.pcn !== undefined ? [site.pcn] : [],
    patients,
    services,
    byService: services.map((service) => ({ service, sites: 1, patients })),
    byIcb: byPlace(graph, [site], 'icb'),
    byRegion: byPlace(graph, [site], 'region'),
  };
}

function manySitesReach(graph: DependencyGraph, seen: readonly number[]): Reach {
  const sites = new Set<number>();
  const perService = new Map<string, Set<number>>();
  const pairs = seen.length;
  for (const i of seen) {
    const r = graph.routes[i]!;
    sites.add(r.site);
    let s = perService.get(r.service);
    if (!s) perService.set(r.service, (s = new Set()));
    s.add(r.site);
  }
  const siteList = [...sites].map((i) => graph.sites[i]!);
  const patients = (set: Iterable<number>) => {
    let n = 0;
    for (const i of set) n += graph.sites[i]!.patients;
    return n;
  };
  const services = [...perService.keys()].sort();
  const reach: Reach = {
    pairs,
    sites: sortedIds(graph, sites),
    practices: siteList.filter((s) => s.type === 'practice' || s.type === 'branch').length,
    pcns: [...new Set(siteList.map((s) => s.pcn).filter((p): p is string => p !== undefined))].sort(),
    patients: patients(sites),
    services,
    byService: services.map((service) => ({ service, sites: perService.get(service)!.size, patients: patients(perService.get(service)!) })),
    byIcb: byPlace(graph, siteList, 'icb'),
    byRegion: byPlace(graph, siteList, 'region'),
  };
  return reach;
}

/**
 * The sites' position in id order, per graph: reaches are many (one per finding) and a national
 * one lists thousands of sites, so they are sorted as numbers, not as strings, each time.
 */
const idOrder = new WeakMap<readonly GraphSite[], { rank: Int32Array; byRank: Int32Array }>(); // keyed by the sites array itself

/** The ids of these sites, sorted as `[...ids].sort()` would (by UTF-16 code units). */
function sortedIds(graph: DependencyGraph, sites: ReadonlySet<number>): string[] {
  let order = idOrder.get(graph.sites);
  if (!order) {
    const byRank = Int32Array.from(graph.sites.keys()).sort((x, y) => {
      const a = graph.sites[x]!.id;
      const b = graph.sites[y]!.id;
      return a < b ? -1 : a > b ? 1 : x - y;
    });
    const rank = new Int32Array(byRank.length);
    byRank.forEach((site, r) => (rank[site] = r));
    idOrder.set(graph.sites, (order = { rank, byRank }));
  }
  const ranks = new Int32Array(sites.size);
  let k = 0;
  for (const i of sites) ranks[k++] = order.rank[i]!;
  ranks.sort();
  const out = new Array<string>(ranks.length);
  for (let j = 0; j < ranks.length; j++) out[j] = graph.sites[order.byRank[ranks[j]!]!]!.id;
  return out;
}

/** Sites and patients per place, largest first. The site's place index was resolved once, in the graph. */
function byPlace(graph: DependencyGraph, sites: readonly GraphSite[], tier: 'icb' | 'region'): PlaceReach[] {
  if (graph.places.length === 0) return [];
  const per = new Map<number, PlaceReach>();
  for (const s of sites) {
    const p = s[tier];
    if (p === undefined) continue;
    let r = per.get(p);
    if (!r) per.set(p, (r = { id: graph.places[p]!.id, name: graph.places[p]!.name, sites: 0, patients: 0 }));
    r.sites++;
    r.patients += s.patients;
  }
  return [...per.values()].sort((a, b) => b.patients - a.patients || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
