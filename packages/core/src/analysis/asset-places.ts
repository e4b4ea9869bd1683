import type { Register, RegisterAsset } from '../model/register.js';
import { placesOf, placeTiers, tierOf, type PlaceTier } from './places.js';

/**
 * The places an asset is in, as place selectors (`icb: QKS`, `region: Y59`) match them. An asset
 * is in the places of its owning site (`site`, for site-local assets) or, when it has none, of
 * the site that hosts it (`location`): a concentrator in an ICB's data-centre hall is in that
 * ICB. Anything else (a national service, a vendor cloud) is in no place, so no place selector
 * ever picks it: `icb: QKS` must fail what is in Kent and Medway, never the national Spine.
 */
export interface AssetPlaces {
  /** The values a place key matches on this asset at this tier: the place's id and its ODS code. None when it is in no place. */
  valuesAt(asset: RegisterAsset, tier: PlaceTier): readonly string[];
}

/** No asset is in any place: for callers with no register (a place key then selects nothing). */
export const noPlaces: AssetPlaces = { valuesAt: () => [] };

type SiteValues = { [T in PlaceTier]?: readonly string[] };

const cache = new WeakMap<Register, AssetPlaces>();

/** The register's places, for selectors: built once per register object (one pass over its sites), then O(1) per asset. */
export function assetPlacesOf(register: Register): AssetPlaces {
  let found = cache.get(register);
  if (!found) cache.set(register, (found = build(register)));
  return found;
}

function build(register: Register): AssetPlaces {
  const ods = new Map<string, string>();
  for (const o of register.organisations) if (!ods.has(o.id) && o.ods !== undefined) ods.set(o.id, o.ods);
  const bySite = new Map<string, SiteValues>();
  for (const [site, places] of placesOf(register).sites) {
    const values: SiteValues = {};
    for (const tier of placeTiers) {
      const id = places[tier];
      if (id === undefined) continue;
      const code = ods.get(id);
      values[tier] = code !== undefined && code !== id ? [id, code] : [id];
    }
    bySite.set(site, values);
  }
  const none: readonly string[] = [];
  return {
    valuesAt(asset, tier) {
      const site = asset.site ?? asset.location;
      return (site !== undefined ? bySite.get(site)?.[tier] : undefined) ?? none;
    },
  };
}

/** A place organisation a selector value may name: by its id or its ODS code. */
export interface NamedPlace {
  id: string;
  ods?: string;
}

/** The register's place organisations of each tier (first declaration of an id), for checking a selector's values. */
export function placeOrganisations(register: Register): Record<PlaceTier, NamedPlace[]> {
  const out: Record<PlaceTier, NamedPlace[]> = { pcn: [], subIcb: [], icb: [], region: [] };
  const seen = new Set<string>();
  for (const o of register.organisations) {
    const tier = tierOf(o);
    if (!tier || seen.has(o.id)) continue;
    seen.add(o.id);
    out[tier].push(o.ods !== undefined ? { id: o.id, ods: o.ods } : { id: o.id });
  }
  return out;
}
