import type { DependencyGraph, Req } from '../analysis/graph.js';
import type { Graph, GraphEdge, GraphNode } from './report-data.js';
import type { SectionSlugs } from './section-slugs.js';

/** The pages a diagram's nodes link to. */
type NodeSlugs = Pick<SectionSlugs, 'assets' | 'services'>;

/**
 * Scoped dependency diagrams: a site's routes, an asset's neighbourhood, a roll-up for the
 * overview. Each stays well inside mermaid's limits (500 edges, 50,000 characters) by
 * construction and says when it left something out.
 */
export const MAX_EDGES = 300;

class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  truncated = false;

  node(key: string, make: () => Omit<GraphNode, 'id'>): string {
    let n = this.nodes.get(key);
    if (!n) this.nodes.set(key, (n = { id: `n${this.nodes.size}`, ...make() }));
    return n.id;
  }

  edge(from: string, to: string, relation: string): boolean {
    const key = `${from}>${to}`;
    if (this.edges.has(key)) return true;
    if (this.edges.size >= MAX_EDGES) {
      this.truncated = true;
      return false;
    }
    this.edges.set(key, { from, to, relation });
    return true;
  }

  get full(): boolean {
    return this.edges.size >= MAX_EDGES;
  }

  build(): Graph {
    // Only nodes that an edge touches, unless the graph is a single node.
    const used = new Set<string>();
    for (const e of this.edges.values()) used.add(e.from).add(e.to);
    const nodes = [...this.nodes.values()].filter((n) => used.has(n.id) || this.nodes.size === 1);
    return { nodes, edges: [...this.edges.values()], truncated: this.truncated };
  }
}

function assetNode(g: GraphBuilder, graph: DependencyGraph, slugs: NodeSlugs, a: number, failurePoints: ReadonlySet<number>): string {
  const asset = graph.assets[a]!;
  const slug = slugs.assets.get(asset.id);
  return g.node(`a${a}`, () => ({ label: asset.name, kind: 'asset', failurePoint: failurePoints.has(a), ...(slug ? { slug, section: 'assets' as const } : {}) }));
}

function groupLabel(r: Req & { kind: 'any' | 'atLeast' }): string {
  return r.name ?? (r.kind === 'any' ? 'any one of' : `at least ${r.k} of`);
}

/** Add a requirement under `parent`; returns false when the diagram is full. */
function addReq(g: GraphBuilder, graph: DependencyGraph, slugs: NodeSlugs, parent: string, r: Req, relation: string, failurePoints: ReadonlySet<number>, depth: number): void {
  if (g.full) {
    g.truncated = true;
    return;
  }
  switch (r.kind) {
    case 'asset': {
      const id = assetNode(g, graph, slugs, r.a, failurePoints);
      if (!g.edge(parent, id, relation)) return;
      if (depth > 0) for (const n of graph.assetNeeds[r.a]!) addReq(g, graph, slugs, id, n, 'needs', failurePoints, depth - 1);
      else if (graph.assetNeeds[r.a]!.length) g.truncated = true;
      return;
    }
    case 'never':
      g.edge(parent, g.node(`never:${r.what}`, () => ({ label: `${r.what} (missing)`, kind: 'more', failurePoint: true })), relation);
      return;
    case 'all':
      for (const m of r.members) addReq(g, graph, slugs, parent, m, relation, failurePoints, depth);
      return;
    case 'any':
    case 'atLeast': {
      const id = g.node(`g${r.id}`, () => ({ label: groupLabel(r), kind: 'group', failurePoint: false }));
      if (!g.edge(parent, id, relation)) return;
      const rel = r.kind === 'any' ? 'any one of' : `at least ${r.k} of`;
      for (const m of r.members) addReq(g, graph, slugs, id, m, rel, failurePoints, depth);
      return;
    }
  }
}

/** A site's routes: site → service → what each needs, two levels of assets' own needs. */
export function siteGraph(graph: DependencyGraph, slugs: NodeSlugs, site: number, routes: readonly number[], failurePoints: ReadonlySet<number>): Graph {
  const g = new GraphBuilder();
  const s = graph.sites[site]!;
  const root = g.node('site', () => ({ label: s.name, kind: 'site', failurePoint: false }));
  for (const r of routes) {
    const route = graph.routes[r]!;
    const slug = slugs.services.get(route.service);
    const svc = g.node(`svc:${route.service}`, () => ({ label: route.service, kind: 'service', failurePoint: false, ...(slug ? { slug, section: 'services' as const } : {}) }));
    g.edge(root, svc, 'uses');
    for (const n of route.needs) addReq(g, graph, slugs, svc, n, 'needs', failurePoints, 2);
  }
  return g.build();
}

