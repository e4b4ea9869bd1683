import type { RegisterAsset } from '../model/register.js';
import { walkNeeds, whereKey } from './needs.js';
import { defineRule } from './rule.js';

export const requirementCycle = defineRule({
  code: 'CRR-E033',
  name: 'requirement-cycle',
  severity: 'error',
  title: 'Assets need each other in a circle',
  explanation:
    'If A needs B and B needs A, neither can be said to work first, and no failure analysis is possible. Usually one of the needs is really a dependency the other way round; remove it.',
  *check({ register }) {
    const byId = new Map<string, RegisterAsset>();
    for (const a of register.assets) if (!byId.has(a.id)) byId.set(a.id, a);
    const deps = (a: RegisterAsset): string[] => {
      if (a.requires.length === 0) return [];
      const out: string[] = [];
      for (const n of walkNeeds(a.requires)) if (n.kind === 'asset' && byId.has(n.id)) out.push(n.id);
      return out;
    };

    // Iterative depth-first search (registers can be deep). Each cycle is found once, rotated to
    // start at its smallest id; cycles written once in a profile's local-asset templates repeat at
    // every site on the profile, so they are grouped by where their assets were written.
    const state = new Map<string, 1 | 2>();
    const cycles = new Map<string, string[]>();
    const ids = [...byId.keys()].sort();
    for (const start of ids) {
      if (state.has(start)) continue;
      const stack: { id: string; next: string[]; i: number }[] = [{ id: start, next: deps(byId.get(start)!), i: 0 }];
      state.set(start, 1);
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        if (top.i >= top.next.length) {
          state.set(top.id, 2);
          stack.pop();
          continue;
        }
        const child = top.next[top.i++]!;
        const s = state.get(child);
        if (s === 1) {
          const cycle = stack.slice(stack.findIndex((f) => f.id === child)).map((f) => f.id);
          const anchor = [...cycle].sort()[0]!;
          const rotated = [...cycle.slice(cycle.indexOf(anchor)), ...cycle.slice(0, cycle.indexOf(anchor))];
          cycles.set(rotated.join('\u0000'), rotated);
        } else if (s === undefined) {
          state.set(child, 1);
          stack.push({ id: child, next: deps(byId.get(child)!), i: 0 });
        }
      }
    }

    const places = new Map<string, string[][]>();
    for (const cycle of cycles.values()) {
      const key = cycle.map((id) => whereKey(byId.get(id)!.source)).join('\u0001');
      const list = places.get(key) ?? [];
      list.push(cycle);
      places.set(key, list);
    }
    for (const list of places.values()) {
      const rotated = list[0]!;
      const anchor = rotated[0]!;
      const asset = byId.get(anchor)!;
      const more = list.length > 1 ? ` The same cycle, written once, repeats at ${list.length - 1} other site${list.length === 2 ? '' : 's'}.` : '';
      yield {
        at: asset.source,
        below: asset.site ? [] : ['needs'],
        record: anchor,
        message: `Asset \`${anchor}\` needs itself through ${[...rotated, anchor].map((id) => `\`${id}\``).join(' → ')}.${more}`,
        hint: 'Remove the need that points the wrong way, so that dependencies run one way only.',
      };
    }
  },
});

