/**
 * Dependency diagrams as mermaid flowchart text, and their text alternative.
 *
 * Every register string that reaches the diagram (node labels, edge relations) goes through
 * `mermaidLabel`: letters, digits and spaces stay as they are, every other character becomes a
 * mermaid entity code (`#60;`) inside a double-quoted label. Mermaid's grammar then sees only
 * `[A-Za-z0-9 #;]` between the quotes, so no register string can end a label, add a statement
 * (`click`, `style`, `%%` comments, directives) or carry HTML: mermaid turns each code back into
 * its character only as text, after parsing.
 */
import type { Graph, GraphNode } from '@crr/core';

/** Mermaid's own limits (set by `mermaid.initialize` in static/js/diagrams.mjs). */
export const MERMAID_MAX_EDGES = 500;
export const MERMAID_MAX_TEXT = 50_000;

/** What this site allows itself, with room to spare under mermaid's limits. */
export const DIAGRAM_MAX_EDGES = 400;
export const DIAGRAM_MAX_TEXT = 40_000;
/** Longer labels are shortened in the drawing (the table beside it has them in full). */
export const LABEL_MAX_CHARS = 80;

const SAFE = /^[A-Za-z0-9 ]$/;

/** A label as mermaid text: the characters outside `[A-Za-z0-9 ]` written as `#<decimal>;`, in double quotes. */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const ch of text) out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return `"${out}"`;
}

/** Shortens a label to `max` characters (code points), ending in an ellipsis. */
export function shorten(text: string, max = LABEL_MAX_CHARS): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  return chars.slice(0, max - 1).join('').trimEnd() + '\u2026';
}

export const FAILURE_POINT_SUFFIX = ' (failure point)';

/** The label a node carries in the drawing and in the table: failure points say so in words. */
export function nodeText(node: Pick<GraphNode, 'label' | 'failurePoint'>): string {
  const label = node.label.trim() || '(no name)';
  return node.failurePoint ? label + FAILURE_POINT_SUFFIX : label;
}

/** The node's shape: failure points are hexagons whatever their kind. */
function shape(node: GraphNode, label: string): string {
  if (node.failurePoint) return `{{${label}}}`;
  switch (node.kind) {
    case 'site':
    case 'pcn':
      return `([${label}])`;
    case 'service':
      return `[[${label}]]`;
    case 'group':
      return `(${label})`;
    default:
      return `[${label}]`;
  }
}

/** The mermaid class of a node (colour and stroke), drawn from the classDefs below. */
function className(node: GraphNode): string {
  if (node.failurePoint) return 'fp';
  return node.kind === 'more' ? 'more' : node.kind;
}

const CLASS_DEFS = [
  // NHS palette; every text colour has at least 4.5:1 contrast on its fill.
  'classDef asset fill:#ffffff,stroke:#005eb8,stroke-width:1px,color:#212b32',
  'classDef fp fill:#fde8e6,stroke:#d5281b,stroke-width:3px,color:#212b32',
  'classDef site fill:#e8f1f8,stroke:#003087,stroke-width:2px,color:#212b32',
  'classDef pcn fill:#e8f1f8,stroke:#003087,stroke-width:2px,color:#212b32',
  'classDef service fill:#eef7f1,stroke:#007f3b,stroke-width:2px,color:#212b32',
  'classDef group fill:#f0f4f5,stroke:#4c6272,stroke-width:1px,stroke-dasharray:4 3,color:#212b32',
  'classDef more fill:#f0f4f5,stroke:#768692,stroke-width:1px,stroke-dasharray:2 2,color:#212b32',
];

export interface MermaidOptions {
  maxEdges?: number;
  maxText?: number;
  direction?: 'LR' | 'TD';
}

export interface MermaidResult {
  /** The flowchart text for `<pre class="mermaid">`. */
  text: string;
  /** The relation drawn as bare arrows (the commonest); every other relation labels its arrows. */
  plainRelation?: string;
  /** Edges drawn (those beyond the limits are left out of the drawing, never out of the table). */
  edgesDrawn: number;
  /** Whether this function left edges out to stay within the limits. */
  cut: boolean;
}

/**
 * The mermaid flowchart of a graph. Node ids are `n0…` by position; labels are sanitised;
 * failure points are hexagons, in the red `fp` class, labelled "(failure point)".
 * Stays under `maxEdges` and `maxText` by drawing fewer edges (and only the nodes they touch).
 */
