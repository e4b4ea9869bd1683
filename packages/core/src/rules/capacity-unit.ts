import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Need, Register, RegisterAsset } from '../model/register.js';
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
    const limited = new Map<string, RegisterAsset>();
    const byId = new Map<string, RegisterAsset>();
    for (const a of register.assets) {
      if (byId.has(a.id)) continue;
      byId.set(a.id, a);
      if (a.capacity) limited.set(a.id, a);
    }
    if (limited.size === 0) return;

    const reach = limitedReach(byId, limited);
    const profileDemand = new Map(register.profiles.map((p) => [p.id, p.demand ?? {}] as const));
    const unmeasured = new Map<string, string[]>(); // asset id → sites routed through it with no demand in its unit
    const unitsGiven = new Map<string, Set<string>>(); // asset id → the units those sites do give
    const seenSites = new Set<string>();
    const routesOf = groupRoutes(register);
    for (const s of register.sites) {
      if (seenSites.has(s.id)) continue;
      seenSites.add(s.id);
      const demand = { ...(s.profile ? (profileDemand.get(s.profile) ?? {}) : {}), ...(s.demand ?? {}) };
      const through = new Set<string>();
      for (const needs of routesOf.get(s.id) ?? []) for (const n of needs) for (const a of reach(n)) through.add(a);
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

/** Each site's routes, as lists of needs. */
function groupRoutes(register: Register): Map<string, Need[][]> {
  const out = new Map<string, Need[][]>();
  for (const r of register.routes) (out.get(r.site) ?? out.set(r.site, []).get(r.site)!).push(r.requires);
  return out;
}

/**
 * The capacity-limited assets a need can put load on: any member of a group may carry it (the
 * others when one fails), and an asset passes load on to what it needs. Memoised per node and
 * computed without recursion, so long chains of needs and shared profile nodes cost one visit.
 */
function limitedReach(byId: Map<string, RegisterAsset>, limited: Map<string, RegisterAsset>): (n: Need) => ReadonlySet<string> {
  type Node = Need | RegisterAsset;
  const memo = new Map<Node, Set<string>>();
  const children = (node: Node): Node[] => {
    if ('requires' in node) return node.requires; // an asset
    switch (node.kind) {
      case 'asset': {
        const a = byId.get(node.id);
        return a ? [a] : [];
      }
      case 'unbound':
        return [];
      default:
        return node.members;
    }
  };
  const EMPTY = new Set<string>();
  return (root) => {
    if (memo.has(root)) return memo.get(root)!;
    const open = new Set<Node>([root]);
    const stack: { node: Node; kids: Node[]; i: number }[] = [{ node: root, kids: children(root), i: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (top.i < top.kids.length) {
        const kid = top.kids[top.i++]!;
        if (memo.has(kid) || open.has(kid)) continue; // done, or a cycle (reported by requirement-cycle)
        open.add(kid);
        stack.push({ node: kid, kids: children(kid), i: 0 });
        continue;
      }
      // A node that adds nothing to its one loaded child shares the child's set: a long chain of
      // needs then holds one set, not one copy per link.
      const own = 'requires' in top.node && limited.has(top.node.id) ? top.node.id : undefined;
      const loaded = top.kids.map((k) => memo.get(k) ?? EMPTY).filter((x) => x.size > 0);
      let set: Set<string>;
      if (own === undefined && loaded.length <= 1) set = loaded[0] ?? EMPTY;
      else {
        set = new Set(own === undefined ? [] : [own]);
        for (const x of loaded) for (const a of x) set.add(a);
      }
      memo.set(top.node, set);
      open.delete(top.node);
      stack.pop();
    }
    return memo.get(root)!;
  };
}
