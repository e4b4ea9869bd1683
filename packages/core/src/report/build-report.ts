/**
 * The report data: one pure view per page kind (`views/`), assembled here. Each view reads the
 * register, the analysis and the relations through one `ReportContext`.
 */
import { analyseContext, type Analysis } from '../analysis/analyse.js';
import { analysisContext, type AnalysisContext } from '../analysis/context.js';
import type { Register } from '../model/register.js';
import { isEvidenceExpired, latestExpiry } from '../rules/expired-evidence.js';
import { overviewGraph } from './graphs.js';
import { byId, refOf } from './refs.js';
import type { ReportData } from './report-data.js';
import { scopeAnalysis, type Scope } from '../analysis/scope.js';
import { reportScope, type ReportScope } from './scope-report.js';
import { failurePointAssets, assetViews } from './views/asset-view.js';
import { capacityViews, capacityWarningOf } from './views/capacity-view.js';
import { acceptanceViews, controlView } from './views/control-view.js';
import { faultGridView } from './views/fault-grid-view.js';
import { findingViews } from './views/finding-view.js';
import { hazardViews } from './views/hazard-view.js';
import { incidentViews } from './views/incident-view.js';
import { matrixView, riskProfile } from './views/matrix-view.js';
import { countsView, metaView } from './views/meta-view.js';
import { documentControlView, type ChangesSinceApproval, type DocumentControlView } from './views/document-control-view.js';
import { pcnViews, supplierViews } from './views/organisation-views.js';
import { placeLevels, placeViews } from './views/place-view.js';
import { reportContext } from './views/report-context.js';
import { scenarioViews } from './views/scenario-view.js';
import { serviceViews } from './views/service-view.js';
import { siteViews } from './views/site-view.js';
import { summaryView } from './views/summary-view.js';
import { namesFirst } from '../words/names-first.js';
import { registerNames } from '../words/register-names.js';

const emptyGraph: ReportData['overviewGraph'] = { nodes: [], edges: [], truncated: false };

export interface ReportOptions {
  asOf: string;
  /** Name and version of the tool, shown in the report (never a build time). */
  tool: string;
  /** The place the site is of (`crr build --scope`): its records only, and the analysis as seen from it. */
  scope?: Scope;
  /** What changed since the approved content, as the CLI read it from git (document control). */
  changesSinceApproval?: ChangesSinceApproval;
}

/** The report: register + analysis as plain JSON for the site. Also returns the analysis. */
export function buildReport(register: Register, options: ReportOptions): { report: ReportData; analysis: Analysis } {
  const ctx = analysisContext(register, options.asOf);
  const whole = analyseContext(ctx);
  // The analysis runs on the whole register; a scope restricts what the site shows.
  const analysis = options.scope ? scopeAnalysis(ctx, whole, options.scope) : whole;
  return { report: assemble(ctx, analysis, options, options.scope ? reportScope(ctx, options.scope) : undefined), analysis };
}

function assemble(ctx: AnalysisContext, analysis: Analysis, options: ReportOptions, scope?: ReportScope): ReportData {
  const rc = reportContext(ctx, reportWords(ctx.register, analysis));
  const { register, graph, index, asOf } = ctx;
  // The matrices list a cell's hazards in register order, as the author wrote them; every other list is by id.
  const hazardById = new Map(register.hazards.map((h) => [h.id, h] as const));
  const inRegisterOrder = scope ? hazardViews(rc).filter((h) => scope.hazard(hazardById.get(h.id)!)) : hazardViews(rc);
  const hazards = [...inRegisterOrder].sort(byId);
  const allSites = siteViews(rc).sort(byId);
  const sites = scope ? allSites.filter((s) => scope.site(s.id)) : allSites;
  const pcns = scope ? scopedPcns(pcnViews(rc, allSites), scope, graph) : pcnViews(rc, allSites);
  const failurePoints = failurePointAssets(rc);
  const capacity = capacityViews(rc).filter((c) => !scope || scope.asset(c.asset.id));
  const pages: Omit<ReportData, 'summary'> = {
    meta: scope ? scope.meta(metaView(rc, options.tool)) : metaView(rc, options.tool),
    counts: countsView(rc, pcns.length),
    riskProfile: riskProfile(register.scheme, hazards),
    matrices: { initial: matrixView(register.scheme, inRegisterOrder, 'initial'), residual: matrixView(register.scheme, inRegisterOrder, 'residual') },
    hazards,
    controls: register.controls.map((c) => controlView(rc, c)).sort(byId),
    acceptances: acceptanceViews(rc),
    assets: assetViews(rc, new Map(capacity.map((c) => [c.asset.id, c] as const)))
      .filter((a) => !scope || scope.asset(a.id))
      .sort(byId),
    sites,
    pcns: pcns.map(({ indices: _i, ...p }) => p),
    regions: [],
    icbs: [],
    suppliers: supplierViews(rc),
    services: serviceViews(rc),
    incidents: incidentViews(rc),
    findings: findingViews(rc),
    capacity: { warningAt: capacityWarningOf(rc), assets: capacity },
    scenarios: scenarioViews(rc),
    // Overdue only when open or transferred, so a review date is always there.
    overdueReviews: hazards.filter((h) => h.reviewOverdue && h.reviewDue).map((h) => ({ hazard: { id: h.id, slug: h.slug, name: h.name }, due: h.reviewDue! })),
    expiredEvidence: register.controls
      .filter((c) => isEvidenceExpired(c.evidence, asOf))
      .map((c) => ({ control: refOf(c, rc.slugs.controls), expired: latestExpiry(c.evidence)!, hazards: [...(rc.rel.hazardsOfControl.get(c.id) ?? [])].sort().map(rc.links.hazard) }))
      .sort((a, b) => byId(a.control, b.control)),
    faults: { rows: [], counts: { pairs: 0, covered: 0, notApplicable: 0, gaps: 0 } },
    overviewGraph: emptyGraph,
    documentControl: undefined as unknown as DocumentControlView,
  };
  if (scope) Object.assign(pages, scopedPages(pages, analysis));
  // Regions and ICBs, from the (scoped) pages; a place's own site (`--scope`) has that place's page only.
  const places = placeViews(rc, pages);
  const kept = <P extends { id: string }>(list: P[]) => (options.scope ? list.filter((p) => p.id === options.scope!.place.id) : list);
  Object.assign(pages, { regions: kept(places.regions), icbs: kept(places.icbs) });
  // The overview diagram rolls sites up to PCNs, ICBs or regions, whichever fits (graphs.ts).
  const levels = [{ noun: 'PCNs', groups: pcns.map((p) => ({ id: p.id, name: p.name, slug: p.slug, section: 'pcns' as const, sites: p.indices })) }, ...placeLevels(ctx, pages.icbs, pages.regions, scope)];
  // The fault grid and the changes link only the hazards that have a page in this (possibly scoped) site.
  pages.faults = faultGridView(rc, new Set(pages.hazards.map((h) => h.id)));
  pages.documentControl = documentControlView(rc, pages.meta.fingerprint, options.changesSinceApproval, new Set(pages.hazards.map((h) => h.id)));
  pages.overviewGraph = overviewGraph(graph, rc.slugs, levels, index.assetsOfRoute, rc.rel.routesOfSite, new Set([...failurePoints].filter((a) => !graph.assets[a]!.site)));
  return { ...pages, summary: summaryView(pages) };
}

