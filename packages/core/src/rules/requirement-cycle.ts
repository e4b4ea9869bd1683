import type { RegisterAsset } from '../model/register.js';
import { walkNeeds } from './needs.js';
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
      const out: string[] = [];
      for (const n of walkNeeds(a.requires)) if (n.kind === 'asset' && byId.has(n.id)) out.push(n.id);
      return out;
    };

    // Iterative depth-first search (registers can be deep); each cycle reported once, at the
    // asset with the smallest id on it.
    const state = new Map<string, 1 | 2>();
    const reported = new Set<string>();
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
          const from = stack.findIndex((f) => f.id === child);
          const cycle = stack.slice(from).map((f) => f.id);
          const anchor = [...cycle].sort()[0]!;
          const rotated = [...cycle.slice(cycle.indexOf(anchor)), ...cycle.slice(0, cycle.indexOf(anchor))];
          const key = rotated.join('\u0000');
          if (!reported.has(key)) {
            reported.add(key);
            const asset = byId.get(anchor)!;
            yield {
              at: asset.source,
              below: asset.site ? [] : ['needs'],
              record: anchor,
              message: `Asset \`${anchor}\` needs itself through ${[...rotated, anchor].map((id) => `\`${id}\``).join(' → ')}.`,
              hint: 'Remove the need that points the wrong way, so that dependencies run one way only.',
            };
          }
        } else if (s === undefined) {
          state.set(child, 1);
          stack.push({ id: child, next: deps(byId.get(child)!), i: 0 });
        }
      }
    }
  },
});

