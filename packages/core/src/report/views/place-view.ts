/**
 * The pages of places: one per NHS England region and one per ICB that has sites. Each shows the
 * place's figures, the same status panel as the overview scoped to it, the findings and capacity
 * shortfalls that reach it, and its PCNs (an ICB) or ICBs (a region).
 *
 * Built for 49 places on a national register: which findings and scenarios reach a place is read
 * in one pass from their reach by ICB and region (computed by the analysis already), and which
 * hazards concern it and which assets serve it in one pass over the routes (`placeConcerns`, the
 * rules of `reportScope` for every place at once).
 */
import { findingKinds } from '../../analysis/finding.js';
import { placesOf, type PlaceTier } from '../../analysis/places.js';
import type { Reach } from '../../analysis/reach.js';
import { byId, refOf } from '../refs.js';
import type { CapacityView, FindingView, PcnView, Ref, ReportData } from '../report-data.js';
import { placeConcerns } from './place-concerns.js';
import type { OverviewLevel } from '../graphs.js';
import type { ReportContext } from './report-context.js';
import { statusPanelView, UNCOVERED_KINDS, type StatusPanel } from './status-panel-view.js';

/** A place page lists this many findings, in ranking order; the findings page has the rest. */
export const PLACE_FINDINGS_LISTED = 20;

/** A place's figures: a row of the overview's table, and of a region's list of its ICBs. */
export interface PlaceRow extends Ref {
  tier: 'region' | 'icb';
  ods?: string;
  sites: number;
  practices: number;
  patients: number;
  /** Findings that reach the place, by kind, in the kinds' order: every kind the register's findings have, zeros included, so rows line up. */
  findingsByKind: { kind: string; label: string; count: number }[];
  findings: number;
  /** Failure points and common causes reaching the place that no hazard names, or names for some sites only. */
  uncovered: number;
  /** Capacity-limited assets serving the place that are over their limit at peak or after one failure. */
  shortfalls: number;
}

export interface PlaceFinding {
  id: string;
  slug: string;
  rank: number;
  title: string;
  kindLabel: string;
  colour: string;
  coverage?: string;
  /** Sites and patients of the place it reaches; absent for a finding made of many sites' own assets. */
  here?: { sites: number; patients: number };
}

export interface PlaceView extends PlaceRow {
  /** An ICB's region. */
  parent?: Ref;
  /** An ICB's PCNs, by name. */
  pcns: (Ref & { practices: number; patients: number })[];
  /** A region's ICBs, by name, with their figures. */
  icbs: PlaceRow[];
  /** The overview's status panel, counted for the place. */
  status: StatusPanel;
  /** The first PLACE_FINDINGS_LISTED findings reaching the place, in the analysis's ranking order. */
  topFindings: PlaceFinding[];
  /** Capacity-limited assets serving the place over their limit at peak or after one failure, worst first. */
  capacityShortfalls: { asset: Ref; status: string; statusLabel: string; statusText: string }[];
}

type Pages = Pick<ReportData, 'hazards' | 'capacity' | 'findings' | 'scenarios' | 'overdueReviews' | 'expiredEvidence' | 'controls' | 'pcns'>;

const byName = <T extends { id: string; name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : byId(a, b));

