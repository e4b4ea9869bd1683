import { placesOf } from '../analysis/places.js';
import type { PlaceReach } from '../analysis/reach.js';
import type { Register } from '../model/register.js';

/**
 * Where an entry of `crr diff` falls: its sites and patients per ICB and per region, by name,
 * largest first, as a finding's reach has them (reach.ts). Both empty when none of the sites
 * resolves to a place (a register without ICBs or regions).
 */
export interface ByPlace {
  byIcb: PlaceReach[];
  byRegion: PlaceReach[];
}

/** No place: fresh arrays each time, so no two entries of a diff share one. */
export const nowhere = (): ByPlace => ({ byIcb: [], byRegion: [] });

interface SitePlace {
  icb?: string;
  region?: string;
  patients: number;
}

/** Each site's ICB, region and list size, and each organisation's name: built once per register (a national one has 6,000 sites). */
const lookups = new WeakMap<Register, { sites: Map<string, SitePlace>; names: Map<string, string> }>();
function lookupOf(register: Register) {
  let l = lookups.get(register);
  if (l) return l;
  const resolved = placesOf(register).sites;
  const sites = new Map<string, SitePlace>();
  for (const s of register.sites) {
    if (sites.has(s.id)) continue; // a duplicate id: the first declaration counts, as in the graph
    const at = resolved.get(s.id);
    sites.set(s.id, { ...(at?.icb !== undefined ? { icb: at.icb } : {}), ...(at?.region !== undefined ? { region: at.region } : {}), patients: s.listSize ?? 0 });
  }
  const names = new Map<string, string>();
  for (const o of register.organisations) if (!names.has(o.id)) names.set(o.id, o.name);
  lookups.set(register, (l = { sites, names }));
  return l;
}

/** Sites (ids, each once) rolled up by ICB and region, with the same order and figures as a reach's `byIcb` and `byRegion`. */
export function placesOfSites(register: Register, siteIds: Iterable<string>): ByPlace {
  const { sites, names } = lookupOf(register);
  const icb = new Map<string, PlaceReach>();
  const region = new Map<string, PlaceReach>();
  const add = (per: Map<string, PlaceReach>, id: string | undefined, patients: number) => {
    if (id === undefined) return;
    let r = per.get(id);
    if (!r) per.set(id, (r = { id, name: names.get(id) ?? id, sites: 0, patients: 0 }));
    r.sites++;
    r.patients += patients;
  };
  for (const id of new Set(siteIds)) {
    const s = sites.get(id);
    if (!s) continue;
    add(icb, s.icb, s.patients);
    add(region, s.region, s.patients);
  }
  return icb.size || region.size ? { byIcb: largestFirst(icb), byRegion: largestFirst(region) } : nowhere();
}

/** A reach's places, as an entry of the diff carries them (a copy: the diff is plain data of its own). */
export function placesOfReach(r: ByPlace): ByPlace {
  return { byIcb: r.byIcb.map((p) => ({ ...p })), byRegion: r.byRegion.map((p) => ({ ...p })) };
}

const largestFirst = (per: Map<string, PlaceReach>) => [...per.values()].sort((a, b) => b.patients - a.patients || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * "Regions: South East 48 sites (438,058); ICBs: NHS Kent and Medway ICB 48 sites (438,058) and
 * 3 more", or undefined when nothing is in a place. The one wording of a reach by place: the CLI
 * (reach.ts) gives `name` to escape register text for its output; guards and notices, whose
 * messages every format escapes, use it as it is.
 */
export function placesWords(r: ByPlace, max = 5, name: (s: string) => string = (s) => s): string | undefined {
  const parts = [...(r.byRegion.length ? [`Regions: ${placeList(r.byRegion, max, name)}`] : []), ...(r.byIcb.length ? [`ICBs: ${placeList(r.byIcb, max, name)}`] : [])];
  return parts.length ? parts.join('; ') : undefined;
}

/** " Regions: …; ICBs: …." to follow a sentence about these sites, or nothing without places: guards and notices. */
export function placesSentence(r: ByPlace): string {
  const words = placesWords(r);
  return words ? ` ${words}.` : '';
}

/** "NHS Kent and Medway ICB 48 sites (438,058); … and 3 more": places in the order given. */
export function placeList(places: readonly PlaceReach[], max = 8, name: (s: string) => string = (s) => s): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const shown = places.slice(0, max).map((p) => `${name(p.name)} ${n(p.sites)} site${p.sites === 1 ? '' : 's'} (${n(p.patients)})`);
  return places.length <= max ? shown.join('; ') : `${shown.join('; ')} and ${n(places.length - max)} more`;
}
