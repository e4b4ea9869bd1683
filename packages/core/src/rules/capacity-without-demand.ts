import type { RegisterAsset } from '../model/register.js';
import { limitedThrough, someOf } from './limited-through.js';
import { whereKey } from './needs.js';
import { defineRule } from './rule.js';

export const capacityWithoutDemand = defineRule({
  code: 'CRR-W065',
  name: 'capacity-without-demand',
  severity: 'warning',
  title: 'A capacity no site\'s traffic passes through',
  explanation:
    'An asset\'s `capacity` is checked against the peak demand of the sites routed through it, at any preference (as the first choice of a group or as its spare). When no site\'s route passes through the asset at all, nothing is ever counted against the limit: the asset shows no load, no overload and no N-1 shortfall, whatever it really carries, and the capacity reads as checked when it is not. Usually the routes that use the asset were left out, or it was replaced and the capacity left behind. Give the routes that use it, or drop the capacity.',
  *check({ register }) {
    const { limited, sites } = limitedThrough(register);
    if (limited.size === 0) return;
    const reached = new Set<string>();
    for (const s of sites) for (const a of s.through) reached.add(a);

    // A site-local asset written once in a profile repeats at every site: one finding per place
    // written, about its first asset, counting the others.
    const places = new Map<string, RegisterAsset[]>();
    for (const [id, asset] of limited) {
      if (reached.has(id)) continue;
      const key = whereKey(asset.source);
      (places.get(key) ?? places.set(key, []).get(key)!).push(asset);
    }
    for (const assets of places.values()) {
      const asset = assets[0]!;
      const { limit, unit } = asset.capacity!;
      const more = assets.length > 1 ? ` The same asset, written once, is unused at ${assets.length - 1} other site${assets.length === 2 ? '' : 's'} (${someOf(assets.slice(1).map((a) => a.id))}).` : '';
      yield {
        at: asset.source,
        below: ['capacity'],
        record: asset.id,
        message: `Asset \`${asset.id}\` declares a capacity of ${limit} ${unit}, but no site's route passes through it, at any preference, so no demand is ever counted against that limit and its load, overloads and N-1 check are never seen.${more}`,
        hint: 'Give the routes that use this asset (directly, in a group, or through an asset that needs it), or drop its `capacity`.',
      };
    }
  },
});