/** The regions and ICBs that have sites, by name. */
export function placeViews(rc: ReportContext, pages: Pages): { regions: PlaceView[]; icbs: PlaceView[] } {
  const { register, graph } = rc.ctx;
  const places = placesOf(register);
  const orgs = new Map(register.organisations.map((o) => [o.id, o] as const));

  // Sites of each region and ICB, from the resolved places.
  const sitesOf = new Map<string, Set<string>>();
  for (const [site, at] of places.sites)
    for (const tier of ['icb', 'region'] as const) {
      const id = at[tier];
      if (id === undefined) continue;
      let set = sitesOf.get(id);
      if (!set) sitesOf.set(id, (set = new Set()));
      set.add(site);
    }
  const ofTier = (tier: PlaceTier) => [...sitesOf.keys()].filter((id) => places.organisations.get(id)?.[tier] === id && orgs.has(id));
  const regionIds = ofTier('region');
  const icbIds = ofTier('icb');
  if (regionIds.length === 0 && icbIds.length === 0) return { regions: [], icbs: [] };

  // One pass: the places each finding and scenario reaches.
  const reached = (r: Reach, into: Set<string>) => {
    for (const p of r.byIcb) into.add(p.id);
    for (const p of r.byRegion) into.add(p.id);
  };
  const here = new Map<string, Map<string, { sites: number; patients: number }>>();
  const findingPlaces = rc.analysis.findings.map((f) => {
    const into = new Set<string>();
    if (f.id.startsWith('failure-point:local:')) {
      // Each practice's own asset of one kind: the finding reaches every place one of them is in.
      for (const id of f.assets) {
        const site = graph.assets[graph.assetIndex.get(id) ?? -1]?.site;
        const at = site !== undefined ? places.sites.get(site) : undefined;
        if (at?.icb !== undefined) into.add(at.icb);
        if (at?.region !== undefined) into.add(at.region);
      }
    } else {
      reached(f.reach, into);
      const m = new Map<string, { sites: number; patients: number }>();
      for (const p of [...f.reach.byIcb, ...f.reach.byRegion]) m.set(p.id, { sites: p.sites, patients: p.patients });
      here.set(f.id, m);
    }
    return into;
  });
  const scenarioPlaces = new Map(
    rc.analysis.scenarios.map((s) => {
      const into = new Set<string>();
      reached(s.reach, into);
      reached(s.degradedReach, into);
      return [s.id, into] as const;
    }),
  );
  const findingIndex = new Map(pages.findings.map((f, i) => [f.id, i] as const));
  const hazardById = new Map(register.hazards.map((h) => [h.id, h] as const));
  const kindsPresent = findingKinds.filter((k) => pages.findings.some((f) => f.kind === k));
  const kindLabel = new Map(pages.findings.map((f) => [f.kind, f.kindLabel] as const));
  const uncoveredKinds = new Set<string>(UNCOVERED_KINDS);
  const pcnOf = new Map<string, PcnView>(pages.pcns.map((p) => [p.id, p] as const));

  const concerns = placeConcerns(rc.ctx, new Map([...regionIds, ...icbIds].map((id) => [id, sitesOf.get(id)!] as const)));
  const view = (id: string, tier: 'region' | 'icb'): PlaceView => {
    const org = orgs.get(id)!;
    const siteIds = sitesOf.get(id)!;
    const lens = concerns.get(id)!;

    let practices = 0;
    let patients = 0;
    for (const s of siteIds) {
      const site = graph.sites[graph.siteIndex.get(s) ?? -1];
      if (site?.type === 'practice') {
        practices++;
        patients += site.patients;
      }
    }

    const findings: FindingView[] = [];
    rc.analysis.findings.forEach((f, i) => {
      if (findingPlaces[i]!.has(id)) findings.push(pages.findings[findingIndex.get(f.id)!]!);
    });
    const hazards = pages.hazards.filter((h) => lens.hazard(hazardById.get(h.id)!));
    const hazardIds = new Set(hazards.map((h) => h.id));
    const controls = pages.controls.filter((c) => c.hazards.some((h) => hazardIds.has(h.id)));
    const controlIds = new Set(controls.map((c) => c.id));
    const capacity = pages.capacity.assets.filter((c) => lens.asset(c.asset.id));
    const status = statusPanelView({
      hazards,
      capacity: { warningAt: pages.capacity.warningAt, assets: capacity },
      findings,
      scenarios: pages.scenarios.filter((s) => scenarioPlaces.get(s.id)?.has(id)),
      overdueReviews: pages.overdueReviews.filter((r) => hazardIds.has(r.hazard.id)),
      expiredEvidence: pages.expiredEvidence.filter((e) => controlIds.has(e.control.id)),
      controls,
    });
    const shortfalls = capacity.filter(isShortfall);

    const pcnIds = new Set<string>();
    for (const s of siteIds) {
      const pcn = places.sites.get(s)?.pcn;
      if (pcn !== undefined) pcnIds.add(pcn);
    }
    const pcns = tier === 'icb' ? pcnRows([...pcnIds], pcnOf) : [];
    const parentId = tier === 'icb' ? places.organisations.get(id)?.region : undefined;

    return {
      ...refOf(org, rc.slugs.organisations),
      tier,
      ...(org.ods !== undefined ? { ods: org.ods } : {}),
      sites: siteIds.size,
      practices,
      patients,
      findingsByKind: kindsPresent.map((kind) => ({ kind, label: kindLabel.get(kind)!, count: findings.filter((f) => f.kind === kind).length })),
      findings: findings.length,
      uncovered: findings.filter((f) => uncoveredKinds.has(f.kind) && (f.coverage === 'gap' || f.coverage === 'partial')).length,
      shortfalls: shortfalls.length,
      ...(parentId !== undefined && orgs.has(parentId) ? { parent: refOf(orgs.get(parentId)!, rc.slugs.organisations) } : {}),
      pcns,
      icbs: [],
      status,
      topFindings: findings.slice(0, PLACE_FINDINGS_LISTED).map((f) => {
        const at = here.get(f.id)?.get(id);
        return { id: f.id, slug: f.slug, rank: f.rank, title: f.title, kindLabel: f.kindLabel, colour: f.colour, ...(f.coverage ? { coverage: f.coverage } : {}), ...(at ? { here: at } : {}) };
      }),
      capacityShortfalls: shortfalls.map((c) => ({ asset: c.asset, status: c.status, statusLabel: c.statusLabel, statusText: c.statusText })),
    };
  };

  const icbs = icbIds.map((id) => view(id, 'icb')).sort(byName);
  const regions = regionIds.map((id) => view(id, 'region')).sort(byName);
  for (const r of regions) r.icbs = icbs.filter((i) => i.parent?.id === r.id).map(rowOf);
  return { regions, icbs };
}

