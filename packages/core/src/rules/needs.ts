import type { Need, Register, Source } from '../model/register.js';

/** Every need in the register with who holds it: routes first, then assets' own needs. */
export function* allNeedTrees(register: Register): Generator<{ holder: string; needs: Need[]; at: Source }> {
  for (const r of register.routes) yield { holder: `the ${r.service} route of site \`${r.site}\``, needs: r.requires, at: r.at };
  for (const a of register.assets) if (a.requires.length) yield { holder: `asset \`${a.id}\``, needs: a.requires, at: a.source };
}

/** Depth-first over a need tree, each distinct node once (profile templates share nodes). */
export function* walkNeeds(needs: readonly Need[], seen = new WeakSet<Need>()): Generator<Need> {
  const stack = [...needs].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    yield n;
    if (n.kind === 'all' || n.kind === 'any' || n.kind === 'atLeast') for (let i = n.members.length - 1; i >= 0; i--) stack.push(n.members[i]!);
  }
}

/** A key that says where a node was written, to report a shared profile node once, not per site. */
export const whereKey = (at: Source) => `${at.file}\u0000${at.path.join('\u0000')}`;
