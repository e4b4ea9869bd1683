/**
 * What every page view reads: the analysis context, the analysis, the relations and the links.
 * Built once per report; the views are pure functions of it.
 */
import type { Analysis } from '../../analysis/analyse.js';
import type { AnalysisContext } from '../../analysis/context.js';
import { reachOf, type Reach } from '../../analysis/reach.js';
import { routesCutBy } from '../../analysis/what-if.js';
import { byId, findingSlug, refOf, slugIndex } from '../refs.js';
import { relations, type Relations } from '../relations.js';
import { LISTED, PLACES_LISTED, type ReachView, type Ref } from '../report-data.js';
import { sectionSlugs, type SectionSlugs } from '../section-slugs.js';

type Named = { id: string; name?: string; title?: string };

/** Links to records by id; an id with no record still gets a ref (the site does not link it). */
export interface Links {
  organisation(id: string): Ref;
  service(id: string): Ref;
  asset(id: string): Ref;
  site(id: string): Ref;
  hazard(id: string): Ref;
  control(id: string): Ref;
  incident(id: string): Ref;
}

export interface ReportContext {
  ctx: AnalysisContext;
  analysis: Analysis;
  rel: Relations;
  slugs: SectionSlugs;
  links: Links;
  /** The anchor of each finding on the findings page. */
  findingSlugs: ReadonlyMap<string, string>;
  /** A reach as pages show it: figures in full, sites by name up to LISTED. */
  reach(r: Reach): ReachView;
  /** What these assets (graph indices, sorted) failing together cut, as pages show it. */
  failureReach(failed: readonly number[]): ReachView;
}

function linker(records: readonly Named[], section: ReadonlyMap<string, string>): (id: string) => Ref {
  const byKey = new Map(records.map((r) => [r.id, r] as const));
  return memo((id) => refOf(byKey.get(id) ?? { id }, section));
}

/**
 * One Ref object per id, shared by every view that links it. At 6,500 practices the views link
 * records about a million times; a fresh object each time was a large part of the report's heap.
 * Refs are never changed after they are made (views copy one to rename it).
 */
function memo(make: (id: string) => Ref): (id: string) => Ref {
  const made = new Map<string, Ref>();
  return (id) => {
    let ref = made.get(id);
    if (!ref) made.set(id, (ref = make(id)));
    return ref;
  };
}

export function reportContext(ctx: AnalysisContext, analysis: Analysis): ReportContext {
  const { register, graph } = ctx;
  // Every link carries the slug of its record's page, computed once here.
  const slugs = sectionSlugs(register, graph);
  const links: Links = {
    organisation: linker(register.organisations, slugs.organisations),
    service: linker(register.services, slugs.services),
    // Assets and sites are looked up through the graph's own index, as the analysis does.
    asset: memo((id) => refOf(graph.assets[graph.assetIndex.get(id) ?? -1] ?? { id }, slugs.assets)),
    site: memo((id) => refOf(graph.sites[graph.siteIndex.get(id) ?? -1] ?? { id }, slugs.sites)),
    hazard: linker(register.hazards, slugs.hazards),
    control: linker(register.controls, slugs.controls),
    incident: linker(register.incidents, slugs.incidents),
  };
  const reach = (r: Reach): ReachView => ({
    pairs: r.pairs,
    patients: r.patients,
    practices: r.practices,
    sites: r.sites.length,
    pcns: r.pcns.length,
    services: r.services.map(links.service),
    byService: r.byService.map((b) => ({ ...b, service: links.service(b.service) })),
    siteRefs: r.sites.slice(0, LISTED).map(links.site),
    moreSites: Math.max(0, r.sites.length - LISTED),
    // By name, largest first: at national scale, which regions and ICBs is the question.
    byRegion: r.byRegion.slice(0, PLACES_LISTED).map((p) => ({ place: { ...links.organisation(p.id), name: p.name }, sites: p.sites, patients: p.patients })),
    moreRegions: Math.max(0, r.byRegion.length - PLACES_LISTED),
    byIcb: r.byIcb.slice(0, PLACES_LISTED).map((p) => ({ place: { ...links.organisation(p.id), name: p.name }, sites: p.sites, patients: p.patients })),
    moreIcbs: Math.max(0, r.byIcb.length - PLACES_LISTED),
  });
  // Hazards and suppliers often fail the same set of assets (a hazard per service over one
  // cause; the synthetic national register repeats each cause for every PCN): one what-if per
  // distinct set, not per record. It was two thirds of the report's build time at 6,500 practices.
  const reachOfSet = new Map<string, ReachView>();
  const failureReach = (failed: readonly number[]): ReachView => {
    const key = failed.join(',');
    let view = reachOfSet.get(key);
    if (!view) {
      view = reach(reachOf(graph, routesCutBy(graph, ctx.index, failed, ctx.baseline)));
      reachOfSet.set(key, view);
    }
    return view;
  };
  return {
    ctx,
    analysis,
    failureReach,
    rel: relations(register, graph, analysis.findings),
    slugs,
    links,
    findingSlugs: slugIndex(analysis.findings.map((f) => f.id), findingSlug),
    reach,
  };
}

/** Refs to ids, sorted by id. */
export function sortedRefs(ids: readonly string[], link: (id: string) => Ref): Ref[] {
  return ids.map(link).sort(byId);
}

/** The first LISTED hazards of a list, and how many more. */
export function listedHazards(rc: ReportContext, ids: readonly string[]): { hazards: Ref[]; moreHazards: number; hazardCount: number } {
  return { hazards: ids.slice(0, LISTED).map(rc.links.hazard), moreHazards: Math.max(0, ids.length - LISTED), hazardCount: ids.length };
}