function isShortfall(c: CapacityView): boolean {
  return c.status === 'over' || c.status === 'n-1-shortfall';
}

/** The figures of a place, without its lists. */
export function rowOf(p: PlaceView): PlaceRow {
  const { parent: _p, pcns: _c, icbs: _i, status: _s, topFindings: _f, capacityShortfalls: _k, ...row } = p;
  return row;
}

function pcnRows(ids: string[], pcnOf: ReadonlyMap<string, PcnView>): PlaceView['pcns'] {
  return ids
    .map((id) => pcnOf.get(id))
    .filter((p): p is PcnView => p !== undefined)
    .map((p) => ({
      id: p.id,
      slug: p.slug,
      name: p.name,
      practices: p.sites.filter((s) => s.type === 'practice').length,
      patients: p.patients,
    }))
    .sort(byName);
}

/**
 * The overview diagram's roll-ups above PCNs: the sites of each ICB, then of each region (indices
 * into the graph's sites), each group linking to its place's page when it has one.
 */
export function placeLevels(ctx: ReportContext['ctx'], icbs: readonly Ref[], regions: readonly Ref[], scope?: { site(id: string): boolean }): OverviewLevel[] {
  const { register, graph } = ctx;
  const places = placesOf(register);
  const orgs = new Map(register.organisations.map((o) => [o.id, o] as const));
  const level = (tier: 'icb' | 'region', pages: readonly Ref[], noun: string): OverviewLevel => {
    const slugOf = new Map(pages.map((p) => [p.id, p.slug] as const));
    const sites = new Map<string, number[]>();
    graph.sites.forEach((s, i) => {
      const id = places.sites.get(s.id)?.[tier];
      if (id === undefined || (scope && !scope.site(s.id))) return;
      let list = sites.get(id);
      if (!list) sites.set(id, (list = []));
      list.push(i);
    });
    const groups = [...sites].map(([id, list]) => {
      const slug = slugOf.get(id);
      return { id, name: orgs.get(id)?.name ?? id, sites: list, ...(slug !== undefined ? { slug, section: tier === 'icb' ? ('icbs' as const) : ('regions' as const) } : {}) };
    });
    return { noun, groups: groups.sort(byName) };
  };
  return [level('icb', icbs, 'ICBs'), level('region', regions, 'regions')].filter((l) => l.groups.length > 0);
}
