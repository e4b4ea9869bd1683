import type { Register } from '../model/register.js';
import type { DependencyGraph } from './graph.js';
import { selectAssets } from './selector-match.js';

/**
 * Which hazard causes name which assets, by id or by selector. A cause is one thought: "these
 * fail together"; a common cause is covered only when one cause names all of its assets.
 */
export interface CauseCoverage {
  hazard: string;
  assets: Set<number>;
}

export function causeCoverage(register: Register, graph: DependencyGraph): CauseCoverage[] {
  const out: CauseCoverage[] = [];
  for (const h of register.hazards) {
    for (const c of h.causes) {
      const assets = new Set<number>();
      for (const id of c.assets ?? []) {
        const a = graph.assetIndex.get(id);
        if (a !== undefined) assets.add(a);
      }
      if (c.select && Object.keys(c.select).length) for (const a of selectAssets(c.select, graph.assets)) assets.add(a);
      if (assets.size) out.push({ hazard: h.id, assets });
    }
  }
  return out;
}

/** Hazards with a cause that names every one of these assets. */
export function hazardsCovering(causes: readonly CauseCoverage[], assets: readonly number[]): string[] {
  const hazards = new Set<string>();
  for (const c of causes) if (assets.every((a) => c.assets.has(a))) hazards.add(c.hazard);
  return [...hazards].sort();
}
