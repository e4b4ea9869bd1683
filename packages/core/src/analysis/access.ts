import type { DependencyGraph, Req } from './graph.js';

/**
 * Which routes work when the given assets have failed. One evaluation visits every asset and
 * every distinct requirement node once: O(size of the graph). An asset on a dependency cycle
 * (which validation reports) is taken not to work while its own evaluation is in progress.
 */
export function evaluateAccess(graph: DependencyGraph, failed: ReadonlySet<number>): Uint8Array {
  const works = assetStates(graph, failed);
  const memo = new Map<Req, boolean>();
  const holds = (r: Req): boolean => reqHolds(r, works, memo);
  const out = new Uint8Array(graph.routes.length);
  graph.routes.forEach((route, i) => {
    out[i] = route.needs.every(holds) ? 1 : 0;
  });
  return out;
}

/** Whether each asset works, given the failed ones. */
export function assetStates(graph: DependencyGraph, failed: ReadonlySet<number>): Uint8Array {
  // 0 unknown, 1 in progress, 2 works, 3 down
  const state = new Uint8Array(graph.assets.length);
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
  for (let a = 0; a < graph.assets.length; a++) works(a);
  return state.map((s) => (s === 2 ? 1 : 0));
}

type Works = ((a: number) => boolean) | Uint8Array;

export function reqHolds(r: Req, works: Works, memo: Map<Req, boolean>): boolean {
  const known = memo.get(r);
  if (known !== undefined) return known;
  let v: boolean;
  switch (r.kind) {
    case 'asset':
      v = typeof works === 'function' ? works(r.a) : works[r.a] === 1;
      break;
    case 'never':
      v = false;
      break;
    case 'all':
      v = r.members.every((m) => reqHolds(m, works, memo));
      break;
    case 'any':
      v = r.members.some((m) => reqHolds(m, works, memo));
      break;
    case 'atLeast': {
      let n = 0;
      for (const m of r.members) if (reqHolds(m, works, memo) && ++n >= r.k) break;
      v = n >= r.k;
      break;
    }
  }
  // Asset states may still be in progress during `assetStates`; only memoise there what cannot change.
  if (typeof works !== 'function') memo.set(r, v);
  return v;
}
