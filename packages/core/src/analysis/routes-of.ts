import type { DependencyGraph, Req } from './graph.js';

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
  // run on an explicit stack by `run` in the order plain recursion would take (see cut-sets.ts).
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
  const run = (need: Need): Found => {
    const first = known(need);
    if (first) return first;
    const stack: Step[] = ['asset' in need ? ofAsset(need.asset) : ofReq(need.req)];
    let input: Found = [[], []];
    while (stack.length) {
      const step = stack[stack.length - 1]!.next(input);
      if (step.done) {
        stack.pop();
        input = step.value;
        continue;
      }
      const value = known(step.value);
      if (value) input = value;
      else stack.push('asset' in step.value ? ofAsset(step.value.asset) : ofReq(step.value.req));
    }
    return input;
  };

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
