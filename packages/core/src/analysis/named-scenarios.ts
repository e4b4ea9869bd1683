import { MAX_SCENARIOS } from '../load/load-limits.js';
import type { Tolerance } from '../model/scenario.js';
import type { AnalysisContext } from './context.js';
import { hazardsCovering } from './coverage-index.js';
import { describeReach } from './failure-points.js';
import { failureOutcome } from './failure-outcome.js';
import { reportFailure, type Overload } from './failure-report.js';
import type { Finding } from './finding.js';
import { reachOf, type Reach } from './reach.js';
import { assetPlacesOf } from './asset-places.js';
import { pickFailed, type FailureSpec } from './scenario.js';
import { selectorText } from './selector-match.js';
import { countOf } from '../words/count.js';

/** How far a scenario went past one of its ceilings. */
export interface ToleranceExceeded {
  measure: keyof Tolerance;
  /** The ceiling the register gives. */
  limit: number;
  /** What the scenario does. */
  actual: number;
}

/** A named scenario of the register, evaluated: the three outcomes, the overloads, and its tolerance. */
export interface ScenarioResult {
  id: string;
  title: string;
  reason: string;
  /** What fails: the ids it names, then its selector, each with the assets it picked out. */
  failed: { spec: string; assets: string[] }[];
  /** What is cut. */
  reach: Reach;
  /** What is still reachable but degraded. */
  degradedReach: Reach;
  overloaded: Overload[];
  up: { pairs: number; sites: number };
  tolerance?: Tolerance;
  /** The ceilings it goes past; empty when it is within its tolerance (or has none). */
  exceeded: ToleranceExceeded[];
}

/** The measures a tolerance can cap, in the order they are reported, with the words for them. */
export const toleranceMeasures: readonly { measure: keyof Tolerance; words: (n: number) => string }[] = [
  { measure: 'sitesCut', words: (n) => `${plural(n, 'site')} cut` },
  { measure: 'patientsCut', words: (n) => `${plural(n, 'patient')} cut off` },
  { measure: 'sitesDegraded', words: (n) => `${plural(n, 'site')} degraded` },
  { measure: 'patientsDegraded', words: (n) => `${plural(n, 'patient')} at degraded sites` },
  { measure: 'overloads', words: (n) => `${plural(n, 'asset')} overloaded` },
];

const plural = (n: number, word: string) => countOf(n, word);

/** What a scenario does, by the measures a tolerance caps. */
export function scenarioFigures(r: Pick<ScenarioResult, 'reach' | 'degradedReach' | 'overloaded'>): Record<keyof Tolerance, number> {
  return {
    sitesCut: r.reach.sites.length,
    patientsCut: r.reach.patients,
    sitesDegraded: r.degradedReach.sites.length,
    patientsDegraded: r.degradedReach.patients,
    overloads: r.overloaded.length,
  };
}

/** The measures on which a scenario goes past a tolerance, in the order they are reported. */
export function pastTolerance(r: Pick<ScenarioResult, 'reach' | 'degradedReach' | 'overloaded'>, tolerance: Tolerance | undefined): ToleranceExceeded[] {
  if (!tolerance) return [];
  const actual = scenarioFigures(r);
  return toleranceMeasures
    .filter(({ measure }) => tolerance[measure] !== undefined && actual[measure] > tolerance[measure]!)
    .map(({ measure }) => ({ measure, limit: tolerance[measure]!, actual: actual[measure] }));
}

/**
 * Evaluate every scenario of the register with the same failure evaluation as `crr what-if`, and
 * report a finding for each one past its tolerance: the register said what it could bear, and
 * this is more.
 */
export function scenarios(ctx: AnalysisContext): { results: ScenarioResult[]; findings: Finding[] } {
  const { graph } = ctx;
  const affected = new Map<string, Reach>();
  const seen = new Set<string>();
  const results = ctx.register.scenarios
    .slice(0, MAX_SCENARIOS) // each costs a whole evaluation; beyond the cap is CRR-E067 (crr diff analyses a head with errors)
    .filter((s) => !seen.has(s.id) && seen.add(s.id)) // a duplicate id: the first declaration counts
    .map((s) => {
      const specs: FailureSpec[] = (s.assets ?? []).map((asset) => ({ asset }));
      if (s.select && Object.keys(s.select).length) specs.push({ selector: s.select, text: selectorText(s.select) });
      const { failed, assets } = pickFailed(graph, specs, assetPlacesOf(ctx.register));
      const outcome = failureOutcome(ctx.failures, assets);
      const r = reportFailure(ctx.failures, outcome);
      // The reach of a scenario is every pair it cuts or degrades.
      affected.set(s.id, reachOf(graph, [...outcome.cut, ...outcome.degraded.map((d) => d.route)].sort((a, b) => a - b)));
      const exceeded = pastTolerance(r, s.tolerance);
      return {
        id: s.id,
        title: s.title,
        reason: s.reason,
        failed,
        reach: r.reach,
        degradedReach: r.degradedReach,
        overloaded: r.overloaded,
        up: r.up,
        ...(s.tolerance ? { tolerance: s.tolerance } : {}),
        exceeded,
      };
    });
  return { results, findings: findingsOf(ctx, results, affected) };
}

function findingsOf(ctx: AnalysisContext, results: readonly ScenarioResult[], affected: ReadonlyMap<string, Reach>): Finding[] {
  return results
    .filter((r) => r.exceeded.length)
    .map((r) => {
      const words = new Map(toleranceMeasures.map((m) => [m.measure, m.words] as const));
      const past = r.exceeded.map((e) => `${words.get(e.measure)!(e.actual)} against at most ${e.limit.toLocaleString('en-GB')}`);
      const failedIdx = [...new Set(r.failed.flatMap((f) => f.assets))].map((id) => ctx.graph.assetIndex.get(id)!).sort((a, b) => a - b);
      const overload = r.overloaded.map((o) => `\`${o.asset}\` would carry ${o.load} of ${o.limit} ${o.unit} (a shortfall of ${o.shortfall})`).join('; ');
      return {
        id: `scenario:${r.id}`,
        kind: 'scenario-tolerance' as const,
        title: `Scenario "${r.title}" goes past its tolerance: ${past.join('; ')}`,
        explanation: `${r.reason} In this scenario ${r.reach.pairs ? `${describeReach(r.reach)} are cut` : 'no site is cut'}, and ${r.degradedReach.pairs ? `${describeReach(r.degradedReach)} are degraded` : 'none is degraded'}.${overload ? ` Overloaded at peak: ${overload}.` : ''} The register tolerates no more than this scenario's \`tolerance\` says: plan a control, or agree a different tolerance.`,
        assets: r.failed.flatMap((f) => f.assets).filter((a, i, all) => all.indexOf(a) === i).sort(),
        reach: affected.get(r.id)!,
        hazards: hazardsCovering(ctx.coverage, failedIdx),
        figures: Object.fromEntries(r.exceeded.flatMap((e) => [[e.measure, e.actual], [`${e.measure} tolerance`, e.limit]])),
      };
    });
}