/**
 * The records of a place's site that follow from its hazards (their controls, incidents, reviews
 * and evidence) and its counts, which are the place's.
 */
function scopedPages(pages: Omit<ReportData, 'summary'>, analysis: Analysis): Partial<Omit<ReportData, 'summary'>> {
  const hazards = new Set(pages.hazards.map((h) => h.id));
  const controls = pages.controls.filter((c) => c.hazards.some((h) => hazards.has(h.id)));
  const kept = new Set(controls.map((c) => c.id));
  const sites = new Set(pages.sites.map((x) => x.id));
  const assets = new Set(pages.assets.map((a) => a.id));
  // Lists name only records that have a page in the place's site.
  const incidents = pages.incidents
    .filter((i) => i.hazards.some((h) => hazards.has(h.id)))
    .map((i) => ({ ...i, sites: i.sites.filter((x) => sites.has(x.id)), assets: i.assets.filter((a) => assets.has(a.id)), hazards: i.hazards.filter((h) => hazards.has(h.id)) }));
  const suppliers = pages.suppliers.map((x) => ({ ...x, assets: x.assets.filter((a) => assets.has(a.asset.id)) })).filter((x) => x.assets.length > 0);
  return {
    controls,
    incidents,
    suppliers,
    expiredEvidence: pages.expiredEvidence.filter((e) => kept.has(e.control.id)),
    counts: {
      ...pages.counts,
      practices: analysis.summary.practices,
      sites: pages.sites.length,
      pcns: pages.pcns.length,
      patients: analysis.summary.patients,
      assets: pages.assets.length,
      sharedAssets: pages.assets.filter((a) => !('site' in a && a.site)).length,
      hazards: pages.hazards.length,
      openHazards: pages.hazards.filter((h) => h.status !== 'closed').length,
      controls: controls.length,
      incidents: incidents.length,
    },
  };
}

/** A place's PCNs, each with only the place's sites (a PCN never spans ICBs, but a scope may be a PCN's neighbour). */
function scopedPcns<P extends { sites: { id: string; patients: number }[]; indices: readonly number[]; patients: number }>(pcns: readonly P[], scope: ReportScope, graph: AnalysisContext['graph']): P[] {
  return pcns
    .map((p) => {
      const indices = p.indices.filter((i) => scope.site(graph.sites[i]!.id));
      return { ...p, sites: p.sites.filter((s) => scope.site(s.id)), indices, patients: indices.reduce((n, i) => n + graph.sites[i]!.patients, 0) };
    })
    .filter((p) => p.sites.length > 0);
}

/**
 * The analysis as the report words it: the findings' ids in backticks become the register's names
 * (names first, ids second). The analysis returned to the caller (the CLI, the JSON export) is
 * unchanged: there the ids are what a user types next.
 */
function reportWords(register: Register, analysis: Analysis): Analysis {
  const nameOf = registerNames(register);
  return { ...analysis, findings: analysis.findings.map((f) => ({ ...f, title: namesFirst(f.title, nameOf), explanation: namesFirst(f.explanation, nameOf) })) };
}

