import type { Graph, GraphNode } from '@crr/core';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_MAX_EDGES, DIAGRAM_MAX_TEXT, LABEL_MAX_CHARS, diagramView, mermaidLabel, nodePath, shorten, toMermaid } from './diagram.js';

const HOSTILE = [
  '"]; click n0 call alert(1); %%',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '%%{init: {"securityLevel": "loose"}}%%',
  'a"] --> n9["b',
  'end\nclick n0 href "javascript:alert(1)"',
  '`**markdown**` <b>bold</b> &amp; #35; &#60;',
  'style n0 fill:#f00;',
  'classDef x fill:#f00;',
  '\u{1F600} émoji ünïcode',
];

/** What mermaid sees between the quotes: only letters, digits, spaces and `#<decimal>;` codes. */
const SAFE_LABEL = /^"(?:[A-Za-z0-9 ]|#\d+;)*"$/;

/** Turns the entity codes back into characters, as mermaid does. */
const decode = (label: string) => label.slice(1, -1).replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

function node(id: string, label: string, extra: Partial<GraphNode> = {}): GraphNode {
  return { id, label, kind: 'asset', failurePoint: false, ...extra };
}

/** Every line of a flowchart this module writes, by the grammar it is allowed to use. */
const LINE_PATTERNS = [
  /^flowchart (LR|TD)$/,
  /^ {2}accTitle: Dependency diagram$/,
  /^ {2}accDescr: The table that follows the diagram lists the same connections as text$/,
  /^ {2}n\d+(\["(?:[A-Za-z0-9 ]|#\d+;)*"\]|\(\["(?:[A-Za-z0-9 ]|#\d+;)*"\]\)|\[\["(?:[A-Za-z0-9 ]|#\d+;)*"\]\]|\("(?:[A-Za-z0-9 ]|#\d+;)*"\)|\{\{"(?:[A-Za-z0-9 ]|#\d+;)*"\}\})$/,
  /^ {2}n\d+ -->(\|"(?:[A-Za-z0-9 ]|#\d+;)*"\|)? n\d+$/,
  /^ {2}classDef [a-z]+ [a-z0-9:#,.\- ]+$/,
  /^ {2}class n\d+(,n\d+)* [a-z]+$/,
];

describe('mermaidLabel', () => {
  it('keeps letters, digits and spaces, and writes everything else as a decimal entity code in quotes', () => {
    expect(mermaidLabel('VPN concentrator A')).toBe('"VPN concentrator A"');
    expect(mermaidLabel('Y90101/firewall (site-local)')).toBe('"Y90101#47;firewall #40;site#45;local#41;"');
    expect(mermaidLabel('')).toBe('""');
  });

  it.each(HOSTILE)('leaves nothing of %j that mermaid or HTML could read as syntax', (text) => {
    const label = mermaidLabel(text);
    expect(label).toMatch(SAFE_LABEL);
    expect(decode(label)).toBe(text);
    // (Words such as "click" may stay: between the quotes they are only text.)
    for (const bad of ['<', '>', '"]', '%%', ':', '=', '`', '\n', '{', '}', '[', ']', '|', '&', '(', ')', '"', ';;']) {
      expect(label.slice(1, -1)).not.toContain(bad);
    }
  });

  it('writes characters outside the basic plane as one code', () => {
    expect(mermaidLabel('\u{1F600}')).toBe('"#128512;"');
  });
});

describe('toMermaid', () => {
  const hostileGraph: Graph = {
    nodes: HOSTILE.map((label, i) => node(`x${i}`, label, { failurePoint: i % 2 === 1, kind: i === 0 ? 'site' : 'asset' })),
    edges: HOSTILE.slice(1).map((label, i) => ({ from: `x${i}`, to: `x${i + 1}`, relation: i % 3 === 0 ? 'needs' : label })),
    truncated: false,
  };

  it('writes only lines of its own small grammar, whatever the labels hold', () => {
    const { text } = toMermaid(hostileGraph);
    for (const line of text.trimEnd().split('\n')) {
      expect(LINE_PATTERNS.some((p) => p.test(line)), line).toBe(true);
    }
    expect(text).not.toMatch(/^\s*(click|style|classDef x|%%)/m);
    expect(text).not.toMatch(/javascript:|<img|%%|onerror=/i);
  });

  it('names nodes n0… by position, whatever ids the graph uses', () => {
    const { text } = toMermaid(hostileGraph);
    expect(text).toContain('  n0(["');
    expect(text).not.toMatch(/\bx\d+\b/);
    expect(text).toContain('  n0 --> n1');
  });

  it('marks failure points by shape (hexagon), colour (class fp) and words', () => {
    const graph: Graph = {
      nodes: [node('n0', 'Medstone Gate core', { failurePoint: true }), node('n1', 'VPN concentrator B'), node('n2', 'any one of', { kind: 'group' }), node('n3', 'Power')],
      edges: [
        { from: 'n1', to: 'n0', relation: 'needs' },
        { from: 'n2', to: 'n1', relation: 'any one of' },
        { from: 'n0', to: 'n3', relation: 'needs' },
      ],
      truncated: false,
    };
    const { text } = toMermaid(graph);
    expect(text).toContain('  n0{{"Medstone Gate core #40;failure point#41;"}}');
    expect(text).toContain('  n1["VPN concentrator B"]');
    expect(text).toContain('  n2("any one of")');
    expect(text).toMatch(/^ {2}classDef fp fill:#[0-9a-f]{6},stroke:#d5281b,/m);
    expect(text).toContain('  class n0 fp');
    expect(text).toContain('  class n1,n3 asset');
    // The commonest relation is drawn as a bare arrow (the legend says what it means); the rest are labelled.
    expect(text).toContain('  n1 --> n0');
    expect(text).toContain('  n2 -->|"any one of"| n1');
    expect(toMermaid(graph).plainRelation).toBe('needs');
  });

  it('stays under the edge limit, drawing the first edges and saying it cut', () => {
    const nodes = Array.from({ length: 700 }, (_, i) => node(`n${i}`, `Asset ${i}`));
    const edges = nodes.slice(1).map((n, i) => ({ from: `n${i}`, to: n.id, relation: 'needs' }));
    const result = toMermaid({ nodes, edges, truncated: false });
    expect(result.edgesDrawn).toBe(DIAGRAM_MAX_EDGES);
    expect(result.cut).toBe(true);
    expect(result.text.match(/-->/g)).toHaveLength(DIAGRAM_MAX_EDGES);
    expect(result.text.length).toBeLessThanOrEqual(DIAGRAM_MAX_TEXT);
  });

  it('stays under the text limit when labels are long and need many codes', () => {
    const long = 'é'.repeat(200);
    const nodes = Array.from({ length: 300 }, (_, i) => node(`n${i}`, `${i} ${long}`, { failurePoint: i % 2 === 0 }));
    const edges = nodes.slice(1).map((n, i) => ({ from: `n${i}`, to: n.id, relation: 'needs' }));
    const result = toMermaid({ nodes, edges, truncated: false });
    expect(result.text.length).toBeLessThanOrEqual(DIAGRAM_MAX_TEXT);
    expect(result.cut).toBe(true);
    expect(result.edgesDrawn).toBeGreaterThan(0);
    // Labels are shortened in the drawing.
    const first = /n0\{\{"([^"]*)"\}\}/.exec(result.text)![1]!;
    expect([...decode(`"${first}"`)].length).toBeLessThanOrEqual(LABEL_MAX_CHARS);
  });

  it('draws a lone node', () => {
    const { text, edgesDrawn } = toMermaid({ nodes: [node('n0', 'Alone')], edges: [], truncated: false });
    expect(text).toContain('  n0["Alone"]');
    expect(edgesDrawn).toBe(0);
  });
});

describe('shorten', () => {
  it('keeps short labels and cuts long ones with an ellipsis', () => {
    expect(shorten('short')).toBe('short');
    expect(shorten('a'.repeat(100), 10)).toBe('aaaaaaaaa\u2026');
    expect(shorten('  spaced \n out  ')).toBe('spaced out');
  });
});

describe('diagramView: the text alternative', () => {
  const graph: Graph = {
    nodes: [
      node('n0', 'Castlegate Medical Centre', { kind: 'site' }),
      node('n1', 'patient-record', { kind: 'service', slug: 'patient-record', section: 'services' }),
      node('n2', 'Castlegate firewall', { failurePoint: true, slug: 'Y90101~firewall', section: 'assets' }),
      node('n3', '48 sites', { kind: 'more' }),
    ],
    edges: [
      { from: 'n0', to: 'n1', relation: 'uses' },
      { from: 'n1', to: 'n2', relation: 'needs' },
      { from: 'n3', to: 'n2', relation: 'route through' },
    ],
    truncated: true,
  };

  it('lists every edge as from, relation, to, with failure points in words and links to node pages', () => {
    const view = diagramView(graph);
    expect(view.rows).toEqual([
      { from: { text: 'Castlegate Medical Centre', failurePoint: false }, relation: 'uses', to: { text: 'patient-record', failurePoint: false, path: 'services/patient-record/index.html' } },
      { from: { text: 'patient-record', failurePoint: false, path: 'services/patient-record/index.html' }, relation: 'needs', to: { text: 'Castlegate firewall (failure point)', failurePoint: true, path: 'assets/Y90101~firewall/index.html' } },
      { from: { text: '48 sites', failurePoint: false }, relation: 'route through', to: { text: 'Castlegate firewall (failure point)', failurePoint: true, path: 'assets/Y90101~firewall/index.html' } },
    ]);
    expect(view).toMatchObject({ nodes: 4, edges: 3, edgesDrawn: 3, truncated: true, cut: false, hasFailurePoints: true, empty: false });
  });

  it('keeps every edge in the table when the drawing is cut', () => {
    const nodes = Array.from({ length: 600 }, (_, i) => node(`n${i}`, `Asset ${i}`));
    const edges = nodes.slice(1).map((n, i) => ({ from: `n${i}`, to: n.id, relation: 'needs' }));
    const view = diagramView({ nodes, edges, truncated: false });
    expect(view.rows).toHaveLength(599);
    expect(view).toMatchObject({ edgesDrawn: DIAGRAM_MAX_EDGES, cut: true, truncated: true });
  });

  it('has a page path only for nodes with a slug and a section', () => {
    expect(nodePath({ slug: 'vpn-a', section: 'assets' })).toBe('assets/vpn-a/index.html');
    expect(nodePath({ slug: 'vpn-a' })).toBeUndefined();
    expect(nodePath({})).toBeUndefined();
  });
});
