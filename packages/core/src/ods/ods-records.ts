import type { Organisation } from '../model/organisation.js';
import type { Site } from '../model/site.js';
import { cmp, mostCommon } from './most-common.js';
import type { IcbPart, ImportCounts, ImportedPractice, OdsNames } from './select-practices.js';

/**
 * The register records of the practices selected: per ICB its organisation, sub-ICB locations,
 * PCNs (and the stand-in PCN of practices with none) and sites, and the regions above them. Ids
 * are the ODS codes, lower-cased, behind a prefix of their tier. Counts what it names by code
 * alone (no name in the map) and where practices name their own sub-ICB location.
 */

export const regionId = (code: string) => `org-region-${code.toLowerCase()}`;
export const icbId = (code: string) => `org-icb-${code.toLowerCase()}`;
export const subIcbId = (code: string) => `org-subicb-${code.toLowerCase()}`;
export const pcnId = (code: string) => `pcn-${code.toLowerCase()}`;
export const standInPcnId = (icb: string) => `pcn-${icb.toLowerCase()}-unmapped`;

export function placeRecords(practices: readonly ImportedPractice[], wanted: readonly string[], names: OdsNames, profile: string, counts: ImportCounts): { regions: Organisation[]; icbs: IcbPart[] } {
  const parts: IcbPart[] = [];
  const regionsUsed = new Set<string>();
  for (const code of wanted) {
    const own = practices.filter((p) => p.icb === code);
    const region = mostCommon(own.map((p) => p.region))!;
    regionsUsed.add(region);
    const name = names.icb.get(code) ? `${names.icb.get(code)} ICB` : `ICB ${code}`;
    if (!names.icb.get(code)) counts.unnamedIcbs.push(code);
    const organisations: Organisation[] = [{ id: icbId(code), type: 'icb', name, ods: code, parent: regionId(region) }];
    const subIcbs = [...new Set(own.map((p) => p.subIcb))].sort(cmp);
    for (const s of subIcbs) {
      const ccg = names.subIcb.get(s);
      if (!ccg) counts.unnamedSubIcbs.push(s);
      organisations.push({ id: subIcbId(s), type: 'sub-icb', name: ccg ? `${ccg.replace(/ CCG$/, '')} sub-ICB location` : `Sub-ICB location ${s}`, ods: s, parent: icbId(code) });
    }
    // PCNs, each under its sub-ICB location when all its practices share one, else under the ICB.
    const byPcn = new Map<string, ImportedPractice[]>();
    for (const p of own) if (p.pcn) byPcn.set(p.pcn, [...(byPcn.get(p.pcn) ?? []), p]);
    const namesSubIcb = new Set<string>();
    for (const pcn of [...byPcn.keys()].sort(cmp)) {
      const list = byPcn.get(pcn)!;
      const subs = new Set(list.map((p) => p.subIcb));
      const parent = subs.size === 1 ? subIcbId(list[0]!.subIcb) : icbId(code);
      if (subs.size > 1) {
        counts.pcnsUnderIcb++;
        for (const p of list) namesSubIcb.add(p.code);
      }
      organisations.push({ id: pcnId(pcn), type: 'pcn', name: names.pcn.get(pcn) || `PCN ${pcn}`, ods: pcn, parent });
    }
    const standIn = own.some((p) => !p.pcn);
    if (standIn) {
      counts.standInPcns++;
      organisations.push({
        id: standInPcnId(code),
        type: 'pcn',
        name: `${name}: practices with no PCN in the PCN map`,
        parent: icbId(code),
        description:
          'Not a real PCN. crr import ods puts here the practices of this ICB that the practice → PCN map does not place in a PCN of this ICB (not in the map, unallocated, or their PCN now in another ICB); each names its own sub-ICB location. Move each to its real PCN.',
      });
      for (const p of own) if (!p.pcn) namesSubIcb.add(p.code);
    }
    const sites: Site[] = [];
    const remarks = new Map<string, string>();
    for (const p of own) {
      const site: Site = {
        id: p.code,
        type: 'practice',
        name: p.name,
        ods: p.code,
        pcn: p.pcn ? pcnId(p.pcn) : standInPcnId(code),
        ...(namesSubIcb.has(p.code) ? { subIcb: subIcbId(p.subIcb) } : {}),
        listSize: p.listSize ?? 0,
        ...(p.postcode ? { postcode: p.postcode } : {}),
        profile: profile,
      };
      if (namesSubIcb.has(p.code)) counts.practicesNamingSubIcb++;
      sites.push(site);
      const notes: string[] = [];
      if (p.noPcn === 'not-in-map') notes.push('not in the PCN map');
      if (p.noPcn === 'unallocated') notes.push('unallocated in the PCN map');
      if (p.noPcn === 'pcn-in-other-icb') notes.push(`PCN ${p.mappedPcn!.pcn} in the map is now in ${p.mappedPcn!.icb}`);
      if (p.mapIcb) notes.push(`in ${p.mapIcb} in the PCN map; its PCN moved with it`);
      if (p.listSize === undefined) notes.push('no published list size: 0 written');
      if (notes.length) remarks.set(p.code, notes.join('; '));
      counts.patients += p.listSize ?? 0;
    }
    counts.subIcbs += subIcbs.length;
    counts.pcns += byPcn.size;
    parts.push({ code, slug: code.toLowerCase(), name, organisations, sites, remarks, practices: own });
  }
  const regions: Organisation[] = [...regionsUsed].sort(cmp).map((r) => {
    const n = names.region.get(r);
    if (!n) counts.unnamedRegions.push(r);
    return { id: regionId(r), type: 'region', name: n ? `NHS England ${n}` : `NHS England region ${r}`, ods: r };
  });
  counts.regions = regions.length;
  counts.icbs = parts.length;
  return { regions, icbs: parts };
}
