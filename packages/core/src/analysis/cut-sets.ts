import type { DependencyGraph, Req } from './graph.js';
import { trampoline } from './trampoline.js';

/**
 * Single failure points in one pass. The cut set of a requirement is the set of assets whose
 * failure alone makes it fail: an asset's is itself plus the union of its needs'; `all` takes
 * the union of its members'; `any` the intersection; `atLeast k` of n members those assets that
 * cut more than n − k members. Each node is computed once (memoised), so the cost is the size of
 * the graph times the size of a cut set, never one re-evaluation per asset.
 *
 * `BROKEN` marks a requirement that fails with nothing failed (an unknown id, an unbound
 * `$name`, a group that can never be met); it has no meaningful cut set.
 */
export const BROKEN = null;
export type Cut = readonly number[] | typeof BROKEN;

export interface CutSets {
  /** Per asset: its cut set (sorted indices), or BROKEN. */
  asset: Cut[];
  /** Per route: its failure points, or BROKEN. */
  route: Cut[];
  /** Per requirement node. */
  req: (r: Req) => Cut;
}

export function computeCutSets(graph: DependencyGraph): CutSets {
  const cuts = cutSetEvaluator(graph, new Set());
  const route = graph.routes.map((_, i) => cuts.route(i));
  const asset = graph.assets.map((_, a) => cuts.asset(a));
  return { asset, route, req: cuts.req };
}

/** Cut sets computed on demand, each node once: what a what-if asks of a few routes costs only their part of the graph. */
export interface CutSetEvaluator {
  asset(a: number): Cut;
  route(i: number): Cut;
  req(r: Req): Cut;
}

/**
 * Cut sets given assets that have already failed: a failed asset is BROKEN, so a group's cut set
 * counts only the members still working. With nothing failed, these are the register's single
 * failure points; with some failed, an asset in a route's cut set that was not in it before is
 * redundancy the failure used up (one more failure now cuts the route).
 */
export function cutSetEvaluator(graph: DependencyGraph, failed: ReadonlySet<number>): CutSetEvaluator {
  const assetCut: (Cut | undefined)[] = new Array(graph.assets.length);
  for (const a of failed) if (a >= 0 && a < graph.assets.length) assetCut[a] = BROKEN;
  const inProgress = new Uint8Array(graph.assets.length);
  const memo = new Map<Req, Cut>();

  // The definitions below recurse through needs, which a register can chain thousands deep: they
  // are generators that yield what they need next, run by `trampoline` (trampoline.ts), in the
  // same order and with the same short cuts as plain recursion, so no chain exhausts the stack.
  type Need = { asset: number } | { req: Req };
  type Step = Generator<Need, Cut, Cut>;

  function* ofAsset(a: number): Step {
    inProgress[a] = 1;
    const needs = yield* ofAll(graph.assetNeeds[a]!);
    inProgress[a] = 0;
    const cut = needs === BROKEN ? BROKEN : union([needs, [a]]);
    assetCut[a] = cut;
    return cut;
  }

  function* ofReq(r: Req): Step {
    let cut: Cut;
    switch (r.kind) {
      case 'asset':
        cut = yield { asset: r.a };
        break;
      case 'never':
        cut = BROKEN;
        break;
      case 'all':
        cut = yield* ofAll(r.members);
        break;
      case 'any':
        cut = yield* ofAtLeast(1, r.members);
        break;
      case 'atLeast':
        cut = yield* ofAtLeast(r.k, r.members);
        break;
    }
    memo.set(r, cut);
    return cut;
  }

  function* ofAll(members: readonly Req[]): Step {
    const cuts: (readonly number[])[] = [];
    for (const m of members) {
      const c = yield { req: m };
      if (c === BROKEN) return BROKEN;
      cuts.push(c);
    }
    return union(cuts);
  }

  function* ofAtLeast(k: number, members: readonly Req[]): Step {
    const live: (readonly number[])[] = [];
    for (const m of members) {
      const c = yield { req: m };
      if (c !== BROKEN) live.push(c);
    }
    if (live.length < k) return BROKEN;
    // An asset cuts the group when it cuts more members than the group can spare.
    return countAbove(live, live.length - k);
  }

  /** What is already known of a need (a cycle back to an asset in progress never works), or undefined. */
  const known = (need: Need): Cut | undefined => {
    if ('asset' in need) return assetCut[need.asset] !== undefined ? assetCut[need.asset] : inProgress[need.asset] ? BROKEN : undefined;
    return memo.get(need.req);
  };
  const start = (need: Need): Step => ('asset' in need ? ofAsset(need.asset) : ofReq(need.req));

  const run = (need: Need): Cut => trampoline(need, known, start);

  const routeCut = new Map<number, Cut>();
  return {
    asset: (a) => run({ asset: a }),
    route: (i) => {
      if (routeCut.has(i)) return routeCut.get(i)!;
      const cut = run({ req: { kind: 'all', members: graph.routes[i]!.needs } as Req });
      routeCut.set(i, cut);
      return cut;
    },
    req: (r) => run({ req: r }),
  };
}

/** Sorted union of sorted lists. */
export function union(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return [...lists[0]!];
  const set = new Set<number>();
  for (const l of lists) for (const x of l) set.add(x);
  return [...set].sort((a, b) => a - b);
}

/** Elements that appear in more than `t` of the sorted lists (t = 0: union; t = n − 1: intersection). */
export function countAbove(lists: readonly (readonly number[])[], t: number): number[] {
  if (lists.length === 1) return t === 0 ? [...lists[0]!] : [];
  const counts = new Map<number, number>();
  for (const l of lists) for (const x of l) counts.set(x, (counts.get(x) ?? 0) + 1);
  const out: number[] = [];
  for (const [x, n] of counts) if (n > t) out.push(x);
  return out.sort((a, b) => a - b);
}
