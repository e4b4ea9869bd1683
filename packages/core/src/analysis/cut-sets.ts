import type { DependencyGraph, Req } from './graph.js';

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
  const assetCut: (Cut | undefined)[] = new Array(graph.assets.length);
  const inProgress = new Uint8Array(graph.assets.length);
  const memo = new Map<Req, Cut>();

  const ofAsset = (a: number): Cut => {
    const known = assetCut[a];
    if (known !== undefined) return known;
    if (inProgress[a]) return BROKEN; // a dependency cycle: as access evaluation, it never works
    inProgress[a] = 1;
    const needs = ofAll(graph.assetNeeds[a]!);
    inProgress[a] = 0;
    const cut = needs === BROKEN ? BROKEN : union([needs, [a]]);
    assetCut[a] = cut;
    return cut;
  };

  const ofReq = (r: Req): Cut => {
    const known = memo.get(r);
    if (known !== undefined) return known;
    let cut: Cut;
    switch (r.kind) {
      case 'asset':
        cut = ofAsset(r.a);
        break;
      case 'never':
        cut = BROKEN;
        break;
      case 'all':
        cut = ofAll(r.members);
        break;
      case 'any':
        cut = ofAtLeast(1, r.members);
        break;
      case 'atLeast':
        cut = ofAtLeast(r.k, r.members);
        break;
    }
    memo.set(r, cut);
    return cut;
  };

  const ofAll = (members: readonly Req[]): Cut => {
    const cuts: (readonly number[])[] = [];
    for (const m of members) {
      const c = ofReq(m);
      if (c === BROKEN) return BROKEN;
      cuts.push(c);
    }
    return union(cuts);
  };

  const ofAtLeast = (k: number, members: readonly Req[]): Cut => {
    const live = members.map(ofReq).filter((c): c is readonly number[] => c !== BROKEN);
    if (live.length < k) return BROKEN;
    // An asset cuts the group when it cuts more members than the group can spare.
    return countAbove(live, live.length - k);
  };

  const route = graph.routes.map((r) => ofAll(r.needs));
  const asset = graph.assets.map((_, a) => ofAsset(a));
  return { asset, route, req: ofReq };
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
