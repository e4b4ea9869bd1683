import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DependencyGraph, GraphSite } from './graph.js';
import { NO_REACH, reachOf, routesOfReach, type PlaceReach, type Reach } from './reach.js';

// reachOf rolls a reach of one site up without sets and maps (most reaches nationally are one
// practice's). It must give exactly what the general roll-up gives: this is that roll-up as it
// was written before the shortcut, kept here as the reference.
function reference(graph: DependencyGraph, routes: readonly number[]): Reach {
  const sites = new Set<number>();
  const perService = new Map<string, Set<number>>();
  for (const i of routes) {
    const r = graph.routes[i]!;
    sites.add(r.site);
    let s = perService.get(r.service);
    if (!s) perService.set(r.service, (s = new Set()));
    s.add(r.site);
  }
  if (routes.length === 0) return NO_REACH;
  const siteList = [...sites].map((i) => graph.sites[i]!);
  const patients = (set: Iterable<number>) => {
    let n = 0;
    for (const i of set) n += graph.sites[i]!.patients;
    return n;
  };
  const byPlace = (tier: 'icb' | 'region'): PlaceReach[] => {
    if (graph.places.length === 0) return [];
    const per = new Map<number, PlaceReach>();
    for (const s of siteList) {
      const p = s[tier];
      if (p === undefined) continue;
      let r = per.get(p);
      if (!r) per.set(p, (r = { id: graph.places[p]!.id, name: graph.places[p]!.name, sites: 0, patients: 0 }));
      r.sites++;
      r.patients += s.patients;
    }
    return [...per.values()].sort((a, b) => b.patients - a.patients || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
  const services = [...perService.keys()].sort();
  return {
    pairs: routes.length,
    sites: siteList.map((s) => s.id).sort(),
    practices: siteList.filter((s) => s.type === 'practice' || s.type === 'branch').length,
    pcns: [...new Set(siteList.map((s) => s.pcn).filter((p): p is string => p !== undefined))].sort(),
    patients: patients(sites),
    services,
    byService: services.map((service) => ({ service, sites: perService.get(service)!.size, patients: patients(perService.get(service)!) })),
    byIcb: byPlace('icb'),
    byRegion: byPlace('region'),
  };
}

const siteArb = fc.record({
  type: fc.constantFrom('practice', 'branch', 'office', 'data-centre'),
  pcn: fc.option(fc.constantFrom('pcn-a', 'pcn-b'), { nil: undefined }),
  icb: fc.option(fc.nat(2), { nil: undefined }),
  region: fc.option(fc.nat(2), { nil: undefined }),
  patients: fc.nat(20_000),
});

const graphArb = fc
  .record({
    sites: fc.array(siteArb, { minLength: 1, maxLength: 6 }),
    routes: fc.array(fc.record({ site: fc.nat(5), service: fc.constantFrom('gp-system', 'pathology', 'email') }), { minLength: 1, maxLength: 20 }),
    places: fc.boolean(),
  })
  .map(({ sites, routes, places }): DependencyGraph => {
    const graphSites: GraphSite[] = sites.map((s, i) => ({
      id: `site-${String.fromCharCode(122 - i)}`,
      name: `Site ${i}`,
      type: s.type,
      ...(s.pcn ? { pcn: s.pcn } : {}),
      ...(s.icb !== undefined && places ? { icb: s.icb } : {}),
      ...(s.region !== undefined && places ? { region: 3 + s.region } : {}),
      patients: s.patients,
      demand: {},
    }));
    return {
      assets: [],
      assetIndex: new Map(),
      assetNeeds: [],
      sites: graphSites,
      siteIndex: new Map(graphSites.map((s, i) => [s.id, i])),
      routes: routes.map((r) => ({ site: r.site % sites.length, service: r.service, needs: [] })),
      groups: [],
      services: ['email', 'gp-system', 'pathology'],
      places: places ? ['QKS', 'QXU', 'QYG', 'Y59', 'Y56', 'Y60'].map((id) => ({ id, name: `Place ${id}` })) : [],
    };
  });

describe('reachOf: a reach of one site', () => {
  it('is exactly the general roll-up, for any routes of one site (repeats included)', () => {
    fc.assert(
      fc.property(graphArb, fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (graph, pick, extra) => {
        const site = graph.routes[pick % graph.routes.length]!.site;
        const ofSite = graph.routes.flatMap((r, i) => (r.site === site ? [i] : []));
        const routes = extra.map((n) => ofSite[n % ofSite.length]!);
        const reach = reachOf(graph, routes);
        expect(reach).toEqual(reference(graph, routes));
        expect(JSON.stringify(reach)).toBe(JSON.stringify(reference(graph, routes)));
        expect([...routesOfReach(reach)!]).toEqual(routes);
      }),
    );
  });

  it('and a reach of several sites is unchanged too', () => {
    fc.assert(
      fc.property(graphArb, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (graph, picks) => {
        const routes = picks.map((n) => n % graph.routes.length);
        const reach = reachOf(graph, routes);
        expect(JSON.stringify(reach)).toBe(JSON.stringify(reference(graph, routes)));
        expect([...routesOfReach(reach)!]).toEqual(routes);
      }),
    );
  });

  it('reads a one-shot iterable of routes once', () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const routes = graph.routes.map((_, i) => i).filter((i) => graph.routes[i]!.site === graph.routes[0]!.site);
        const reach = reachOf(graph, routes.values());
        expect(JSON.stringify(reach)).toBe(JSON.stringify(reference(graph, routes)));
      }),
    );
  });
});
