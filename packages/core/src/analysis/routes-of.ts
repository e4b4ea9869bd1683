import type { DependencyGraph, Req } from './graph.js';
import { trampoline } from './trampoline.js';

/**
 * For each asset, the routes whose requirement tree reaches it (directly or through other
 * assets' needs); for each redundancy group, the routes that contain it. Lets a what-if
 * re-evaluate only the routes a failure can touch.
 */
export interface RouteIndex {
  routesOfAsset: number[][];
  routesOfGroup: Map<number, number[]>;
  /** Every asset a route reaches, sorted. */
  assetsOfRoute: number[][];
}

export function indexRoutes(graph: DependencyGraph): RouteIndex {
  const reqAssets = new Map<Req, number[]>();
  const reqGroups = new Map<Req, number[]>();
  const assetClosure: (number[] | undefined)[] = new Array(graph.assets.length);
  const assetGroups: (number[] | undefined)[] = new Array(graph.assets.length);
  const busy = new Uint8Array(graph.assets.length);

  // Needs can chain thousands deep: these recurse as generators that yield what they need next,
  // run by `trampoline` (trampoline.ts) in the order plain recursion would take.
  type Found = [number[], number[]];
  type Need = { asset: number } | { req: Req };
  type Step = Generator<Need, Found, Found>;

  function* ofAsset(a: number): Step {
    busy[a] = 1;
    const assets = new Set<number>([a]);
    const groups = new Set<number>();
    for (const r of graph.assetNeeds[a]!) {
      const [as, gs] = yield { req: r };
      for (const x of as) assets.add(x);
      for (const g of gs) groups.add(g);
    }
    busy[a] = 0;
    assetClosure[a] = [...assets].sort((x, y) => x - y);
    assetGroups[a] = [...groups].sort((x, y) => x - y);
    return [assetClosure[a]!, assetGroups[a]!];
  }
  function* ofReq(r: Req): Step {
    let assets: number[] = [];
    let groups: number[] = [];
    if (r.kind === 'asset') [assets, groups] = yield { asset: r.a };
    else if (r.kind !== 'never') {
      const a = new Set<number>();
      const g = new Set<number>();
      if (r.kind === 'any' || r.kind === 'atLeast') g.add(r.id);
      for (const m of r.members) {
        const [ma, mg] = yield { req: m };
        for (const x of ma) a.add(x);
        for (const x of mg) g.add(x);
      }
      assets = [...a].sort((x, y) => x - y);
      groups = [...g].sort((x, y) => x - y);
    }
    reqAssets.set(r, assets);
    reqGroups.set(r, groups);
    return [assets, groups];
  }
  const known = (need: Need): Found | undefined => {
    if ('asset' in need) {
      const a = need.asset;
      if (assetClosure[a]) return [assetClosure[a]!, assetGroups[a]!];
      return busy[a] ? [[a], []] : undefined;
    }
    const assets = reqAssets.get(need.req);
    return assets ? [assets, reqGroups.get(need.req)!] : undefined;
  };
  const start = (need: Need): Step => ('asset' in need ? ofAsset(need.asset) : ofReq(need.req));
  const run = (need: Need): Found => trampoline(need, known, start);

  const routesOfAsset: number[][] = graph.assets.map(() => []);
  const routesOfGroup = new Map<number, number[]>();
  const assetsOfRoute: number[][] = [];
  graph.routes.forEach((route, i) => {
    const a = new Set<number>();
    const g = new Set<number>();
    for (const r of route.needs) {
      const [ra, rg] = run({ req: r });
      for (const x of ra) a.add(x);
      for (const x of rg) g.add(x);
    }
    const sorted = [...a].sort((x, y) => x - y);
    assetsOfRoute.push(sorted);
    for (const x of sorted) routesOfAsset[x]!.push(i);
    for (const x of g) {
      let list = routesOfGroup.get(x);
      if (!list) routesOfGroup.set(x, (list = []));
      list.push(i);
    }
  });
  return { routesOfAsset, routesOfGroup, assetsOfRoute };
}
