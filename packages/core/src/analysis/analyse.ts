import type { Register } from '../model/register.js';
import { capacity, type CapacityReport } from './capacity.js';
import { commonCauseFindings, commonCauses } from './common-causes.js';
import { analysisContext, type AnalysisContext } from './context.js';
import { coverageCounts, withCoverage } from './coverage.js';
import { doubleFailureFindings } from './double-failures.js';
import { faultGapFindings, faultGrid } from './fault-gaps.js';
import { assetImpacts, failurePointFindings, pairFailurePoints, routesCutByEachAsset, type AssetImpact, type PairFailurePoints } from './failure-points.js';
import { findingKinds, type Coverage, type Finding, type FindingKind } from './finding.js';
import { incidentLikelihoodFindings } from './incident-likelihood.js';
import type { PlaceTier } from './places.js';
import { scenarios, type ScenarioResult } from './named-scenarios.js';
import { rankFindings } from './ranking.js';
import { scopeAnalysis, type Scope } from './scope.js';

/** The analysis of a register: plain data, the same bytes for the same register and as-of date. */
export interface Analysis {
  asOf: string;
  /** The place the analysis is seen from (`--scope`, scope.ts); absent for the whole register. */
  scope?: { id: string; name: string; tier: PlaceTier; ods?: string };
  summary: {
    sites: number;
    practices: number;
    patients: number;
    services: string[];
    assets: number;
    routes: number;
    /** Routes that fail with nothing failed (an unknown id, an unbound `$name`): validation says why. */
    brokenRoutes: number;
    findings: Record<FindingKind, number>;
    /** Findings whose cause no hazard names, that hazards name for some sites only, and that hazards name. */
    coverage: Record<Coverage, number>;
  };
  /** Assets whose failure alone cuts something, most patients first. */
  assets: AssetImpact[];
  /** For every (site, service): the assets whose failure alone cuts it. */
  failurePoints: PairFailurePoints[];
  capacity: CapacityReport;
  /** The register's named scenarios, evaluated, in register order. */
  scenarios: ScenarioResult[];
  /** Ranked by the rule of `compareFindings`: uncovered first, then criticality, then patients. */
  findings: Finding[];
}

/**
 * With a `scope`, the analysis still runs on the whole register (a shared concentrator carries
 * every ICB's load; Spine failing reaches them all) and only what is shown is the place's.
 */
export function analyse(register: Register, options: { asOf: string; scope?: Scope }): Analysis {
  const ctx = analysisContext(register, options.asOf);
  const whole = analyseContext(ctx);
  return options.scope ? scopeAnalysis(ctx, whole, options.scope) : whole;
}

/** The analysis, from a context already built (the report builds one and shares it). */
export function analyseContext(ctx: AnalysisContext): Analysis {
  const { graph, register } = ctx;
  const options = { asOf: ctx.asOf };
  const cutByAsset = routesCutByEachAsset(ctx);
  const impacts = assetImpacts(ctx, cutByAsset);
  const cap = capacity(ctx, ctx.failures.capacity);
  const named = scenarios(ctx);
  const found = [
    ...failurePointFindings(ctx, impacts),
    ...commonCauseFindings(ctx, commonCauses(ctx), cutByAsset),
    ...doubleFailureFindings(ctx),
    ...cap.findings,
    ...named.findings,
  ];
  const findings = rankFindings(register, [
    ...withCoverage(found, register.scheme),
    ...faultGapFindings(ctx, faultGrid(register, graph)),
    ...incidentLikelihoodFindings(register, options.asOf),
  ]);

  const counts = Object.fromEntries(findingKinds.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of findings) counts[f.kind]++;
  const practices = graph.sites.filter((s) => s.type === 'practice');
  return {
    asOf: options.asOf,
    summary: {
      sites: graph.sites.length,
      practices: practices.length,
      patients: practices.reduce((n, s) => n + s.patients, 0),
      services: graph.services,
      assets: graph.assets.length,
      routes: graph.routes.length,
      brokenRoutes: ctx.baseline.reduce((n, w) => n + (w ? 0 : 1), 0),
      findings: counts,
      coverage: coverageCounts(findings),
    },
    assets: impacts,
    failurePoints: pairFailurePoints(ctx),
    capacity: cap.report,
    scenarios: named.results,
    findings,
  };
}
