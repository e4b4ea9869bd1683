import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { RegisterAsset } from '../model/register.js';
import { limitedThrough } from './limited-through.js';
import { whereKey } from './needs.js';
import { defineRule } from './rule.js';

export const capacityUnit = defineRule({
  code: 'CRR-E061',
  name: 'capacity-unit',
  severity: 'error',
  title: 'A capacity is counted in a unit the demand routed through it does not give',
  explanation:
    'An asset\'s `capacity` counts one unit (tunnels, mbps, users…), and each site routed through it must give its peak `demand` in that same unit, in the site or its profile. A site whose demand gives no figure in that unit (a different spelling, another unit, or no demand at all) adds nothing that can be counted, so the asset looks less loaded than it is and an overload or an N-1 shortfall goes unseen. The analysis does not guess: such sites are left out of the load and counted apart, and the report shows the load as not known. Give the demand in the asset\'s unit, or correct the unit.',
  *check({ register }) {
    // The walk of every site's routes is shared with CRR-W065 and CRR-W066 (limited-through.ts).
    const { limited, sites } = limitedThrough(register);
    if (limited.size === 0) return;

    const unmeasured = new Map<string, string[]>(); // asset id → sites routed through it with no demand in its unit
    const unitsGiven = new Map<string, Set<string>>(); // asset id → the units those sites do give
    for (const { site: s, demand, through } of sites) {
      for (const id of through) {
        const unit = limited.get(id)!.capacity!.unit;
        if (Object.hasOwn(demand, unit)) continue;
        (unmeasured.get(id) ?? unmeasured.set(id, []).get(id)!).push(s.id);
        const given = unitsGiven.get(id) ?? unitsGiven.set(id, new Set()).get(id)!;
        for (const k of Object.keys(demand)) given.add(k);
      }
    }

    // A site-local asset written once in a profile repeats at every site: one finding per place
    // written, about its first asset, counting the others.
    const places = new Map<string, RegisterAsset[]>();
    for (const [id, asset] of [...limited].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
      if (!unmeasured.has(id)) continue;
      const key = `${whereKey(asset.source)}\u0000${asset.capacity!.unit}`;
      (places.get(key) ?? places.set(key, []).get(key)!).push(asset);
    }

    for (const assets of places.values()) {
      const asset = assets[0]!;
      const unit = asset.capacity!.unit;
      const siteList = [...unmeasured.get(asset.id)!].sort();
      const unitList = [...(unitsGiven.get(asset.id) ?? [])].sort();
      const whom =
        siteList.length === 1
          ? `site \`${siteList[0]}\`, routed through it,`
          : `${siteList.length} sites routed through it (${siteList.slice(0, 4).map((s) => `\`${s}\``).join(', ')}${siteList.length > 4 ? ` and ${siteList.length - 4} more` : ''})`;
      const gives = unitList.length ? `${siteList.length === 1 ? 'gives' : 'give'} demand only in ${unitList.map((u) => `\`${u}\``).join(', ')}` : `${siteList.length === 1 ? 'gives' : 'give'} no demand at all`;
      const more = assets.length > 1 ? ` The same asset, written once, has this problem at ${assets.length - 1} other site${assets.length === 2 ? '' : 's'}.` : '';
      const guess = didYouMean(unit, unitList);
      yield {
        at: asset.source,
        below: ['capacity', 'unit'],
        record: asset.id,
        message: `Asset \`${asset.id}\` counts its capacity in \`${unit}\`, but ${whom} ${gives}, so the load of ${siteList.length === 1 ? 'that site' : 'these sites'} cannot be counted and the asset's utilisation and N-1 check read lower than they are.${more}`,
        hint: guess
          ? `Use one unit for both: did you mean \`${guess}\`? Change the capacity's \`unit\`, or the demand's key, so that they match.`
          : `Give ${siteList.length === 1 ? 'the site' : 'each of these sites'} (or its profile) a \`demand: { ${unit}: … }\`, or correct the capacity's \`unit\`.`,
      };
    }
  },
});
