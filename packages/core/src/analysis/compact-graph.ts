import type { Register, RegisterAsset } from '../model/register.js';
import type { Selector } from '../model/selector.js';
import { assetPlacesOf, type AssetPlaces } from './asset-places.js';
import { failureBaseline, type FailureBaseline } from './failure-outcome.js';
import { buildGraph, type DependencyGraph, type GraphSite, type Req } from './graph.js';
import { placeTiers, type PlaceTier } from './places.js';
import { whatIfOn, type FailureSpec, type WhatIf } from './scenario.js';
import { selectorText } from './selector-match.js';

/**
 * The register's dependency graph as plain JSON, in the shape the failure evaluation needs and
 * nothing more: what the report site's what-if page loads, so that the browser runs core's own
 * `whatIfOn` on it. Requirement trees stay shared (a node table, members before the nodes that
 * hold them), the places of each site and the demands of sites are interned in tables, so the
 * data grows with the register, not with its profiles. `graphOfCompact` gives the graph back:
 * a what-if on it equals the same what-if on the register.
 */
export interface CompactGraph {
  /** Format version. */
  v: 1;
  /** Assets with the fields selectors and capacity read (`compactAssetKeys`). */
  assets: CompactAsset[];
  /** Requirement nodes: [0, asset] | [1, what] | [2, members] | [3, members, group id, name?] | [4, k, members, group id, name?]. */
  reqs: CompactReq[];
  /** Per asset: its requirements, as indices into `reqs`. */
  assetNeeds: number[][];
  /** Sites: [id, name, type, pcn or null, icb or -1, region or -1, patients, demand (index into `demands`), places (index into `placeSets`)]. */
  sites: CompactSite[];
  demands: Record<string, number>[];
  /** The values a place key matches at each tier, per distinct combination. */
  placeSets: Partial<Record<PlaceTier, string[]>>[];
  /** Place values of a site that hosts assets but is not one of the register's sites (none usually): site id → index into `placeSets`. */
  otherPlaces: Record<string, number>;
  /** Routes: [site, service (index into `services`), needs (indices into `reqs`)]. */
  routes: [number, number, number[]][];
  services: string[];
  places: { id: string; name: string }[];
  /** The names of the PCNs sites are in, by id (for the page's rows by PCN). */
  pcnNames: Record<string, string>;
  /** Number of redundancy groups (their ids are 0…n-1). */
  groups: number;
  /** The register's named scenarios, as failure specs. */
  scenarios: { id: string; title: string; specs: FailureSpec[] }[];
}

/** What the evaluation reads of an asset: what selectors match, its name and its capacity (for overloads). */
export const compactAssetKeys = ['id', 'name', 'type', 'supplier', 'vendor', 'model', 'software', 'carrier', 'network', 'location', 'managedBy', 'site', 'attributes', 'capacity'] as const;
export type CompactAsset = Pick<RegisterAsset, (typeof compactAssetKeys)[number]>;
export type CompactReq = [0, number] | [1, string] | [2, number[]] | [3, number[], number, string?] | [4, number, number[], number, string?];
export type CompactSite = [string, string, string, string | null, number, number, number, number, number];

/** The compact graph of a register. */
export function compactGraph(register: Register): CompactGraph {
  const graph = buildGraph(register);
  const places = assetPlacesOf(register);
  const reqIndex = new Map<Req, number>();
  const reqs: CompactReq[] = [];
  const add = (r: Req): number => {
    const known = reqIndex.get(r);
    if (known !== undefined) return known;
    let node: CompactReq;
    switch (r.kind) {
      case 'asset':
        node = [0, r.a];
        break;
      case 'never':
        node = [1, r.what];
        break;
      case 'all':
        node = [2, r.members.map(add)];
        break;
      case 'any':
        node = r.name !== undefined ? [3, r.members.map(add), r.id, r.name] : [3, r.members.map(add), r.id];
        break;
      case 'atLeast':
        node = r.name !== undefined ? [4, r.k, r.members.map(add), r.id, r.name] : [4, r.k, r.members.map(add), r.id];
        break;
    }
    const i = reqs.length;
    reqs.push(node);
    reqIndex.set(r, i);
    return i;
  };
  const assetNeeds = graph.assetNeeds.map((needs) => needs.map(add));
  const services = graph.services;
  const serviceIndex = new Map(services.map((s, i) => [s, i]));
  const routes = graph.routes.map((r): [number, number, number[]] => [r.site, serviceIndex.get(r.service)!, r.needs.map(add)]);

  const interned = <T>(table: T[]) => {
    const index = new Map<string, number>();
    return (value: T): number => {
      const key = JSON.stringify(value);
      let i = index.get(key);
      if (i === undefined) index.set(key, (i = table.push(value) - 1));
      return i;
    };
  };
  const demands: Record<string, number>[] = [];
  const demandOf = interned(demands);
  const placeSets: CompactGraph['placeSets'] = [];
  const placeSetOf = interned(placeSets);
  const valuesOfSite = (site: string) => {
    // AssetPlaces answers per asset: ask it as for an asset located at the site.
    const probe = { location: site } as RegisterAsset;
    const out: Partial<Record<PlaceTier, string[]>> = {};
    for (const tier of placeTiers) {
      const v = places.valuesAt(probe, tier);
      if (v.length) out[tier] = [...v];
    }
    return out;
  };
  const sites = graph.sites.map((s): CompactSite => [s.id, s.name, s.type, s.pcn ?? null, s.icb ?? -1, s.region ?? -1, s.patients, demandOf(s.demand), placeSetOf(valuesOfSite(s.id))]);
  const otherPlaces = Object.create(null) as Record<string, number>;
  for (const a of graph.assets)
    for (const site of [a.site, a.location])
      if (site !== undefined && !graph.siteIndex.has(site) && !Object.hasOwn(otherPlaces, site)) {
        const v = valuesOfSite(site);
        if (Object.keys(v).length) otherPlaces[site] = placeSetOf(v);
      }

  const assets = graph.assets.map((a): CompactAsset => {
    const out: Record<string, unknown> = {};
    for (const key of compactAssetKeys) if (a[key] !== undefined) out[key] = a[key];
    return out as CompactAsset;
  });
  const scenarios = register.scenarios.map((s) => {
    const specs: FailureSpec[] = (s.assets ?? []).map((asset) => ({ asset }));
    if (s.select && Object.keys(s.select).length) specs.push({ selector: s.select, text: selectorText(s.select) });
    return { id: s.id, title: s.title, specs };
  });
  const pcnNames = Object.create(null) as Record<string, string>;
  const pcns = new Set(graph.sites.map((s) => s.pcn).filter((p) => p !== undefined));
  for (const o of register.organisations) if (pcns.has(o.id) && !Object.hasOwn(pcnNames, o.id)) pcnNames[o.id] = o.name;
  return { v: 1, assets, reqs, assetNeeds, sites, demands, placeSets, otherPlaces, routes, services, places: graph.places, pcnNames, groups: graph.groups.length, scenarios };
}

