import type { Register } from '../model/register.js';
import { assetPlacesOf } from './asset-places.js';
import { failureBaseline } from './failure-outcome.js';
import { buildGraph } from './graph.js';
import { indexRoutes } from './routes-of.js';
import { whatIfOn, type FailureSpec, type WhatIf } from './scenario.js';
import { scopeLens, type ScopeLens } from './scope-lens.js';
import type { Scope } from './scope.js';

/**
 * A what-if seen from one place: the failure is evaluated on the whole register (a concentrator
 * shared with the next ICB fails over there too), and the outcome is restricted to the place's
 * sites: what they lose, what is degraded among them, what of theirs is up, and the overloads and
 * load changes of the assets their routes use.
 */
export function whatIfInScope(register: Register, specs: readonly FailureSpec[], scope: Scope): WhatIf {
  const graph = buildGraph(register);
  const base = failureBaseline(graph);
  const result = whatIfOn(graph, base, specs, assetPlacesOf(register));
  return restrictWhatIf(result, scopeLens({ graph, index: indexRoutes(graph), baseline: base.access }, scope), scope);
}

export function restrictWhatIf(r: WhatIf, lens: ScopeLens, scope: Scope): WhatIf {
  const reach = lens.restrict(r.reach);
  const degradedReach = lens.restrict(r.degradedReach);
  return {
    failed: r.failed,
    reach,
    cut: r.cut.filter((p) => scope.sites.has(p.site)),
    degradedReach,
    degraded: r.degraded.filter((p) => scope.sites.has(p.site)),
    up: lens.up(reach, degradedReach),
    overloaded: r.overloaded.map((o) => ({ ...o, reach: lens.restrict(o.reach) })).filter((o) => o.reach.pairs > 0 || lens.servesId(o.asset)),
    loads: r.loads.filter((l) => lens.servesId(l.asset)),
  };
}
