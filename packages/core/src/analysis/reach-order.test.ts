import { describe, expect, it } from 'vitest';
import { loadRegister } from '../load/load-register.js';
import { sourceFromText } from '../source/source-file.js';
import { buildGraph } from './graph.js';
import { reachOf } from './reach.js';

// reachOf sorts a reach's sites by their position in id order, computed once per graph, rather
// than sorting id strings each time: the result must be exactly what a plain string sort gives.
const IDS = ['b10', 'B2', 'a', 'b2', 'Z', 'e1', 'e_1', 'a-1', 'a1', '10', '9', 'A'];

function graph() {
  const sites = IDS.map((id, i) => `  - { id: "${id}", type: practice, name: S${i}, ods: X${String(i).padStart(5, '0')}, pcn: pcn-x, listSize: ${100 + i}, routes: { patient-record: [core] } }`).join('\n');
  const text = `register: { id: t, title: T, version: "1", organisation: pcn-x, cso: { name: C, registration: { body: GMC, number: "1" } } }
organisations:
  - { id: pcn-x, type: pcn, name: X PCN }
services:
  - { id: patient-record, name: Patient record }
assets:
  - { id: core, type: data-centre-service, name: Core }
sites:
${sites}`;
  const { register, diagnostics } = loadRegister([sourceFromText('register.yaml', text)]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join('\n'));
  return buildGraph(register);
}

describe('reach: sites in id order', () => {
  it('lists every site as a plain string sort would, whatever order the routes come in', () => {
    const g = graph();
    const all = g.routes.map((_, i) => i);
    const expected = g.sites.map((s) => s.id).sort();
    expect(reachOf(g, all).sites).toEqual(expected);
    expect(reachOf(g, [...all].reverse()).sites).toEqual(expected);
  });

  it('lists a subset in the same order, from the order kept for the graph', () => {
    const g = graph();
    const some = [7, 0, 3, 11, 5, 2];
    const first = reachOf(g, some).sites;
    expect(first).toEqual(some.map((i) => g.sites[g.routes[i]!.site]!.id).sort());
    expect(reachOf(g, [11, 5, 2, 7, 3, 0]).sites).toEqual(first);
  });
});
