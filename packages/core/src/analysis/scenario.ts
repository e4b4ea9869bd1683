import type { Register } from '../model/register.js';
import type { Selector } from '../model/selector.js';
import { evaluateAccess } from './access.js';
import { buildGraph } from './graph.js';
import { reachOf, type Reach } from './reach.js';
import { indexRoutes } from './routes-of.js';
import { selectAssets } from './selector-match.js';
import { routesCutBy } from './what-if.js';

export type FailureSpec = { asset: string } | { selector: Selector; text: string };

export interface WhatIf {
  /** What was failed, as asked, and the assets each part picked out. */
  failed: { spec: string; assets: string[] }[];
  reach: Reach;
  /** Each (site, service) pair cut, sorted. */
  cut: { site: string; service: string }[];
}

/** A what-if scenario: fail these assets (by id or selector) together; what is cut, where, for how many patients. */
export function whatIf(register: Register, specs: readonly FailureSpec[]): WhatIf {
  const graph = buildGraph(register);
  const index = indexRoutes(graph);
  const baseline = evaluateAccess(graph, new Set());
  const failed: WhatIf['failed'] = [];
  const all = new Set<number>();
  for (const spec of specs) {
    const picked = 'asset' in spec ? [graph.assetIndex.get(spec.asset)].filter((a): a is number => a !== undefined) : selectAssets(spec.selector, graph.assets);
    for (const a of picked) all.add(a);
    failed.push({ spec: 'asset' in spec ? spec.asset : spec.text, assets: picked.map((a) => graph.assets[a]!.id).sort() });
  }
  const routes = routesCutBy(graph, index, [...all].sort((a, b) => a - b), baseline);
  return {
    failed,
    reach: reachOf(graph, routes),
    cut: routes
      .map((r) => ({ site: graph.sites[graph.routes[r]!.site]!.id, service: graph.routes[r]!.service }))
      .sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : a.service < b.service ? -1 : a.service > b.service ? 1 : 0)),
  };
}
