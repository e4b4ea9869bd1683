import type { Register } from '../model/register.js';
import type { DependencyGraph } from './graph.js';
import { assetPlacesOf } from './asset-places.js';
import { AssetIndex } from './selector-match.js';

/**
 * Which hazard causes name which assets, by id or by selector. A cause is one thought: "these
 * fail together"; a common cause is covered only when one cause names all of its assets.
 */
export interface CauseCoverage {
  /** The hazards with this cause: many hazards share a cause ("every MX 18 firewall"). */
  hazards: Set<string>;
  assets: Set<number>;
}

export interface Coverage {
  /** Distinct causes: the same selector and named assets in several hazards is one cause. */
  causes: CauseCoverage[];
  /** For each asset, the causes that name it (indices into `causes`). */
  causesOf: Map<number, number[]>;
}

export function causeCoverage(register: Register, graph: DependencyGraph): Coverage {
  const index = new AssetIndex(graph.assets, assetPlacesOf(register));
  const selected = new Map<string, number[]>();
  const byKey = new Map<string, CauseCoverage>();
  for (const h of register.hazards) {
    for (const c of h.causes) {
      const named = (c.assets ?? []).map((id) => graph.assetIndex.get(id)).filter((a): a is number => a !== undefined);
      const select = c.select && Object.keys(c.select).length ? c.select : undefined;
      const selectKey = select ? JSON.stringify(select) : '';
      const key = `${selectKey}\u0000${[...new Set(named)].sort((a, b) => a - b).join(',')}`;
      const known = byKey.get(key);
      if (known) {
        known.hazards.add(h.id);
        continue;
      }
      let picked = select ? selected.get(selectKey) : [];
      if (!picked) selected.set(selectKey, (picked = index.select(select!)));
      const assets = new Set<number>([...named, ...picked]);
      if (assets.size) byKey.set(key, { hazards: new Set([h.id]), assets });
    }
  }
  const causes = [...byKey.values()];
  const causesOf = new Map<number, number[]>();
  causes.forEach((c, i) => {
    for (const a of c.assets) {
      const list = causesOf.get(a);
      if (list) list.push(i);
      else causesOf.set(a, [i]);
    }
  });
  return { causes, causesOf };
}

/** Hazards with a cause that names every one of these assets. */
export function hazardsCovering(coverage: Coverage, assets: readonly number[]): string[] {
  if (!assets.length) return [];
  const hazards = new Set<string>();
  // Only causes that name the first asset can name them all.
  for (const i of coverage.causesOf.get(assets[0]!) ?? []) {
    const c = coverage.causes[i]!;
    if (assets.every((a) => c.assets.has(a))) for (const h of c.hazards) hazards.add(h);
  }
  return [...hazards].sort();
}
