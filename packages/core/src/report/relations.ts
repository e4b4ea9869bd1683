/**
 * Every relation the report pages follow, forward and inverse, indexed once and named in pairs.
 * A view reads a relation here instead of rebuilding its inverse: "which hazards name this
 * control" is the same answer on the hazard page, the control's row and the safety case.
 *
 * Ids are kept in the order the register gives them (or ascending asset index); views sort
 * what they show.
 */
import type { Finding } from '../analysis/finding.js';
import type { DependencyGraph, Req } from '../analysis/graph.js';
import type { Register } from '../model/register.js';

export interface Relations {
  /** Asset (by index) → the assets its requirements name directly, in first-named order. */
  needs: number[][];
  /** Asset (by index) → the assets that need it directly, ascending. Inverse of `needs`. */
  neededBy: number[][];
  /** Hazard id → its controls, existing then additional, each once. */
  controlsOfHazard: ReadonlyMap<string, readonly string[]>;
  /** Control id → the hazards that name it, in register order. Inverse of `controlsOfHazard`. */
  hazardsOfControl: ReadonlyMap<string, readonly string[]>;
  /**
   * Incident id → the assets, sites and hazards it concerns, each once. The sites are those it
   * names and those whose own assets it names (`Y90104/firewall` concerns Y90104).
   */
  assetsOfIncident: ReadonlyMap<string, readonly string[]>;
  sitesOfIncident: ReadonlyMap<string, readonly string[]>;
  hazardsOfIncident: ReadonlyMap<string, readonly string[]>;
  /** Asset, site and hazard id → the incidents that concern it, in register order. Inverses of the three above. */
  incidentsOfAsset: ReadonlyMap<string, readonly string[]>;
  incidentsOfSite: ReadonlyMap<string, readonly string[]>;
  incidentsOfHazard: ReadonlyMap<string, readonly string[]>;
  /** Finding id → the assets it names. */
  assetsOfFinding: ReadonlyMap<string, readonly string[]>;
  /** Asset id → the findings that name it, in the analysis's order. Inverse of `assetsOfFinding`. */
  findingsOfAsset: ReadonlyMap<string, readonly Finding[]>;
  /** Site (by index) → its PCN's id, when it has one. */
  pcnOfSite: (string | undefined)[];
  /** PCN id → its sites (by index), ascending. Inverse of `pcnOfSite`. */
  sitesOfPcn: ReadonlyMap<string, readonly number[]>;
  /** Site (by index) → its routes (by index), ascending. */
  routesOfSite: number[][];
}

/** The keys of a forward relation, each listed against every value it names. */
function invert<V>(forward: Iterable<readonly [V, readonly string[]]>): Map<string, V[]> {
  const inverse = new Map<string, V[]>();
  for (const [from, tos] of forward)
    for (const to of tos) {
      const list = inverse.get(to);
      if (list) list.push(from);
      else inverse.set(to, [from]);
    }
  return inverse;
}

/** The assets a requirement names directly (not through their own needs), each once, in order. */
export function assetsIn(r: Req, into: Set<number> = new Set()): Set<number> {
  if (r.kind === 'asset') into.add(r.a);
  else if (r.kind !== 'never') for (const m of r.members) assetsIn(m, into);
  return into;
}

export function relations(register: Register, graph: DependencyGraph, findings: readonly Finding[]): Relations {
  const needs = graph.assetNeeds.map((reqs) => {
    const direct = new Set<number>();
    for (const r of reqs) assetsIn(r, direct);
    return [...direct];
  });
  const neededBy: number[][] = graph.assets.map(() => []);
  needs.forEach((direct, a) => direct.forEach((b) => neededBy[b]!.push(a)));

  const controlsOfHazard = new Map(register.hazards.map((h) => [h.id, [...new Set([...(h.existingControls ?? []), ...(h.additionalControls ?? [])])]] as const));
  // Each once: an incident that names a site twice is still one incident of that site.
  const assetsOfIncident = new Map(register.incidents.map((i) => [i.id, [...new Set(i.assets ?? [])]] as const));
  // A site's own asset belongs to one site, so an incident naming it concerns that site. A shared
  // asset (a concentrator, a clinical system) is not followed to the sites it serves: the register
  // records which sites an incident touched in `sites:`, and a shared asset's trouble may reach
  // some of its sites, all of them or none (a concentrator saturated only at the peak). Listing
  // every served site would assert an effect nobody recorded, and at national size would put one
  // incident on thousands of practice pages. The shared asset's own page lists the incident, and
  // its blast radius is shown there.
  const siteOfAsset = new Map(graph.assets.flatMap((a) => (a.site === undefined ? [] : [[a.id, a.site] as const])));
  const sitesOfIncident = new Map(
    register.incidents.map((i) => [i.id, [...new Set([...(i.sites ?? []), ...(i.assets ?? []).flatMap((a) => siteOfAsset.get(a) ?? [])])]] as const),
  );
  const hazardsOfIncident = new Map(register.incidents.map((i) => [i.id, [...new Set(i.hazards ?? [])]] as const));
  const assetsOfFinding = new Map(findings.map((f) => [f.id, f.assets] as const));

  const pcnOfSite = graph.sites.map((s) => s.pcn);
  const sitesOfPcn = invert(pcnOfSite.map((pcn, i) => [i, pcn === undefined ? [] : [pcn]] as const));
  const routesOfSite: number[][] = graph.sites.map(() => []);
  graph.routes.forEach((r, i) => routesOfSite[r.site]!.push(i));

  return {
    needs,
    neededBy,
    controlsOfHazard,
    hazardsOfControl: invert(controlsOfHazard),
    assetsOfIncident,
    sitesOfIncident,
    hazardsOfIncident,
    incidentsOfAsset: invert(assetsOfIncident),
    incidentsOfSite: invert(sitesOfIncident),
    incidentsOfHazard: invert(hazardsOfIncident),
    assetsOfFinding,
    findingsOfAsset: invert(findings.map((f) => [f, f.assets] as const)),
    pcnOfSite,
    sitesOfPcn,
    routesOfSite,
  };
}