/** The graph, places and baseline a compact graph stands for: what `whatIfOn` needs. */
export interface CompactEvaluation {
  graph: DependencyGraph;
  places: AssetPlaces;
  base: FailureBaseline;
}

/** Rebuild the graph of a compact graph (and its failure baseline, computed once). */
export function graphOfCompact(c: CompactGraph): CompactEvaluation {
  const assets = c.assets as RegisterAsset[];
  const assetIndex = new Map<string, number>();
  assets.forEach((a, i) => assetIndex.set(a.id, i));
  const groups: DependencyGraph['groups'] = new Array(c.groups);
  const reqs: Req[] = [];
  for (const node of c.reqs) {
    let r: Req;
    switch (node[0]) {
      case 0:
        r = { kind: 'asset', a: node[1] };
        break;
      case 1:
        r = { kind: 'never', what: node[1] };
        break;
      case 2:
        r = { kind: 'all', members: node[1].map((m) => reqs[m]!) };
        break;
      case 3: {
        const g = { kind: 'any' as const, members: node[1].map((m) => reqs[m]!), ...(node[3] !== undefined ? { name: node[3] } : {}), id: node[2] };
        groups[g.id] = g;
        r = g;
        break;
      }
      case 4: {
        const g = { kind: 'atLeast' as const, k: node[1], members: node[2].map((m) => reqs[m]!), ...(node[4] !== undefined ? { name: node[4] } : {}), id: node[3] };
        groups[g.id] = g;
        r = g;
        break;
      }
    }
    reqs.push(r);
  }
  const siteIndex = new Map<string, number>();
  const sitePlaces = new Map<string, number>(Object.entries(c.otherPlaces));
  const sites = c.sites.map(([id, name, type, pcn, icb, region, patients, demand, placeSet], i): GraphSite => {
    siteIndex.set(id, i);
    sitePlaces.set(id, placeSet);
    return {
      id,
      name,
      type,
      ...(pcn !== null ? { pcn } : {}),
      ...(icb >= 0 ? { icb } : {}),
      ...(region >= 0 ? { region } : {}),
      patients,
      demand: { ...c.demands[demand]! },
    };
  });
  const graph: DependencyGraph = {
    assets,
    assetIndex,
    assetNeeds: c.assetNeeds.map((needs) => needs.map((n) => reqs[n]!)),
    sites,
    siteIndex,
    routes: c.routes.map(([site, service, needs]) => ({ site, service: c.services[service]!, needs: needs.map((n) => reqs[n]!) })),
    groups,
    services: c.services,
    places: c.places,
  };
  const none: readonly string[] = [];
  const places: AssetPlaces = {
    valuesAt(asset, tier) {
      const site = asset.site ?? asset.location;
      const set = site !== undefined ? sitePlaces.get(site) : undefined;
      return (set !== undefined ? c.placeSets[set]![tier] : undefined) ?? none;
    },
  };
  return { graph, places, base: failureBaseline(graph) };
}

/** A what-if on a compact graph: the same answer as `whatIf` on the register it came from. */
export function whatIfCompact(e: CompactEvaluation, specs: readonly FailureSpec[]): WhatIf {
  return whatIfOn(e.graph, e.base, specs, e.places);
}

export type { Selector };
