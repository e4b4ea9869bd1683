import type { Need, Register, RegisterAsset, Sourced } from '../model/register.js';
import type { Site } from '../model/site.js';

/**
 * Which capacity-limited assets each site's traffic can pass through (any member of a group, at
 * any preference), with the site's demand as merged from its profile. Shared by the rules about
 * capacity units the demand does not give (CRR-E061), capacities no demand reaches (CRR-W065) and
 * demand no capacity counts (CRR-W066): computed once per register, so the three cost one walk of
 * the routes (about 0.3 s on a 6,500-practice register) rather than three.
 */
export interface SiteThrough {
  site: Sourced<Site>;
  /** The site's peak demand: its profile's, overridden unit by unit by its own. */
  demand: Record<string, number>;
  /** Ids of the capacity-limited assets on any of its routes. */
  through: ReadonlySet<string>;
  /** Whether the site has any route at all. */
  routed: boolean;
}

export interface LimitedThrough {
  /** Capacity-limited assets by id, first declaration only. */
  limited: Map<string, RegisterAsset>;
  /** Every site (first declaration only), in register order. */
  sites: SiteThrough[];
}

const cache = new WeakMap<Register, LimitedThrough>();

export function limitedThrough(register: Register): LimitedThrough {
  const known = cache.get(register);
  if (known) return known;
  const byId = new Map<string, RegisterAsset>();
  const limited = new Map<string, RegisterAsset>();
  for (const a of register.assets) {
    if (byId.has(a.id)) continue;
    byId.set(a.id, a);
    if (a.capacity) limited.set(a.id, a);
  }
  const reach = limitedReach(byId, limited);
  const routesOf = groupRoutes(register);
  const profileDemand = new Map(register.profiles.map((p) => [p.id, p.demand ?? {}] as const));
  const seen = new Set<string>();
  const sites: SiteThrough[] = [];
  const NONE: ReadonlySet<string> = new Set();
  for (const site of register.sites) {
    if (seen.has(site.id)) continue;
    seen.add(site.id);
    const routes = routesOf.get(site.id) ?? [];
    let through: ReadonlySet<string> = NONE;
    if (limited.size) {
      const set = new Set<string>();
      for (const needs of routes) for (const n of needs) for (const a of reach(n)) set.add(a);
      through = set;
    }
    sites.push({ site, demand: { ...(site.profile ? (profileDemand.get(site.profile) ?? {}) : {}), ...(site.demand ?? {}) }, through, routed: routes.length > 0 });
  }
  const out = { limited, sites };
  cache.set(register, out);
  return out;
}

/** `` `a`, `b` and 3 more `` : a short list of ids for a message. */
export function someOf(ids: readonly string[], max = 4): string {
  const shown = ids.slice(0, max).map((s) => `\`${s}\``);
  return ids.length > max ? `${shown.join(', ')} and ${ids.length - max} more` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? '');
}

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
