import type { Register } from '../model/register.js';
import { capacity, type CapacityReport } from './capacity.js';
import { commonCauseFindings, commonCauses } from './common-causes.js';
import { analysisContext, type AnalysisContext } from './context.js';
import { coverageGaps } from './coverage.js';
import { doubleFailureFindings } from './double-failures.js';
import { assetImpacts, failurePointFindings, pairFailurePoints, routesCutByEachAsset, type AssetImpact, type PairFailurePoints } from './failure-points.js';
import { compareFindings, findingKinds, type Finding, type FindingKind } from './finding.js';
import { incidentLikelihoodFindings } from './incident-likelihood.js';
import { scenarios, type ScenarioResult } from './named-scenarios.js';

/** The analysis of a register: plain data, the same bytes for the same register and as-of date. */
export interface Analysis {
  asOf: string;
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
  };
  /** Assets whose failure alone cuts something, most patients first. */
  assets: AssetImpact[];
  /** For every (site, service): the assets whose failure alone cuts it. */
  failurePoints: PairFailurePoints[];
  capacity: CapacityReport;
  /** The register's named scenarios, evaluated, in register order. */
  scenarios: ScenarioResult[];
  /** Ranked by patients affected. */
  findings: Finding[];
}

export function analyse(register: Register, options: { asOf: string }): Analysis {
  return analyseContext(analysisContext(register, options.asOf));
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
  const findings = [...found, ...coverageGaps(found, register.scheme), ...incidentLikelihoodFindings(register, options.asOf)].sort(compareFindings);

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
    },
    assets: impacts,
    failurePoints: pairFailurePoints(ctx),
    capacity: cap.report,
    scenarios: named.results,
    findings,
  };
}
