import type { Register } from '../model/register.js';
import type { Selector } from '../model/selector.js';
import type { DependencyGraph } from './graph.js';
import { buildGraph } from './graph.js';
import { failureBaseline, failureOutcome, type FailureBaseline } from './failure-outcome.js';
import { reportFailure, type FailureReport } from './failure-report.js';
import { assetPlacesOf, type AssetPlaces } from './asset-places.js';
import { selectAssets } from './selector-match.js';

export type FailureSpec = { asset: string } | { selector: Selector; text: string };

export interface WhatIf extends FailureReport {
  /** What was failed, as asked, and the assets each part picked out. */
  failed: { spec: string; assets: string[] }[];
}

/**
 * A what-if: fail these assets (by id or selector) together. What is cut, what is degraded (an
 * overloaded asset on the way, or no redundancy left), what is overloaded, where, for how many
 * patients.
 */
export function whatIf(register: Register, specs: readonly FailureSpec[]): WhatIf {
  const graph = buildGraph(register);
  return whatIfOn(graph, failureBaseline(graph), specs, assetPlacesOf(register));
}

/** A what-if on a graph and baseline already built (the analysis evaluates many against one). */
export function whatIfOn(graph: DependencyGraph, base: FailureBaseline, specs: readonly FailureSpec[], places: AssetPlaces): WhatIf {
  const { failed, assets } = pickFailed(graph, specs, places);
  return { failed, ...reportFailure(base, failureOutcome(base, assets)) };
}

/**
 * The assets each part of a failure picks out (an id that names no asset picks nothing), and all
 * of them together: how `crr what-if --fail` and a named scenario say what fails. `places` is the
 * register's (`assetPlacesOf`), for place keys.
 */
export function pickFailed(graph: DependencyGraph, specs: readonly FailureSpec[], places: AssetPlaces): { failed: WhatIf['failed']; assets: Set<number> } {
  const failed: WhatIf['failed'] = [];
  const assets = new Set<number>();
  for (const spec of specs) {
    const picked = 'asset' in spec ? [graph.assetIndex.get(spec.asset)].filter((a): a is number => a !== undefined) : selectAssets(spec.selector, graph.assets, places);
    for (const a of picked) assets.add(a);
    failed.push({ spec: 'asset' in spec ? spec.asset : spec.text, assets: picked.map((a) => graph.assets[a]!.id).sort() });
  }
  return { failed, assets };
}
