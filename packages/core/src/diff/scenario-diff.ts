import { pastTolerance, type ScenarioResult, type ToleranceExceeded } from '../analysis/named-scenarios.js';
import type { Register } from '../model/register.js';
import type { DiffAnalysis } from './diff-analysis.js';
import type { Tolerance } from '../model/scenario.js';
import { placesOfReach, type ByPlace } from './diff-places.js';
import type { At } from './register-diff.js';

/** A named scenario at one side of a change, in the figures its tolerance caps. */
export interface ScenarioSide {
  title: string;
  /** What it cuts at this side, and where (by ICB and region, largest first). */
  cut: { sites: number; patients: number } & ByPlace;
  degraded: { sites: number; patients: number } & ByPlace;
  overloads: { asset: string; unit: string; limit: number; load: number; shortfall: number }[];
  tolerance?: Tolerance;
  /** Measures past this side's own tolerance; empty when within it (or it has none). */
  exceeded: ToleranceExceeded[];
}

/** One scenario before and after; a side is `null` where the scenario is not declared. */
export interface ScenarioChange {
  id: string;
  title: string;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  before: ScenarioSide | null;
  after: ScenarioSide | null;
  /**
   * Measures the head goes past, judged by the tolerance the change is held to: the base's when
   * the scenario exists there (a change cannot relax the tolerance it is judged by), the head's
   * for a new scenario. Empty for a removed scenario.
   */
  pastAtHead: ToleranceExceeded[];
  /**
   * Of those, the ones the change pushed past: within at base on that measure (judged by the same
   * tolerance), or every one for a scenario the change adds already past its tolerance (the change
   * is what records it). CRR-G008 trips on these.
   */
  newlyPast: ToleranceExceeded[];
  /** Where the scenario is declared, at head (at base when removed). */
  at?: At;
}

export interface ScenarioDiff {
  /** Every scenario of either side: the head's in register order, then those removed. */
  list: ScenarioChange[];
  added: string[];
  removed: string[];
  changed: string[];
  unchanged: number;
}

interface Side {
  register: Register;
  analysis: DiffAnalysis;
}


function sideOf(r: ScenarioResult): ScenarioSide {
  return {
    title: r.title,
    cut: { sites: r.reach.sites.length, patients: r.reach.patients, ...placesOfReach(r.reach) },
    degraded: { sites: r.degradedReach.sites.length, patients: r.degradedReach.patients, ...placesOfReach(r.degradedReach) },
    overloads: r.overloaded.map((o) => ({ asset: o.asset, unit: o.unit, limit: o.limit, load: o.load, shortfall: o.shortfall })),
    ...(r.tolerance ? { tolerance: r.tolerance } : {}),
    exceeded: r.exceeded,
  };
}

/** A side's figures without its places: a place renamed is not a change to what the scenario does. */
const figuresOf = (s: ScenarioSide) =>
  JSON.stringify({ ...s, cut: { sites: s.cut.sites, patients: s.cut.patients }, degraded: { sites: s.degraded.sites, patients: s.degraded.patients } });

/** Each named scenario before and after a change, and what the change pushed past its tolerance. */
export function scenarioDiff(base: Side, head: Side): ScenarioDiff {
  const b = new Map(base.analysis.scenarios.map((s) => [s.id, s] as const));
  const h = new Map(head.analysis.scenarios.map((s) => [s.id, s] as const));
  const where = (side: Side, sideName: 'base' | 'head', id: string): At | undefined => {
    const s = side.register.scenarios.find((x) => x.id === id);
    return s ? { side: sideName, file: s.source.file, line: s.source.line, column: s.source.column } : undefined;
  };
  const list: ScenarioChange[] = [];
  for (const [id, after] of h) {
    const was = b.get(id);
    const at = where(head, 'head', id);
    const tolerance = was ? was.tolerance : after.tolerance;
    const pastAtHead = pastTolerance(after, tolerance);
    const pastAtBase = was ? new Set(pastTolerance(was, tolerance).map((e) => e.measure)) : new Set<string>();
    const before = was ? sideOf(was) : null;
    const afterSide = sideOf(after);
    list.push({
      id,
      title: after.title,
      change: !before ? 'added' : figuresOf(before) === figuresOf(afterSide) ? 'unchanged' : 'changed',
      before,
      after: afterSide,
      pastAtHead,
      newlyPast: pastAtHead.filter((e) => !pastAtBase.has(e.measure)),
      ...(at ? { at } : {}),
    });
  }
  for (const [id, was] of b) {
    if (h.has(id)) continue;
    const at = where(base, 'base', id);
    list.push({ id, title: was.title, change: 'removed', before: sideOf(was), after: null, pastAtHead: [], newlyPast: [], ...(at ? { at } : {}) });
  }
  const ids = (c: ScenarioChange['change']) => list.filter((s) => s.change === c).map((s) => s.id);
  return { list, added: ids('added'), removed: ids('removed'), changed: ids('changed'), unchanged: ids('unchanged').length };
}
