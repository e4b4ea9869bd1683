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
  'coverage-gap',
  'incident-likelihood',
] as const;
export type FindingKind = (typeof findingKinds)[number];

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
  suggestion?: HazardSuggestion;
  /** Kind-specific figures (capacity, incidents). */
  figures?: Record<string, number | string>;
}

const kindOrder = new Map(findingKinds.map((k, i) => [k, i] as const));

/** Most patients first; then by kind and id, so the order is total and stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return b.reach.patients - a.reach.patients || b.reach.pairs - a.reach.pairs || kindOrder.get(a.kind)! - kindOrder.get(b.kind)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
