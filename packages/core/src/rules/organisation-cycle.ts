import type { Organisation } from '../model/organisation.js';
import type { Sourced } from '../model/register.js';
import { defineRule } from './rule.js';

export const organisationCycle = defineRule({
  code: 'CRR-E060',
  name: 'organisation-cycle',
  severity: 'error',
  title: 'An organisation sits under itself',
  explanation:
    'Each organisation\'s `parent` is the one it sits under (PCN → sub-ICB → ICB), so following parents must end at the top. An organisation that is its own parent, or its own ancestor through others, has no place in the hierarchy: accountability for it and for everything under it leads nowhere. Usually one `parent` points the wrong way; remove or correct it.',
  *check({ register }) {
    const byId = new Map<string, Sourced<Organisation>>();
    for (const o of register.organisations) if (!byId.has(o.id)) byId.set(o.id, o);

    // Follow each chain of parents once. A chain that comes back to an organisation on it is a
    // cycle; each cycle is reported once, at the `parent` of its smallest id.
    const done = new Set<string>();
    const cycles: string[][] = [];
    for (const start of [...byId.keys()].sort()) {
      const path: string[] = [];
      const onPath = new Map<string, number>();
      let id: string | undefined = start;
      while (id !== undefined && !done.has(id)) {
        const at = onPath.get(id);
        if (at !== undefined) {
          const cycle = path.slice(at);
          const anchor = [...cycle].sort()[0]!;
          const i = cycle.indexOf(anchor);
          cycles.push([...cycle.slice(i), ...cycle.slice(0, i)]);
          break;
        }
        onPath.set(id, path.length);
        path.push(id);
        const parent: string | undefined = byId.get(id)?.parent;
        id = parent !== undefined && byId.has(parent) ? parent : undefined;
      }
      for (const p of path) done.add(p);
    }

    for (const cycle of cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : 1))) {
      const anchor = cycle[0]!;
      const org = byId.get(anchor)!;
      const message =
        cycle.length === 1
          ? `Organisation \`${anchor}\` (${org.name}) is its own \`parent\`, so it sits under itself and the hierarchy above it leads nowhere.`
          : `Organisation \`${anchor}\` (${org.name}) sits under itself: following \`parent\` leads ${[...cycle, anchor].map((id) => `\`${id}\``).join(' → ')}, so none of them has a place in the hierarchy.`;
      yield {
        at: org.source,
        below: ['parent'],
        record: anchor,
        message,
        hint: 'Correct the `parent` that points the wrong way (a PCN sits under a sub-ICB or ICB, never the other way round), or remove it.',
      };
    }
  },
});
