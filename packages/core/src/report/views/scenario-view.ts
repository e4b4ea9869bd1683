/**
 * A page per named scenario, and the scenarios index: what fails, the three outcomes (cut,
 * degraded, up) with their reach, the assets overloaded, and the tolerance with the ceilings it
 * goes past, linked to its `scenario:<id>` finding. Lists are capped for national registers.
 */
import { hazardsCovering } from '../../analysis/coverage-index.js';
import { scenarioFigures, toleranceMeasures, type ScenarioResult } from '../../analysis/named-scenarios.js';
import type { Scenario } from '../../model/scenario.js';
import { byId, refOf } from '../refs.js';
import { LISTED, type FindingRef, type ScenarioServiceRow, type ScenarioView } from '../report-data.js';
import { registerNames } from '../../words/register-names.js';
import { selectorPhrase } from '../../words/selector-phrase.js';
import type { ReportContext } from './report-context.js';

/** The words for each tolerance measure, as a table row heads them. */
const MEASURE_LABELS: Record<string, string> = {
  sitesCut: 'Sites cut off',
  patientsCut: 'Patients at sites cut off',
  sitesDegraded: 'Sites degraded',
  patientsDegraded: 'Patients at degraded sites',
  overloads: 'Assets overloaded',
};

/** The finding id of a scenario past its tolerance (named-scenarios.ts). */
export const scenarioFindingId = (id: string) => `scenario:${id}`;

/** The scenario a `scenario-tolerance` finding is about, by its id. */
export function scenarioOfFinding(findingId: string): string | undefined {
  return findingId.startsWith('scenario:') ? findingId.slice('scenario:'.length) : undefined;
}

/** The scenarios in id order. */
export function scenarioViews(rc: ReportContext): ScenarioView[] {
  // A repeated id: the first declaration counts, as in the analysis (CRR-E001).
  const declared = new Map<string, Scenario>();
  for (const s of rc.ctx.register.scenarios) if (!declared.has(s.id)) declared.set(s.id, s);
  return rc.analysis.scenarios.map((s) => scenarioView(rc, s, declared.get(s.id))).sort(byId);
}

function scenarioView(rc: ReportContext, s: ScenarioResult, declared: Scenario | undefined): ScenarioView {
  const notes = declared?.notes;
  // The analysis lists one spec per id named, then the selector's.
  const named = declared?.assets?.length ?? 0;
  const { graph } = rc.ctx;
  const f = rc.analysis.findings.find((x) => x.id === scenarioFindingId(s.id));
  const finding: FindingRef | undefined = f && { id: f.id, title: f.title, slug: rc.findingSlugs.get(f.id)! };
  const failedIds = [...new Set(s.failed.flatMap((x) => x.assets))];
  const failedIdx = failedIds.map((id) => graph.assetIndex.get(id)).filter((a): a is number => a !== undefined).sort((a, b) => a - b);
  const actual = scenarioFigures(s);
  const tolerance = toleranceMeasures
    .filter(({ measure }) => s.tolerance?.[measure] !== undefined)
    .map(({ measure }) => {
      const limit = s.tolerance![measure]!;
      return { measure, label: MEASURE_LABELS[measure] ?? measure, limit, actual: actual[measure], exceeded: s.exceeded.some((e) => e.measure === measure) };
    });
  return {
    ...refOf({ id: s.id, name: s.title }, rc.slugs.scenarios),
    title: s.title,
    reason: s.reason,
    ...(notes ? { notes } : {}),
    failed: s.failed.map((x, i) => ({
      spec: x.spec,
      selector: i >= named,
      words: i >= named && declared?.select ? selectorPhrase(declared.select, registerNames(rc.ctx.register)) : (registerNames(rc.ctx.register)(x.spec) ?? x.spec),
      assets: x.assets.slice(0, LISTED).map(rc.links.asset),
      assetCount: x.assets.length,
      moreAssets: Math.max(0, x.assets.length - LISTED),
    })),
    failedCount: failedIds.length,
    cut: rc.reach(s.reach),
    degraded: rc.reach(s.degradedReach),
    up: s.up,
    byService: byService(rc, s),
    overloaded: s.overloaded.map((o) => ({
      asset: rc.links.asset(o.asset),
      unit: o.unit,
      limit: o.limit,
      before: o.before,
      load: o.load,
      shortfall: o.shortfall,
      ...(o.unmeasured ? { unmeasured: o.unmeasured } : {}),
      sites: o.reach.sites.length,
      patients: o.reach.patients,
    })),
    tolerance,
    verdict: !s.tolerance ? 'none' : s.exceeded.length ? 'exceeded' : 'within',
    ...(finding ? { finding } : {}),
    hazards: hazardsCovering(rc.ctx.coverage, failedIdx).map(rc.links.hazard),
  };
}

/** Cut and degraded side by side, one row per clinical service either touches, by service id. */
function byService(rc: ReportContext, s: ScenarioResult): ScenarioServiceRow[] {
  const rows = new Map<string, ScenarioServiceRow>();
  const row = (service: string) => {
    let r = rows.get(service);
    if (!r) rows.set(service, (r = { service: rc.links.service(service), cutSites: 0, cutPatients: 0, degradedSites: 0, degradedPatients: 0 }));
    return r;
  };
  for (const b of s.reach.byService) Object.assign(row(b.service), { cutSites: b.sites, cutPatients: b.patients });
  for (const b of s.degradedReach.byService) Object.assign(row(b.service), { degradedSites: b.sites, degradedPatients: b.patients });
  return [...rows.values()].sort((a, b) => byId(a.service, b.service));
}
