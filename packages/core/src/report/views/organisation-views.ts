/** The pages of organisations: PCNs (their sites) and suppliers (the assets they hold). */
import { placesOf } from '../../analysis/places.js';
import { byId, refOf } from '../refs.js';
import type { PcnView, Ref, SiteView, SupplierView } from '../report-data.js';
import type { ReportContext } from './report-context.js';

/** Organisation types that supply, carry, make or host assets: each has a supplier page. */
const SUPPLIER_TYPES: ReadonlySet<string> = new Set(['supplier', 'carrier', 'manufacturer', 'csu', 'provider']);

/** A supplier page lists this many assets by name. */
const SUPPLIER_ASSETS_LISTED = 100;

/**
 * PCNs by id, with the indices of their sites for the overview diagram. A PCN's hazards are
 * those its sites' pages list.
 */
export function pcnViews(rc: ReportContext, sites: readonly SiteView[]): (PcnView & { indices: readonly number[] })[] {
  const { register, graph } = rc.ctx;
  const siteById = new Map(sites.map((s) => [s.id, s] as const));
  const chains = placesOf(register).organisations;
  const place = (id: string | undefined) => (id !== undefined ? { ...rc.links.organisation(id) } : undefined);
  return register.organisations
    .filter((o) => o.type === 'pcn')
    .map((o) => {
      const indices = rc.rel.sitesOfPcn.get(o.id) ?? [];
      const members = indices.map((i) => siteById.get(graph.sites[i]!.id)!).sort(byId);
      const hazards = new Map<string, Ref>();
      for (const s of members) for (const h of s.hazards) hazards.set(h.id, h);
      // The ICB and region it sits in, through its own parent chain.
      const chain = chains.get(o.id);
      const icb = place(chain?.icb);
      const region = place(chain?.region);
      return {
        ...refOf(o, rc.slugs.organisations),
        sites: members.map((s) => ({ id: s.id, slug: s.slug, name: s.name, type: s.type, patients: s.patients, hazardCount: s.hazardCount })),
        hazards: [...hazards.values()].sort(byId),
        patients: indices.reduce((n, i) => n + graph.sites[i]!.patients, 0),
        ...(icb ? { icb } : {}),
        ...(region ? { region } : {}),
        indices,
      };
    })
    .sort(byId);
}

export function supplierViews(rc: ReportContext): SupplierView[] {
  const { register, graph, coverage } = rc.ctx;
  return register.organisations
    // The register's own organisation is not its own supplier: a manufacturer's log names itself.
    .filter((o) => SUPPLIER_TYPES.has(o.type) && o.id !== register.manifest?.organisation)
    .map((o): SupplierView => {
      const held: { a: number; how: string }[] = [];
      graph.assets.forEach((a, i) => {
        const how = [a.supplier === o.id ? 'supplies' : '', a.carrier === o.id ? 'carries' : ''].filter(Boolean).join(' and ');
        if (how) held.push({ a: i, how });
      });
      const ids = held.map((h) => h.a);
      const hazards = new Set<string>();
      for (const a of ids) for (const c of coverage.causesOf.get(a) ?? []) for (const h of coverage.causes[c]!.hazards) hazards.add(h);
      return {
        ...refOf(o, rc.slugs.organisations),
        type: o.type,
        ...(o.safetyCase ? { safetyCase: o.safetyCase } : {}),
        assets: held.slice(0, SUPPLIER_ASSETS_LISTED).map((h) => ({ asset: refOf(graph.assets[h.a]!, rc.slugs.assets), how: h.how })),
        assetCount: held.length,
        moreAssets: Math.max(0, held.length - SUPPLIER_ASSETS_LISTED),
        reach: rc.failureReach([...ids].sort((x, y) => x - y)),
        hazards: [...hazards].sort().map(rc.links.hazard),
      };
    })
    .sort(byId);
}
