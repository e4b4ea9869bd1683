/**
 * A requirement tree as nested items, for the site pages' route lists: the same words as
 * `reqLines` (the text alternative), but structured, so the site never parses text back.
 */
import type { DependencyGraph, Req } from '../analysis/graph.js';
import type { RouteNode } from './report-data.js';

/**
 * `slugs` gives each asset's page; `failurePoints` the asset ids that are failure points of the
 * route. An `all of` group is a node of its own, as in the text.
 */
export function routeTree(graph: DependencyGraph, reqs: readonly Req[], slugs: ReadonlyMap<string, string>, failurePoints: ReadonlySet<string>): RouteNode[] {
  return reqs.map((r): RouteNode => {
    switch (r.kind) {
      case 'asset': {
        const asset = graph.assets[r.a]!;
        const slug = slugs.get(asset.id);
        return { text: `${asset.name} (${asset.id})`, failurePoint: failurePoints.has(asset.id), children: [], ...(slug ? { assetSlug: slug } : {}) };
      }
      case 'never':
        return { text: `${r.what} (missing: never works)`, failurePoint: false, children: [] };
      case 'all':
        return { text: 'all of:', failurePoint: false, children: routeTree(graph, r.members, slugs, failurePoints) };
      case 'any':
      case 'atLeast':
        return { text: `${r.kind === 'any' ? 'any one of' : `at least ${r.k} of`}${r.name ? ` (${r.name})` : ''}:`, failurePoint: false, children: routeTree(graph, r.members, slugs, failurePoints) };
    }
  });
}
