import type { DependencyGraph, Req } from '../analysis/graph.js';
import type { Graph, GraphEdge, GraphNode } from './report-data.js';
import type { SectionSlugs } from './section-slugs.js';
import { countOf } from '../words/count.js';

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
  /** Nodes some edge touches: what the diagram draws. */
  private readonly used = new Set<string>();
  truncated = false;

  /** `maxNodes`: at most this many nodes drawn; an edge that would draw more is left out. Likewise `maxEdges`. */
  constructor(
    private readonly maxNodes = Infinity,
    private readonly maxEdges = MAX_EDGES,
  ) {}

  node(key: string, make: () => Omit<GraphNode, 'id'>): string {
    let n = this.nodes.get(key);
    if (!n) this.nodes.set(key, (n = { id: `n${this.nodes.size}`, ...make() }));
    return n.id;
  }

  /** Whether an edge touches the node. */
  drawn(id: string): boolean {
    return this.used.has(id);
  }

  /** Whether `fresh` more nodes may still be drawn. */
  canAdd(fresh: number): boolean {
    return this.used.size + fresh <= this.maxNodes;
  }

  edge(from: string, to: string, relation: string): boolean {
    const key = `${from}>${to}`;
    if (this.edges.has(key)) return true;
    const fresh = (this.used.has(from) ? 0 : 1) + (this.used.has(to) || to === from ? 0 : 1);
    if (this.edges.size >= this.maxEdges || !this.canAdd(fresh)) {
      this.truncated = true;
      return false;
    }
    this.used.add(from).add(to);
    this.edges.set(key, { from, to, relation });
    return true;
  }

  get full(): boolean {
    return this.edges.size >= this.maxEdges;
  }

  build(): Graph {
    // Only nodes that an edge touches, unless the graph is a single node.
    const used = this.used;
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

/** A site's routes: site → service (by name) → what each needs, two levels of assets' own needs. */
export function siteGraph(graph: DependencyGraph, slugs: NodeSlugs, site: number, routes: readonly number[], failurePoints: ReadonlySet<number>, serviceName: (id: string) => string = (id) => id): Graph {
  const g = new GraphBuilder();
  const s = graph.sites[site]!;
  const root = g.node('site', () => ({ label: s.name, kind: 'site', failurePoint: false }));
  for (const r of routes) {
    const route = graph.routes[r]!;
    const slug = slugs.services.get(route.service);
    const svc = g.node(`svc:${route.service}`, () => ({ label: serviceName(route.service), kind: 'service', failurePoint: false, ...(slug ? { slug, section: 'services' as const } : {}) }));
    g.edge(root, svc, 'uses');
    for (const n of route.needs) addReq(g, graph, slugs, svc, n, 'needs', failurePoints, 2);
  }
  // A route is a chain several assets deep and a practice has a handful of services: drawn left
  // to right it is scaled to a third of the page (labels about 5 px); top-down it keeps its size.
  return { ...g.build(), direction: 'TD' };
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

/** The overview draws at most this many nodes: past it a diagram is no longer read, only scrolled. */
export const OVERVIEW_MAX_NODES = 150;
/** At most this many groups of sites (PCNs, ICBs or regions) are drawn, each its own node. */
export const OVERVIEW_MAX_GROUPS = 45;
/**
 * And at most this many connections: the national overview, 42 ICBs to 54 shared assets at
 * 300 edges, took six seconds to draw in Chromium and could not be followed by eye.
 */
export const OVERVIEW_MAX_EDGES = 150;

/** Sites grouped at one level of the NHS geography, lowest first. */
export interface OverviewLevel {
  /** The groups' word, plural: "PCNs", "ICBs", "regions". */
  noun: string;
  groups: readonly { id: string; name: string; slug?: string; section?: 'pcns' | 'regions' | 'icbs'; sites: readonly number[] }[];
}

/**
 * The overview: the register's sites rolled up to the lowest level whose groups fit, with their
 * links to the shared assets they reach first (PCNs, then ICBs, then regions, else one node);
 * each group → the shared assets its routes reach first, and the shared assets' own needs; at
 * most OVERVIEW_MAX_NODES nodes and OVERVIEW_MAX_EDGES edges, the shared assets most sites reach
 * first. Site-local assets are left out. The note says in words what was rolled up and
 * left out, and where the rest is listed.
 */
export function overviewGraph(
  graph: DependencyGraph,
  slugs: NodeSlugs,
  levels: readonly OverviewLevel[],
  assetsOfRoute: readonly (readonly number[])[],
  routesOfSite: readonly (readonly number[])[],
  failurePoints: ReadonlySet<number>,
): Graph {
  const g = new GraphBuilder(OVERVIEW_MAX_NODES, OVERVIEW_MAX_EDGES);
  const shared = (a: number) => !graph.assets[a]!.site;
  const siteCount = new Set(levels.flatMap((l) => l.groups.flatMap((x) => x.sites))).size;
  // Each group's first shared assets: those no other shared asset on its routes needs.
  const firstSharedOf = (groups: OverviewLevel['groups']): number[][] =>
    groups.map((p) => {
      const reached = new Set<number>();
      for (const s of p.sites) for (const r of routesOfSite[s] ?? []) for (const a of assetsOfRoute[r]!) if (shared(a)) reached.add(a);
      const inner = new Set<number>();
      for (const a of reached) for (const n of graph.assetNeeds[a]!) collectAssets(n, inner);
      return [...reached].filter((a) => !inner.has(a)).sort((x, y) => x - y);
    });
  // The lowest level whose groups fit and whose links to their first shared assets fit in the
  // edges: 42 ICBs each drawn to the same few national assets would leave no room for the rest.
  const fitting = levels.filter((l) => l.groups.length > 0 && l.groups.length <= OVERVIEW_MAX_GROUPS);
  const chosen = fitting.map((l) => ({ l, first: firstSharedOf(l.groups) })).find((c, i, all) => i === all.length - 1 || c.first.reduce((n, f) => n + f.length, 0) <= OVERVIEW_MAX_EDGES);
  const level = chosen?.l;
  const all = levels[0]?.groups.flatMap((x) => x.sites) ?? [];
  const groups = level ? level.groups : all.length ? [{ id: '*', name: `${siteCount} sites`, sites: all }] : [];
  const practices = [...new Set(levels.flatMap((l) => l.groups.flatMap((x) => x.sites)))].filter((s) => graph.sites[s]!.type === 'practice').length;
  const sitesText = practices === siteCount ? countWords(practices, 'practice') : `${countWords(siteCount, 'site')} (${countWords(practices, 'practice')})`;
  const said: string[] = [];
  // A PCN level with one group per PCN is the register drawn as it is; anything else is rolled up.
  if (level && level !== levels[0]) said.push(`${sitesText} shown as their ${countWords(groups.length, level.noun.replace(/s$/, ''), level.noun)}`);
  else if (!level && groups.length) said.push(`${sitesText} shown as one node`);

  const firstOf = chosen?.first ?? firstSharedOf(groups);
  // The shared assets most groups reach come first when not all fit.
  const weight = new Map<number, number>();
  groups.forEach((p, i) => {
    for (const a of firstOf[i]!) weight.set(a, (weight.get(a) ?? 0) + p.sites.length);
  });
  const groupNode = (p: (typeof groups)[number]) =>
    g.node(`group:${p.id}`, () => ({ label: p.name, kind: 'pcn', failurePoint: false, ...(p.slug && p.section ? { slug: p.slug, section: p.section } : {}) }));
  for (const p of groups) groupNode(p);
  const firstAssets = [...weight.keys()].sort((x, y) => weight.get(y)! - weight.get(x)! || x - y);
  for (const a of firstAssets)
    groups.forEach((p, i) => {
      if (firstOf[i]!.includes(a)) g.edge(groupNode(p), assetNode(g, graph, slugs, a, failurePoints), 'needs');
    });
  // The needs of the assets drawn already first, then of the others while there is room.
  let sharedTotal = 0;
  const rest: number[] = [];
  for (let a = 0; a < graph.assets.length; a++) {
    if (!shared(a)) continue;
    sharedTotal++;
    if (!g.drawn(assetNode(g, graph, slugs, a, failurePoints))) rest.push(a);
    else for (const n of graph.assetNeeds[a]!) addReq(g, graph, slugs, assetNode(g, graph, slugs, a, failurePoints), n, 'needs', failurePoints, 0);
  }
  for (const a of rest) for (const n of graph.assetNeeds[a]!) addReq(g, graph, slugs, assetNode(g, graph, slugs, a, failurePoints), n, 'needs', failurePoints, 0);
  const built = g.build();
  const drawn = built.nodes.filter((n) => n.kind === 'asset').length;
  if (drawn < sharedTotal) said.push(`${countWords(drawn, 'shared asset')} of ${sharedTotal.toLocaleString('en-GB')} drawn, those the most sites rely on first`);
  if (!said.length) return built;
  return {
    ...built,
    truncated: built.truncated || drawn < sharedTotal || said.length > 0,
    note: `${sentence(said.join('; '))}; site-local assets are left out. The table below lists the connections drawn; every asset is on the assets page.`,
    noteHref: 'assets/index.html',
  };
}

function countWords(n: number, one: string, many?: string): string {
  return countOf(n, one, many);
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
