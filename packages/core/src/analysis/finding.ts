import type { Criticality } from '../model/service.js';
import { criticalities } from '../model/service.js';
import type { Reach } from './reach.js';

/** The kinds of finding, in the order they are listed when they reach the same patients. */
export const findingKinds = [
  'failure-point',
  'common-cause',
  'redundancy-defeated',
  'double-failure',
  'capacity',
  'capacity-n-1',
  'scenario-tolerance',
  'incident-likelihood',
  'fault-gap',
] as const;
export type FindingKind = (typeof findingKinds)[number];

/**
 * Whether the hazard log names the cause of a finding: `gap`, no hazard names it; `partial`, a
 * site-local failure point some of whose assets no hazard names; `covered`, named.
 */
export const coverageStates = ['gap', 'partial', 'covered'] as const;
export type Coverage = (typeof coverageStates)[number];

/** A suggestion for the CSO, never a rating: the cause, what it cuts, and the severity words that fit its reach. */
export interface HazardSuggestion {
  title: string;
  cause: string;
  services: string[];
  sites: string[];
  patients: number;
  /** "one patient" or "several patients": which column of the severity descriptions applies. */
  reachWords: 'one patient' | 'several patients';
  /** The severity levels whose descriptions speak of that reach, with their words. */
  severityWords: { level: string; description: string }[];
}

/**
 * One finding of the analysis. Every finding explains itself: which assets, which attribute,
 * which group, what it reaches, and which hazards already name it.
 */
export interface Finding {
  /** Stable id: the same register gives the same ids, so CI diffs can follow a finding. */
  id: string;
  kind: FindingKind;
  title: string;
  /** Sentences: what, why it matters, how it was found. */
  explanation: string;
  assets: string[];
  attribute?: { name: string; value: string };
  group?: { name?: string; members: string[] };
  reach: Reach;
  /** Hazards whose causes name these assets (by id or selector). */
  hazards: string[];
  /**
   * Present on the kinds whose cause a hazard should name (failure points, common causes,
   * defeated redundancy, double failures, capacity) when they reach someone.
   */
  coverage?: Coverage;
  /** When the coverage is `gap` or `partial`: a hazard the CSO might add. Never a rating. */
  suggestion?: HazardSuggestion;
  /** The highest criticality among the services lost (an undeclared one counts as critical); absent when nothing is reached. */
  criticality?: Criticality;
  /** Kind-specific figures (capacity, incidents). */
  figures?: Record<string, number | string>;
}

const kindOrder = new Map(findingKinds.map((k, i) => [k, i] as const));
const criticalityOrder = new Map(criticalities.map((c, i) => [c, i] as const));

/** 0 for a finding the hazard log does not fully name (or whose kind has no coverage), 1 for one it covers. */
const coveredRank = (f: Finding) => (f.coverage === 'covered' ? 1 : 0);
/** 0 for critical … 3 for low; 4 when nothing is reached. */
const criticalityRank = (f: Finding) => (f.criticality === undefined ? criticalities.length : criticalityOrder.get(f.criticality)!);

/**
 * The ranking rule (docs/analysis.md, "Ranking"): what the hazard log does not name first, since
 * that is the CSO's first job; then the criticality of the services lost, since losing
 * prescribing harms sooner than losing document workflow; then patients, then (site, service)
 * pairs; then kind and id, so the order is total and stable.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    coveredRank(a) - coveredRank(b) ||
    criticalityRank(a) - criticalityRank(b) ||
    b.reach.patients - a.reach.patients ||
    b.reach.pairs - a.reach.pairs ||
    kindOrder.get(a.kind)! - kindOrder.get(b.kind)! ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The highest criticality among some services; a service that declares none (or is unknown) counts as critical. */
export function criticalityOf(services: readonly string[], declared: ReadonlyMap<string, Criticality | undefined>): Criticality | undefined {
  let best: number | undefined;
  for (const s of services) {
    const c = declared.get(s);
    const rank = c === undefined ? 0 : criticalityOrder.get(c)!;
    if (best === undefined || rank < best) best = rank;
    if (best === 0) break;
  }
  return best === undefined ? undefined : criticalities[best];
}
