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

/** Roll route indices up. Sorted, so the same routes always give the same reach. */
export function reachOf(graph: DependencyGraph, routes: Iterable<number>): Reach {
  const sites = new Set<number>();
  const perService = new Map<string, Set<number>>();
  let pairs = 0;
  for (const i of routes) {
    const r = graph.routes[i]!;
    pairs++;
    sites.add(r.site);
    let s = perService.get(r.service);
    if (!s) perService.set(r.service, (s = new Set()));
    s.add(r.site);
  }
  if (pairs === 0) return NO_REACH;
  const siteList = [...sites].map((i) => graph.sites[i]!);
  const patients = (set: Iterable<number>) => {
    let n = 0;
    for (const i of set) n += graph.sites[i]!.patients;
    return n;
  };
  const services = [...perService.keys()].sort();
  return {
    pairs,
    sites: siteList.map((s) => s.id).sort(),
    practices: siteList.filter((s) => s.type === 'practice' || s.type === 'branch').length,
    pcns: [...new Set(siteList.map((s) => s.pcn).filter((p): p is string => p !== undefined))].sort(),
    patients: patients(sites),
    services,
    byService: services.map((service) => ({ service, sites: perService.get(service)!.size, patients: patients(perService.get(service)!) })),
    byIcb: byPlace(graph, siteList, 'icb'),
    byRegion: byPlace(graph, siteList, 'region'),
  };
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
