import type { DependencyGraph, Req } from './graph.js';
import { trampoline } from './trampoline.js';

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
  const store: AssetStateStore = { get: (a) => state[a]!, set: (a, s) => (state[a] = s) };
  const works = assetEvaluator(graph, failed, store);
  for (let a = 0; a < graph.assets.length; a++) works(a);
  return state.map((s) => (s === 2 ? 1 : 0));
}

/** Where asset states are kept while they are evaluated: 0 or undefined unknown, 1 in progress, 2 works, 3 down. */
export interface AssetStateStore {
  get(a: number): number | undefined;
  set(a: number, s: 1 | 2 | 3): void;
}

/**
 * A function telling whether an asset works, evaluating (and storing) the states of what it needs on the way. Needs
 * can chain thousands deep, so this is not recursion: generators yield the asset they need next
 * and `trampoline` runs them, in the order and with the short cuts (`every`, `some`) that
 * recursion would take. An asset in progress (a cycle) does not work.
 */
export function assetEvaluator(graph: DependencyGraph, failed: ReadonlySet<number>, store: AssetStateStore): (a: number) => boolean {
  type Step = Generator<number, boolean, boolean>;
  const known = (x: number): boolean | undefined => {
    const s = store.get(x);
    if (s === 2) return true;
    if (s === 3 || s === 1) return false;
    if (failed.has(x)) {
      store.set(x, 3);
      return false;
    }
    if (graph.assetNeeds[x]!.length === 0) {
      store.set(x, 2);
      return true;
    }
    return undefined;
  };
  function* worksOf(x: number): Step {
    store.set(x, 1);
    let ok = true;
    for (const r of graph.assetNeeds[x]!) {
      if (!(yield* holdsOf(r))) {
        ok = false;
        break;
      }
    }
    store.set(x, ok ? 2 : 3);
    return ok;
  }
  function* holdsOf(r: Req): Step {
    switch (r.kind) {
      case 'asset':
        return yield r.a;
      case 'never':
        return false;
      case 'all':
        for (const m of r.members) if (!(yield* holdsOf(m))) return false;
        return true;
      case 'any':
        for (const m of r.members) if (yield* holdsOf(m)) return true;
        return false;
      case 'atLeast': {
        let n = 0;
        for (const m of r.members) if ((yield* holdsOf(m)) && ++n >= r.k) break;
        return n >= r.k;
      }
    }
  }
  return (a: number): boolean => trampoline(a, known, worksOf);
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
