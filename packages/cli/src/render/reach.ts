import { placeList, placesWords, type PlaceReach, type Reach, type Register } from '@crr/core';
import { safeLine } from './safe-text.js';

const n = (x: number) => x.toLocaleString('en-GB');

/** "12 sites in 3 PCNs, 98,412 patients" */
export function reachLine(r: Reach): string {
  if (r.pairs === 0) return 'nothing';
  return `${n(r.sites.length)} site${r.sites.length === 1 ? '' : 's'}${r.pcns.length ? ` in ${n(r.pcns.length)} PCN${r.pcns.length === 1 ? '' : 's'}` : ''}, ${n(r.patients)} patients`;
}

/** "patient-record 12 sites (98,412 patients); telephony …" */
export function servicesLine(r: Reach): string {
  return r.byService.map((s) => `${safeLine(s.service)} ${n(s.sites)} site${s.sites === 1 ? '' : 's'} (${n(s.patients)})`).join('; ');
}

/** A list of ids, shortened: "Y90101, Y90102 and 38 more". Ids are register text, so escaped. */
export function shortList(ids: readonly string[], max = 8): string {
  const shown = ids.slice(0, max).map(safeLine).join(', ');
  return ids.length <= max ? shown : `${shown} and ${n(ids.length - max)} more`;
}

/**
 * "NHS Kent and Medway ICB 48 sites (438,058); … and 3 more": places by name, largest first,
 * as the core sorts them. Read at national scale, where a list of ODS codes says nothing.
 */
export function placesLine(places: readonly PlaceReach[], max = 8): string {
  return placeList(places, max, safeLine);
}

/**
 * "Regions: South East 48 sites (438,058); ICBs: NHS Kent and Medway ICB 48 sites (438,058)",
 * or undefined when the reach is in no place (a register without regions or ICBs).
 */
export function regionsAndIcbs(r: Pick<Reach, 'byRegion' | 'byIcb'>, max = 5): string | undefined {
  // One wording with the guards' messages in the core (diff-places.ts); register names escaped here.
  return placesWords(r, max, safeLine);
}

/** What a list of sites is shown by: its name and its ODS code (or id), and its list size to order it. */
export interface SiteLabel {
  name: string;
  code: string;
  patients: number;
}

/**
 * Each site's label, from the registers given, the first that declares a site winning (`crr diff`
 * passes the head, then the base, for a site the change removed).
 */
export function siteLabels(...registers: readonly Pick<Register, 'sites'>[]): Map<string, SiteLabel> {
  const out = new Map<string, SiteLabel>();
  for (const r of registers) for (const s of r.sites) if (!out.has(s.id)) out.set(s.id, { name: s.name, code: s.ods ?? s.id, patients: s.listSize ?? 0 });
  return out;
}

/**
 * "Barrowfield Surgery (G82001), Northgate Surgery (G82002) and 46 more": sites by name, most
 * patients first, so the few shown are the ones that matter. Ids the lookup lacks are shown bare.
 */
export function siteNames(ids: readonly string[], labels: ReadonlyMap<string, SiteLabel>, max = 4): string {
  const sorted = [...ids].sort((a, b) => (labels.get(b)?.patients ?? 0) - (labels.get(a)?.patients ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  const shown = sorted.slice(0, max).map((id) => {
    const l = labels.get(id);
    return l ? `${safeLine(l.name)} (${safeLine(l.code)})` : safeLine(id);
  });
  return ids.length <= max ? shown.join(', ') : `${shown.join(', ')} and ${n(ids.length - max)} more`;
}
