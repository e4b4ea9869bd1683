import { reqHolds } from './access.js';
import type { DependencyGraph, Req } from './graph.js';
import type { RouteIndex } from './routes-of.js';

/**
 * Routes cut by failing a set of assets, re-evaluating only the routes that reach one of them.
 * Asset states are evaluated lazily, so the cost is the size of the affected part of the graph.
 */
export function routesCutBy(graph: DependencyGraph, index: RouteIndex, failed: readonly number[], baseline: Uint8Array): number[] {
  const failedSet = new Set(failed);
  const candidates = new Set<number>();
  for (const a of failed) for (const r of index.routesOfAsset[a] ?? []) candidates.add(r);
  const works = lazyAssetStates(graph, failedSet);
  const memo = new Map<Req, boolean>();
  const holds = (r: Req) => reqHolds(r, works, memo);
  const out: number[] = [];
  for (const i of [...candidates].sort((x, y) => x - y)) {
    if (baseline[i] !== 1) continue; // already cut with nothing failed: not this failure's doing
    if (!graph.routes[i]!.needs.every(holds)) out.push(i);
  }
  return out;
}

/** A function telling whether an asset works, evaluating (and remembering) only what is asked. */
export function lazyAssetStates(graph: DependencyGraph, failed: ReadonlySet<number>): (a: number) => boolean {
  const state = new Uint8Array(graph.assets.length); // 0 unknown, 1 in progress, 2 works, 3 down
  const memo = new Map<Req, boolean>();
  const works = (a: number): boolean => {
    const s = state[a]!;
    if (s === 2) return true;
    if (s === 3 || s === 1) return false;
    if (failed.has(a)) {
      state[a] = 3;
      return false;
    }
    state[a] = 1;
    const ok = graph.assetNeeds[a]!.every((r) => reqHolds(r, works, memo));
    state[a] = ok ? 2 : 3;
    return ok;
  };
  return works;
}
