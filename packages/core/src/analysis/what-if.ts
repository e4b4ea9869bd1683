import { assetEvaluator, reqHolds, type AssetStateStore } from './access.js';
import type { DependencyGraph, Req } from './graph.js';
import type { RouteIndex } from './routes-of.js';

/**
 * Routes cut by failing a set of assets, re-evaluating only the routes that reach one of them.
 * Asset states are evaluated lazily, so the cost is the size of the affected part of the graph.
 */
export function routesCutBy(graph: DependencyGraph, index: RouteIndex, failed: readonly number[], baseline: Uint8Array): number[] {
  const candidates = new Set<number>();
  for (const a of failed) for (const r of index.routesOfAsset[a] ?? []) candidates.add(r);
  return routesCutAmong(graph, failed, [...candidates].sort((x, y) => x - y), baseline);
}

/** Of the given routes (sorted), those cut by failing these assets. */
export function routesCutAmong(graph: DependencyGraph, failed: readonly number[], routes: readonly number[], baseline: Uint8Array): number[] {
  const works = lazyAssetStates(graph, new Set(failed));
  const memo = new Map<Req, boolean>();
  const holds = (r: Req) => reqHolds(r, works, memo);
  const out: number[] = [];
  for (const i of routes) {
    if (baseline[i] !== 1) continue; // already cut with nothing failed: not this failure's doing
    if (!graph.routes[i]!.needs.every(holds)) out.push(i);
  }
  return out;
}

/** A function telling whether an asset works, evaluating (and remembering) only what is asked. */
export function lazyAssetStates(graph: DependencyGraph, failed: ReadonlySet<number>): (a: number) => boolean {
  // Sparse: a small what-if touches a few assets, and allocating a state for every asset of a
  // large register on each of thousands of what-ifs would make the analysis quadratic.
  const state = new Map<number, 1 | 2 | 3>(); // 1 in progress, 2 works, 3 down
  const store: AssetStateStore = { get: (a) => state.get(a), set: (a, s) => state.set(a, s) };
  return assetEvaluator(graph, failed, store);
}
