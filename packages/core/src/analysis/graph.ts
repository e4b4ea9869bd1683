import type { Need, Register, RegisterAsset, Route } from '../model/register.js';
import { placesOf } from './places.js';

/**
 * The register's dependency graph compiled for analysis: assets and routes by integer index,
 * requirement trees with ids replaced by indices. Shared subtrees stay shared (profile routes
 * are shared by every site on the profile), so the graph is as small as the register.
 */
export type Req =
  | { kind: 'asset'; a: number }
  /** An id that names no asset, or an unbound `$name`: never works. */
  | { kind: 'never'; what: string }
  | { kind: 'all'; members: Req[] }
  | { kind: 'any'; members: Req[]; name?: string; id: number }
  | { kind: 'atLeast'; k: number; members: Req[]; name?: string; id: number };

export interface GraphSite {
  id: string;
  name: string;
  type: string;
  pcn?: string;
  /** The ICB and region the site resolves to (see `placesOf`): indices into `graph.places`. */
  icb?: number;
  region?: number;
  patients: number;
  demand: Record<string, number>;
}

/** A place organisation a reach is counted by. */
export interface GraphPlace {
  id: string;
  name: string;
}

export interface GraphRoute {
  site: number;
  service: string;
  needs: Req[];
}

export interface DependencyGraph {
  assets: RegisterAsset[];
  assetIndex: Map<string, number>;
  assetNeeds: Req[][];
  sites: GraphSite[];
  siteIndex: Map<string, number>;
  routes: GraphRoute[];
  /** Redundancy groups (anyOf / atLeast) by id, for findings. */
  groups: (Req & { kind: 'any' | 'atLeast' })[];
  services: string[];
  /** The ICBs and regions sites resolve to, indexed by `GraphSite.icb` and `.region`. */
  places: GraphPlace[];
}

export function buildGraph(register: Register): DependencyGraph {
  const assets: RegisterAsset[] = [];
  const assetIndex = new Map<string, number>();
  for (const a of register.assets) {
    if (assetIndex.has(a.id)) continue; // a duplicate id: the first declaration counts
    assetIndex.set(a.id, assets.length);
    assets.push(a);
  }
  const groups: DependencyGraph['groups'] = [];
  const compiled = new WeakMap<Need, Req>();
  const compile = (n: Need): Req => {
    const known = compiled.get(n);
    if (known) return known;
    let r: Req;
    switch (n.kind) {
      case 'asset': {
        const a = assetIndex.get(n.id);
        r = a === undefined ? { kind: 'never', what: n.id } : { kind: 'asset', a };
        break;
      }
      case 'unbound':
        r = { kind: 'never', what: `$${n.name}` };
        break;
      case 'all':
        r = { kind: 'all', members: n.members.map(compile) };
        break;
      case 'any': {
        const g = { kind: 'any' as const, members: n.members.map(compile), ...(n.name ? { name: n.name } : {}), id: groups.length };
        groups.push(g);
        r = g;
        break;
      }
      case 'atLeast': {
        const g = { kind: 'atLeast' as const, k: n.k, members: n.members.map(compile), ...(n.name ? { name: n.name } : {}), id: groups.length };
        groups.push(g);
        r = g;
        break;
      }
    }
    compiled.set(n, r);
    return r;
  };
  const assetNeeds = assets.map((a) => a.requires.map(compile));

  const profileDemand = new Map(register.profiles.map((p) => [p.id, p.demand ?? {}] as const));
  const sites: GraphSite[] = [];
  const siteIndex = new Map<string, number>();
  const sitePlaces = placesOf(register).sites;
  const orgName = new Map<string, string>();
  for (const o of register.organisations) if (!orgName.has(o.id)) orgName.set(o.id, o.name);
  const places: GraphPlace[] = [];
  const placeIndex = new Map<string, number>();
  const placeAt = (id: string): number => {
    let i = placeIndex.get(id);
    if (i === undefined) {
      placeIndex.set(id, (i = places.length));
      places.push({ id, name: orgName.get(id) ?? id });
    }
    return i;
  };
  for (const s of register.sites) {
    if (siteIndex.has(s.id)) continue;
    siteIndex.set(s.id, sites.length);
    const at = sitePlaces.get(s.id);
    sites.push({
      id: s.id,
      name: s.name,
      type: s.type,
      ...(s.pcn ? { pcn: s.pcn } : {}),
      ...(at?.icb !== undefined ? { icb: placeAt(at.icb) } : {}),
      ...(at?.region !== undefined ? { region: placeAt(at.region) } : {}),
      patients: s.listSize ?? 0,
      demand: { ...(s.profile ? profileDemand.get(s.profile) ?? {} : {}), ...(s.demand ?? {}) },
    });
  }
  const routes: GraphRoute[] = [];
  const services = new Set<string>();
  for (const r of register.routes as Route[]) {
    const site = siteIndex.get(r.site);
    if (site === undefined) continue;
    routes.push({ site, service: r.service, needs: r.requires.map(compile) });
    services.add(r.service);
  }
  return { assets, assetIndex, assetNeeds, sites, siteIndex, routes, groups, services: [...services].sort(), places };
}
