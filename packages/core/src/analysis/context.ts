import type { Register } from '../model/register.js';
import { evaluateAccess } from './access.js';
import { causeCoverage, type Coverage } from './coverage-index.js';
import { computeCutSets, type CutSets } from './cut-sets.js';
import { failureBaseline, type FailureBaseline } from './failure-outcome.js';
import { buildGraph, type DependencyGraph, type Req } from './graph.js';
import { indexRoutes, type RouteIndex } from './routes-of.js';

/** Everything the analyses share, computed once per register. */
export interface AnalysisContext {
  register: Register;
  asOf: string;
  graph: DependencyGraph;
  cuts: CutSets;
  index: RouteIndex;
  /** Which routes work with nothing failed. */
  baseline: Uint8Array;
  coverage: Coverage;
  /** What every failure evaluation (N-1, scenarios) is measured against. */
  failures: FailureBaseline;
  /** A label for a requirement, for findings: `vpn-a`, or `allOf(link-a, vpn-a)`. */
  label: (r: Req) => string;
}

export function analysisContext(register: Register, asOf: string): AnalysisContext {
  const graph = buildGraph(register);
  const label = (r: Req): string => {
    switch (r.kind) {
      case 'asset':
        return graph.assets[r.a]!.id;
      case 'never':
        return r.what;
      case 'all':
        return `allOf(${r.members.map(label).join(', ')})`;
      case 'any':
        return `anyOf(${r.members.map(label).join(', ')})`;
      case 'atLeast':
        return `atLeast ${r.k} of (${r.members.map(label).join(', ')})`;
    }
  };
  const baseline = evaluateAccess(graph, new Set());
  const cuts = computeCutSets(graph);
  return {
    register,
    asOf,
    graph,
    cuts,
    index: indexRoutes(graph),
    baseline,
    coverage: causeCoverage(register, graph),
    failures: failureBaseline(graph, baseline, { route: (i) => cuts.route[i] ?? null }),
    label,
  };
}
