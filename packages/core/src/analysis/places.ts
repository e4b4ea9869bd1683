import type { Organisation } from '../model/organisation.js';
import type { Register, Sourced } from '../model/register.js';
import type { Site } from '../model/site.js';

/**
 * Places: where a practice sits in the NHS geography, region ← ICB ← sub-ICB ← PCN. Organisations
 * of these four types form the chain through `parent`; a site reaches it through its PCN, or
 * declares a tier its PCN does not give (`subIcb`, `icb`, `region`). Resolved once per register,
 * as plain data, for the reach by place and for the rule on inconsistent chains (CRR-E068).
 */

/** The four tiers, lowest first, as the field each has on a site. */
export const placeTiers = ['pcn', 'subIcb', 'icb', 'region'] as const;
export type PlaceTier = (typeof placeTiers)[number];

/** The organisation type of each tier. */
export const tierType = { pcn: 'pcn', subIcb: 'sub-icb', icb: 'icb', region: 'region' } as const satisfies Record<PlaceTier, Organisation['type']>;

/** Where a site or an organisation sits: the id of the organisation at each tier it resolves to. */
export type SitePlaces = { [T in PlaceTier]?: string };

/**
 * The tiers an organisation of each place type may sit under. A sub-ICB location is optional (a
 * PCN may sit straight under its ICB); no tier is skipped otherwise, since a PCN under a region
 * leaves its ICB unknown. A region may sit under anything that is not a place (NHS England).
 */
export const allowedParents: Readonly<Record<PlaceTier, readonly PlaceTier[]>> = {
  pcn: ['subIcb', 'icb'],
  subIcb: ['icb'],
  icb: ['region'],
  region: [],
};

/** What is inconsistent in the chain; the rule CRR-E068 words it. */
export type PlaceProblem =
  /** A place whose `parent` is the wrong tier or not a place. */
  | { kind: 'parent-tier'; organisation: Sourced<Organisation>; parent: Sourced<Organisation> }
  /** A site whose `subIcb`, `icb` or `region` names an organisation of another type. */
  | { kind: 'not-a-place'; site: Sourced<Site>; field: Exclude<PlaceTier, 'pcn'>; target: Sourced<Organisation> }
  /**
   * A site whose declared `field` says `declared`, while the tier `tier` is already `found`
   * through its lower field `via` (its PCN, or its sub-ICB): the two disagree.
   */
  | { kind: 'conflict'; site: Sourced<Site>; field: PlaceTier; tier: PlaceTier; declared: string; found: string; via: PlaceTier };

export interface Places {
  /** Per site id (first declaration): the tiers it resolves to. Sites with none are absent. */
  sites: Map<string, SitePlaces>;
  /** Per place organisation id: itself and the tiers above it. */
  organisations: Map<string, SitePlaces>;
  problems: PlaceProblem[];
}

const tierOfType = new Map<string, PlaceTier>(placeTiers.map((t) => [tierType[t], t] as const));

/** The tier of an organisation, if it is a place. */
export function tierOf(org: Pick<Organisation, 'type'>): PlaceTier | undefined {
  return tierOfType.get(org.type);
}

const cache = new WeakMap<Register, Places>();

/** Resolve every site's places. Cached per register object: rules and the graph share one pass. */
export function placesOf(register: Register): Places {
  let places = cache.get(register);
  if (!places) cache.set(register, (places = resolvePlaces(register)));
  return places;
}

function resolvePlaces(register: Register): Places {
  const byId = new Map<string, Sourced<Organisation>>();
  for (const o of register.organisations) if (!byId.has(o.id)) byId.set(o.id, o);
  const problems: PlaceProblem[] = [];

  // Each place's chain, memoised. A chain stops at a parent of the wrong tier (reported) and at a
  // cycle (CRR-E060 reports it; nothing on a cycle is reported again here).
  // Tiers only rise along an accepted parent, so the recursion is at most four deep.
  const organisations = new Map<string, SitePlaces>();
  const onCycle = cycleMembers(byId);
  const chainOf = (org: Sourced<Organisation>): SitePlaces | undefined => {
    const tier = tierOf(org);
    if (!tier) return undefined;
    const known = organisations.get(org.id);
    if (known) return known;
    const own: SitePlaces = { [tier]: org.id };
    let chain = own;
    const parent = org.parent !== undefined ? byId.get(org.parent) : undefined;
    if (parent && !onCycle.has(org.id) && !onCycle.has(parent.id)) {
      const parentTier = tierOf(parent);
      if (parentTier && allowedParents[tier].includes(parentTier)) chain = { ...chainOf(parent), ...own };
      else if (parentTier || tier !== 'region') problems.push({ kind: 'parent-tier', organisation: org, parent });
    }
    organisations.set(org.id, chain);
    return chain;
  };
  for (const o of byId.values()) chainOf(o);

  const sites = new Map<string, SitePlaces>();
  for (const s of register.sites) {
    if (sites.has(s.id)) continue;
    const resolved: SitePlaces = {};
    /** Which of the site's fields gave each tier. */
    const from: Partial<Record<PlaceTier, PlaceTier>> = {};
    for (const field of placeTiers) {
      const id = s[field];
      const target = id !== undefined ? byId.get(id) : undefined;
      if (!target) continue; // no such organisation: CRR-E031 reports it
      if (tierOf(target) !== field) {
        // A PCN that is not a PCN is CRR-E052's to report.
        if (field !== 'pcn') problems.push({ kind: 'not-a-place', site: s, field, target });
        continue;
      }
      const chain = organisations.get(target.id)!;
      for (const tier of placeTiers) {
        const at = chain[tier];
        if (at === undefined) continue;
        const found = resolved[tier];
        if (found === undefined) {
          resolved[tier] = at;
          from[tier] = field;
        } else if (found !== at) {
          problems.push({ kind: 'conflict', site: s, field, tier, declared: at, found, via: from[tier]! });
          break; // one disagreement per declared field: the tiers above it follow from it
        }
      }
    }
    if (Object.keys(resolved).length) sites.set(s.id, resolved);
  }
  return { sites, organisations, problems };
}

/** Organisations on a `parent` cycle: their chain has no top. */
function cycleMembers(byId: ReadonlyMap<string, Organisation>): Set<string> {
  const out = new Set<string>();
  const done = new Set<string>();
  for (const start of byId.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let id: string | undefined = start;
    while (id !== undefined && !done.has(id)) {
      if (onPath.has(id)) {
        for (const p of path.slice(path.indexOf(id))) out.add(p);
        break;
      }
      onPath.add(id);
      path.push(id);
      const parent: string | undefined = byId.get(id)?.parent;
      id = parent !== undefined && byId.has(parent) ? parent : undefined;
    }
    for (const p of path) done.add(p);
  }
  return out;
}