export function toMermaid(graph: Graph, options: MermaidOptions = {}): MermaidResult {
  const maxEdges = Math.min(options.maxEdges ?? DIAGRAM_MAX_EDGES, MERMAID_MAX_EDGES);
  const maxText = Math.min(options.maxText ?? DIAGRAM_MAX_TEXT, MERMAID_MAX_TEXT);
  const ids = new Map<string, string>();
  graph.nodes.forEach((n, i) => ids.set(n.id, `n${i}`));
  const edges = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to));

  const plainRelation = commonest(edges.map((e) => e.relation));
  let count = Math.min(edges.length, maxEdges);
  for (;;) {
    const text = render(graph, edges.slice(0, count), ids, options.direction ?? 'LR', plainRelation);
    if (text.length <= maxText || count === 0) {
      return { text, edgesDrawn: count, cut: count < edges.length, ...(plainRelation !== undefined ? { plainRelation } : {}) };
    }
    // Too long: draw fewer edges, in proportion, and try again.
    count = Math.max(0, Math.min(count - 1, Math.floor((count * maxText) / text.length) - 1));
  }
}

/** The most frequent value (the first of equals in sorted order), if any. */
function commonest(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

function render(graph: Graph, edges: Graph['edges'], ids: Map<string, string>, direction: string, plainRelation: string | undefined): string {
  const used = new Set<string>();
  for (const e of edges) used.add(e.from).add(e.to);
  const nodes = graph.nodes.filter((n) => used.has(n.id) || (edges.length === 0 && graph.nodes.length <= 1) || graph.edges.length === 0);
  const lines = [`flowchart ${direction}`, '  accTitle: Dependency diagram', '  accDescr: The table that follows the diagram lists the same connections as text'];
  const byClass = new Map<string, string[]>();
  for (const n of nodes) {
    const id = ids.get(n.id)!;
    lines.push(`  ${id}${shape(n, mermaidLabel(shorten(nodeText(n))))}`);
    const cls = className(n);
    byClass.set(cls, [...(byClass.get(cls) ?? []), id]);
  }
  for (const e of edges) {
    const arrow = e.relation === plainRelation ? '-->' : `-->|${mermaidLabel(shorten(e.relation, 40))}|`;
    lines.push(`  ${ids.get(e.from)} ${arrow} ${ids.get(e.to)}`);
  }
  lines.push(...CLASS_DEFS.map((d) => `  ${d}`));
  for (const [cls, members] of [...byClass].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) lines.push(`  class ${members.join(',')} ${cls}`);
  return lines.join('\n') + '\n';
}

/** A node as the text alternative shows it: its words, and its page when it has one. */
export interface NodeCell {
  text: string;
  failurePoint: boolean;
  /** Path from the site root, e.g. `assets/vpn-a/index.html` (or `sites/x/index.html#asset-y` for a site-local asset). */
  path?: string;
}

export interface EdgeRow {
  from: NodeCell;
  relation: string;
  to: NodeCell;
}

export interface DiagramView {
  mermaid: string;
  /** What an arrow without a label means. */
  plainRelation?: string;
  rows: EdgeRow[];
  nodes: number;
  edges: number;
  edgesDrawn: number;
  /** Something was left out: by the report (to keep the diagram readable) or here (limits). */
  truncated: boolean;
  /** This site drew fewer edges than the table lists. */
  cut: boolean;
  hasFailurePoints: boolean;
  /** A graph with no edges: nothing worth drawing. */
  empty: boolean;
}

/** `section/slug/index.html` for a node with a page. */
export function nodePath(node: Pick<GraphNode, 'slug' | 'section'>): string | undefined {
  if (!node.slug || !node.section) return undefined;
  return `${node.section}/${node.slug}/index.html`;
}

/** The mermaid text and the edge table of a graph, ready for the templates. */
export function diagramView(graph: Graph, options: MermaidOptions = {}, pathOf?: (node: GraphNode) => string | undefined): DiagramView {
  const byId = new Map(graph.nodes.map((n) => [n.id, n] as const));
  const cell = (id: string): NodeCell => {
    const n = byId.get(id);
    if (!n) return { text: id, failurePoint: false };
    // `pathOf` knows where a record is shown when that is not a page of its own (a site-local asset).
    const path = pathOf?.(n) ?? nodePath(n);
    return { text: nodeText(n), failurePoint: n.failurePoint, ...(path ? { path } : {}) };
  };
  const rows = graph.edges.map((e) => ({ from: cell(e.from), relation: e.relation, to: cell(e.to) }));
  const m = toMermaid(graph, options);
  return {
    mermaid: m.text,
    ...(m.plainRelation !== undefined ? { plainRelation: m.plainRelation } : {}),
    rows,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    edgesDrawn: m.edgesDrawn,
    truncated: graph.truncated || m.cut,
    cut: m.cut,
    hasFailurePoints: graph.nodes.some((n) => n.failurePoint),
    empty: graph.edges.length === 0,
  };
}
