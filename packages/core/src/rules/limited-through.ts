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
  // Sites on one profile reach the same capacity-limited assets: their union is built once per
  // distinct sequence of reach sets (keyed by the sets' numbers) and shared, read-only.
  const setNumber = new Map<ReadonlySet<string>, number>();
  const unions = new Map<string, ReadonlySet<string>>();
  const parts: ReadonlySet<string>[] = [];
  for (const site of register.sites) {
    if (seen.has(site.id)) continue;
    seen.add(site.id);
    const routes = routesOf.get(site.id) ?? [];
    let through: ReadonlySet<string> = NONE;
    if (limited.size) {
      parts.length = 0;
      for (const needs of routes)
        for (const n of needs) {
          const r = reach(n);
          if (r.size && !parts.includes(r)) parts.push(r);
        }
      if (parts.length === 1) through = parts[0]!;
      else if (parts.length > 1) {
        // In order, not sorted: the union keeps the order a site's own walk would give.
        const key = parts.map((p) => setNumber.get(p) ?? setNumber.set(p, setNumber.size).get(p)!).join(',');
        let union = unions.get(key);
        if (!union) {
          const set = new Set<string>();
          for (const p of parts) for (const a of p) set.add(a);
          unions.set(key, (union = set));
        }
        through = union;
      }
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
 * others when one fails), and an asset passes load on to what it needs. Memoised per group node
 * and per asset (a need naming an asset is looked through to the asset, so the per-site needs a
 * profile's `$name` binds cost no entry of their own), and computed without recursion, so long
 * chains of needs and shared profile nodes cost one visit. An asset that needs nothing is
 * answered without a walk: most site-local assets are such leaves.
 */
function limitedReach(byId: Map<string, RegisterAsset>, limited: Map<string, RegisterAsset>): (n: Need) => ReadonlySet<string> {
  type Node = Need | RegisterAsset;
  const EMPTY = new Set<string>();
  const memo = new Map<Node, Set<string>>();
  const leaves = new Map<string, Set<string>>(); // a capacity-limited asset that needs nothing: itself
  /** The node a walk visits for a kid: an asset need is its asset; an unknown or unbound one, nothing. */
  const visit = (k: Node): Node | undefined => {
    if ('requires' in k) return k;
    if (k.kind === 'asset') return byId.get(k.id);
    return k.kind === 'unbound' ? undefined : k;
  };
  /** The set of a node already done, or of a leaf asset; undefined while unknown (or on a cycle). */
  const done = (n: Node): Set<string> | undefined => {
    if ('requires' in n && n.requires.length === 0) {
      if (!limited.has(n.id)) return EMPTY;
      let leaf = leaves.get(n.id);
      if (!leaf) leaves.set(n.id, (leaf = new Set([n.id])));
      return leaf;
    }
    return memo.get(n);
  };
  const children = (node: Node): Need[] => ('requires' in node ? node.requires : node.kind === 'all' || node.kind === 'any' || node.kind === 'atLeast' ? node.members : []);
  return (need) => {
    const root = visit(need);
    if (!root) return EMPTY;
    const known = done(root);
    if (known) return known;
    const open = new Set<Node>([root]);
    const stack: { node: Node; kids: Need[]; i: number }[] = [{ node: root, kids: children(root), i: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (top.i < top.kids.length) {
        const kid = visit(top.kids[top.i++]!);
        if (!kid || done(kid) || open.has(kid)) continue; // nothing, done, or a cycle (reported by requirement-cycle)
        open.add(kid);
        stack.push({ node: kid, kids: children(kid), i: 0 });
        continue;
      }
      // A node that adds nothing to its one loaded child shares the child's set: a long chain of
      // needs then holds one set, not one copy per link.
      const own = 'requires' in top.node && limited.has(top.node.id) ? top.node.id : undefined;
      let first: Set<string> | undefined; // the first loaded kid's set
      let many = false; // whether another, different one follows
      for (const k of top.kids) {
        const v = visit(k);
        const x = v && done(v);
        if (!x || x.size === 0 || x === first) continue;
        if (first === undefined) first = x;
        else many = true;
      }
      let set: Set<string>;
      if (own === undefined && !many) set = first ?? EMPTY;
      else {
        set = new Set(own === undefined ? [] : [own]);
        for (const k of top.kids) {
          const v = visit(k);
          const x = v && done(v);
          if (x) for (const a of x) set.add(a);
        }
      }
      memo.set(top.node, set);
      open.delete(top.node);
      stack.pop();
    }
    return memo.get(root)!;
  };
}