/**
 * An asset's neighbourhood: what it needs (two levels), what needs it directly (up to 12, then
 * a "more" node), and the sites that use it, summarised as one node.
 */
export function assetGraph(graph: DependencyGraph, slugs: NodeSlugs, a: number, neededBy: readonly number[], sitesUsing: number, failurePoints: ReadonlySet<number>): Graph {
  const g = new GraphBuilder();
  const self = assetNode(g, graph, slugs, a, failurePoints);
  for (const n of graph.assetNeeds[a]!) addReq(g, graph, slugs, self, n, 'needs', failurePoints, 2);
  const shown = neededBy.slice(0, 12);
  for (const b of shown) g.edge(assetNode(g, graph, slugs, b, failurePoints), self, 'needs');
  if (neededBy.length > shown.length) {
    g.edge(g.node('more', () => ({ label: `${neededBy.length - shown.length} more assets`, kind: 'more', failurePoint: false })), self, 'need');
    g.truncated = true;
  }
  if (sitesUsing > 0) g.edge(g.node('sites', () => ({ label: `${sitesUsing} site${sitesUsing === 1 ? '' : 's'}`, kind: 'more', failurePoint: false })), self, 'route through');
  return g.build();
}

/**
 * The overview: PCNs (or, past a dozen, one node for all of them) → the shared assets their
 * routes reach directly, and the shared assets' own needs. Site-local assets are left out.
 */
export function overviewGraph(
  graph: DependencyGraph,
  slugs: NodeSlugs,
  pcns: readonly { id: string; name: string; slug: string; sites: readonly number[] }[],
  assetsOfRoute: readonly (readonly number[])[],
  routesOfSite: readonly (readonly number[])[],
  failurePoints: ReadonlySet<number>,
): Graph {
  const g = new GraphBuilder();
  const shared = (a: number) => !graph.assets[a]!.site;
  const many = pcns.length > 12;
  const groups = many ? [{ id: '*', name: `${pcns.length} PCNs`, slug: '', sites: pcns.flatMap((p) => p.sites) }] : pcns;
  for (const p of groups) {
    const pid = g.node(`pcn:${p.id}`, () => ({ label: p.name, kind: 'pcn', failurePoint: false, ...(p.slug ? { slug: p.slug, section: 'pcns' as const } : {}) }));
    // The shared assets the PCN's routes need first: those no other shared asset on the route needs.
    const reached = new Set<number>();
    for (const s of p.sites) for (const r of routesOfSite[s] ?? []) for (const a of assetsOfRoute[r]!) if (shared(a)) reached.add(a);
    const inner = new Set<number>();
    for (const a of reached) for (const n of graph.assetNeeds[a]!) collectAssets(n, inner);
    for (const a of [...reached].sort((x, y) => x - y)) if (!inner.has(a)) g.edge(pid, assetNode(g, graph, slugs, a, failurePoints), 'needs');
  }
  for (let a = 0; a < graph.assets.length; a++) {
    if (!shared(a)) continue;
    for (const n of graph.assetNeeds[a]!) addReq(g, graph, slugs, assetNode(g, graph, slugs, a, failurePoints), n, 'needs', failurePoints, 0);
  }
  return g.build();
}

function collectAssets(r: Req, into: Set<number>): void {
  if (r.kind === 'asset') into.add(r.a);
  else if (r.kind !== 'never') for (const m of r.members) collectAssets(m, into);
}

/** A requirement tree as indented lines of text: the text alternative of a route. */
export function reqLines(graph: DependencyGraph, reqs: readonly Req[], indent = ''): string[] {
  const out: string[] = [];
  for (const r of reqs) {
    switch (r.kind) {
      case 'asset': {
        const asset = graph.assets[r.a]!;
        out.push(`${indent}${asset.name} (${asset.id})`);
        break;
      }
      case 'never':
        out.push(`${indent}${r.what} (missing: never works)`);
        break;
      case 'all':
        out.push(`${indent}all of:`);
        for (const line of reqLines(graph, r.members, indent + '  ')) out.push(line);
        break;
      case 'any':
      case 'atLeast':
        out.push(`${indent}${r.kind === 'any' ? 'any one of' : `at least ${r.k} of`}${r.name ? ` (${r.name})` : ''}:`);
        for (const line of reqLines(graph, r.members, indent + '  ')) out.push(line);
        break;
    }
  }
  return out;
}
