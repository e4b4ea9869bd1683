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
import { failurePointAssets, assetViews } from './views/asset-view.js';
import { capacityViews, capacityWarningOf } from './views/capacity-view.js';
import { acceptanceViews, controlView } from './views/control-view.js';
import { findingViews } from './views/finding-view.js';
import { hazardViews } from './views/hazard-view.js';
import { incidentViews } from './views/incident-view.js';
import { matrixView, riskProfile } from './views/matrix-view.js';
import { countsView, metaView } from './views/meta-view.js';
import { pcnViews, supplierViews } from './views/organisation-views.js';
import { reportContext } from './views/report-context.js';
import { scenarioViews } from './views/scenario-view.js';
import { serviceViews } from './views/service-view.js';
import { siteViews } from './views/site-view.js';
import { summaryView } from './views/summary-view.js';

export interface ReportOptions {
  asOf: string;
  /** Name and version of the tool, shown in the report (never a build time). */
  tool: string;
}

/** The report: register + analysis as plain JSON for the site. Also returns the analysis. */
export function buildReport(register: Register, options: ReportOptions): { report: ReportData; analysis: Analysis } {
  const ctx = analysisContext(register, options.asOf);
  const analysis = analyseContext(ctx);
  return { report: assemble(ctx, analysis, options), analysis };
}

function assemble(ctx: AnalysisContext, analysis: Analysis, options: ReportOptions): ReportData {
  const rc = reportContext(ctx, analysis);
  const { register, graph, index, asOf } = ctx;
  // The matrices list a cell's hazards in register order, as the author wrote them; every other list is by id.
  const inRegisterOrder = hazardViews(rc);
  const hazards = [...inRegisterOrder].sort(byId);
  const sites = siteViews(rc).sort(byId);
  const pcns = pcnViews(rc, sites);
  const failurePoints = failurePointAssets(rc);
  const capacity = capacityViews(rc);
  const pages: Omit<ReportData, 'summary'> = {
    meta: metaView(rc, options.tool),
    counts: countsView(rc, pcns.length),
    riskProfile: riskProfile(register.scheme, hazards),
    matrices: { initial: matrixView(register.scheme, inRegisterOrder, 'initial'), residual: matrixView(register.scheme, inRegisterOrder, 'residual') },
    hazards,
    controls: register.controls.map((c) => controlView(rc, c)).sort(byId),
    acceptances: acceptanceViews(rc),
    assets: assetViews(rc, new Map(capacity.map((c) => [c.asset.id, c] as const))).sort(byId),
    sites,
    pcns: pcns.map(({ indices: _i, ...p }) => p),
    suppliers: supplierViews(rc),
    services: serviceViews(rc),
    incidents: incidentViews(rc),
    findings: findingViews(rc),
    capacity: { warningAt: capacityWarningOf(rc), assets: capacity },
    scenarios: scenarioViews(rc),
    overdueReviews: hazards.filter((h) => h.reviewOverdue).map((h) => ({ hazard: { id: h.id, slug: h.slug, name: h.name }, due: h.reviewDue })),
    expiredEvidence: register.controls
      .filter((c) => isEvidenceExpired(c.evidence, asOf))
      .map((c) => ({ control: refOf(c, rc.slugs.controls), expired: latestExpiry(c.evidence)!, hazards: [...(rc.rel.hazardsOfControl.get(c.id) ?? [])].sort().map(rc.links.hazard) }))
      .sort((a, b) => byId(a.control, b.control)),
    overviewGraph: overviewGraph(graph, rc.slugs, pcns.map((p) => ({ id: p.id, name: p.name, slug: p.slug, sites: p.indices })), index.assetsOfRoute, rc.rel.routesOfSite, new Set([...failurePoints].filter((a) => !graph.assets[a]!.site))),
  };
  return { ...pages, summary: summaryView(pages) };
}
