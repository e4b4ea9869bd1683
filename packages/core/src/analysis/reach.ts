import type { DependencyGraph } from './graph.js';

/** What a failure reaches: (site, service) pairs rolled up to practices, PCNs, patients, services. */
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
}

export const NO_REACH: Reach = Object.freeze({ pairs: 0, sites: [], practices: 0, pcns: [], patients: 0, services: [], byService: [] }) as Reach;

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
  };
}
