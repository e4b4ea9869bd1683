import type { RegisterAsset } from '../model/register.js';
import { lazyAssetStates, routesCutBy } from './what-if.js';
import { reqHolds } from './access.js';
import { hazardsCovering } from './coverage-index.js';
import type { AnalysisContext } from './context.js';
import type { Finding } from './finding.js';
import { describeReach, listWords } from './failure-points.js';
import type { Req } from './graph.js';
import { reachOf } from './reach.js';
import { sharesFate } from './shared-fate.js';
import { SoftwareTrains } from './software-train.js';

type Trains = Pick<SoftwareTrains, 'of'>;

/**
 * The attributes one defect or outage can hit across many assets, most specific first. When
 * several give exactly the same assets (every Meraki is an MX68 on the dashboard), they are one
 * common cause, named by the most specific. Whether sharing one is a shared fate for an asset of
 * a given type is the shared-fate table's to say (shared-fate.ts): a `network` value is not.
 */
const ATTRIBUTES: { name: string; of: (a: RegisterAsset, trains: Trains) => string | undefined }[] = [
  { name: 'software train', of: (a, trains) => (a.software ? `${a.vendor ? a.vendor + ' ' : ''}${trains.of(a.vendor, a.software)}` : undefined) },
  { name: 'model', of: (a) => (a.model ? `${a.vendor ? a.vendor + ' ' : ''}${a.model}` : undefined) },
  { name: 'location', of: (a) => a.location },
  { name: 'carrier', of: (a) => a.carrier },
  { name: 'network', of: (a) => a.network },
  { name: 'management plane', of: (a) => a.managedBy },
  { name: 'supplier', of: (a) => a.supplier },
  { name: 'vendor', of: (a) => a.vendor },
];

/**
 * The trains, each (vendor, version) worked out once: a national register has thousands of
 * devices on a handful of versions.
 */
function memoTrains(trains: Trains): Trains {
  const byVendor = new Map<string | undefined, Map<string, string>>();
  return {
    of(vendor, version) {
      let known = byVendor.get(vendor);
      if (!known) byVendor.set(vendor, (known = new Map()));
      let train = known.get(version);
      if (train === undefined) known.set(version, (train = trains.of(vendor, version)));
      return train;
    },
  };
}

/** The attributes common causes are grouped by, as findings name them. */
export const commonCauseAttributes: readonly string[] = ATTRIBUTES.map((a) => a.name);

export interface CommonCause {
  attribute: string;
  value: string;
  /** Other attributes that pick out exactly the same assets. */
  alsoShared: { attribute: string; value: string }[];
  assets: number[];
}

export function commonCauses(ctx: AnalysisContext): CommonCause[] {
  const byKey = new Map<string, CommonCause>();
  const trains = memoTrains(new SoftwareTrains(ctx.register.manifest?.policy?.trains));
  for (const attr of ATTRIBUTES) {
    const groups = new Map<string, number[]>();
    // The table is asked once per asset type, not once per asset (18,000 on a national register).
    const shares = new Map<string, boolean>();
    ctx.graph.assets.forEach((a, i) => {
      let shared = shares.get(a.type);
      if (shared === undefined) shares.set(a.type, (shared = sharesFate(attr.name, a.type)));
      if (!shared) return;
      const v = attr.of(a, trains);
      if (v === undefined) return;
      const list = groups.get(v);
      if (list) list.push(i);
      else groups.set(v, [i]);
    });
    for (const [value, assets] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (assets.length < 2) continue;
      const key = assets.join(',');
      const known = byKey.get(key);
      if (known) known.alsoShared.push({ attribute: attr.name, value });
      else byKey.set(key, { attribute: attr.name, value, alsoShared: [], assets });
    }
  }
  // Free-form attributes (an exchange, a building, a power feed) count too, as the table says.
  const free = new Map<string, number[]>();
  ctx.graph.assets.forEach((a, i) => {
    for (const [k, v] of Object.entries(a.attributes ?? {})) {
      if (!sharesFate(`attributes.${k}`, a.type)) continue;
      const key = `${k}\u0000${v}`;
      const list = free.get(key);
      if (list) list.push(i);
      else free.set(key, [i]);
    }
  });
  for (const [key, assets] of [...free].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (assets.length < 2) continue;
    const [k, v] = key.split('\u0000') as [string, string];
    const known = byKey.get(assets.join(','));
    if (known) known.alsoShared.push({ attribute: k, value: v });
    else byKey.set(assets.join(','), { attribute: k, value: v, alsoShared: [], assets });
  }
  return [...byKey.values()];
}

export function commonCauseFindings(ctx: AnalysisContext, causes: readonly CommonCause[], cutByAsset: readonly (readonly number[])[]): Finding[] {
  const { graph } = ctx;
  const findings: Finding[] = [];
  const groups = distinctGroups(ctx);
  /** Per group: the common causes that defeat it, with what each cuts through it. */
  const defeats = new Map<string, { cc: CommonCause; routes: number[]; hazards: string[] }[]>();
  /** Per route, the groups (by position in `groups`) it passes through. */
  const groupsOfRoute = new Map<number, number[]>();
  groups.forEach((g, gi) => {
    for (const r of g.routes) (groupsOfRoute.get(r) ?? groupsOfRoute.set(r, []).get(r)!).push(gi);
  });
  const throughSets = new Map<number, Set<number>>();
  const routesThrough = (gi: number) => throughSets.get(gi) ?? throughSets.set(gi, new Set(groups[gi]!.routes)).get(gi)!;

  for (const cc of causes) {
    const cut = routesCutBy(graph, ctx.index, cc.assets, ctx.baseline);
    if (!cut.length) continue;
    const hazards = hazardsCovering(ctx.coverage, cc.assets);
    // A common cause matters when its assets failing together cut more than any one of them
    // alone: otherwise the single failure point already says it all.
    // A loop, not Math.max(...): thousands of assets can share a vendor, and a spread that long overflows the stack.
    let worstSingle = 0;
    for (const a of cc.assets) worstSingle = Math.max(worstSingle, cutByAsset[a]!.length);
    const shownValue = displayValue(ctx, cc.attribute, cc.value);
    if (cut.length > worstSingle) {
      const reach = reachOf(graph, cut);
      const ids = cc.assets.map((a) => graph.assets[a]!.id).sort();
      const shown = ids.length > 6 ? `${ids.slice(0, 5).map((i) => `\`${i}\``).join(', ')} and ${ids.length - 5} more` : listWords(ids);
      const also = cc.alsoShared.length ? ` They also share ${cc.alsoShared.map((s) => `${s.attribute} ${s.value}`).join(', ')}.` : '';
      findings.push({
        id: `common-cause:${cc.attribute}=${cc.value}`,
        kind: 'common-cause',
        title: `${ids.length} assets share the ${cc.attribute} ${shownValue}`,
        explanation: `${shown} share the ${cc.attribute} ${shownValue}: one defect or outage there hits them all at once, and would cut ${describeReach(reach)} off ${listWords(reach.services)}, more than any one of them fails alone.${also}`,
        assets: ids,
        attribute: { name: cc.attribute, value: cc.value },
        reach,
        hazards,
      });
    }

    // A redundancy group all of whose members this cause takes down is redundant only on paper:
    // two concentrators in one data centre, two links through one exchange.
    // Only a group some cut route passes through can be defeated to any effect: those are found
    // from the cut routes, not by asking every group of the register about every cause.
    const failed = new Set(cc.assets);
    const works = lazyAssetStates(graph, failed);
    const memo = new Map<Req, boolean>();
    const candidates = new Set<number>();
    for (const r of cut) for (const gi of groupsOfRoute.get(r) ?? []) candidates.add(gi);
    for (const gi of Int32Array.from(candidates).sort()) {
      const g = groups[gi]!;
      if (reqHolds(g.group, works, memo)) continue;
      const through = routesThrough(gi);
      const routes = cut.filter((r) => through.has(r));
      if (!routes.length) continue;
      const list = defeats.get(g.key) ?? [];
      list.push({ cc, routes, hazards });
      defeats.set(g.key, list);
    }
  }

  for (const g of groups) {
    const list = defeats.get(g.key);
    if (!list) continue;
    const members = g.group.members.map(ctx.label);
    const routes = [...new Set(list.flatMap((d) => d.routes))].sort((a, b) => a - b);
    const reach = reachOf(graph, routes);
    const first = list[0]!.cc;
    const shared = list.map((d) => `${d.cc.attribute} ${displayValue(ctx, d.cc.attribute, d.cc.value)}`);
    const assets = [...new Set(list.flatMap((d) => d.cc.assets))].map((a) => graph.assets[a]!.id).sort();
    // Covered when a hazard names the assets of any one of the causes that defeat it.
    const hazards = [...new Set(list.flatMap((d) => d.hazards))].sort();
    findings.push({
      id: `redundancy-defeated:${g.key}`,
      kind: 'redundancy-defeated',
      title: `The redundancy of ${g.group.name ?? `anyOf(${members.join(', ')})`} is defeated by a shared ${listPlain([...new Set(list.map((d) => d.cc.attribute))])}`,
      explanation: `${g.group.kind === 'any' ? 'Any one' : `At least ${(g.group as { k: number }).k}`} of ${listWords(members)} should be enough, but every member depends on assets that share the ${shared.join('; the ')}. One defect or outage there takes the whole group down and cuts ${describeReach(reach)} off ${listWords(reach.services)}.`,
      assets,
      attribute: { name: first.attribute, value: first.value },
      group: { ...(g.group.name ? { name: g.group.name } : {}), members },
      reach,
      hazards,
    });
  }
  return findings;
}

/** "model, location and supplier" */
function listPlain(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Attributes that hold ids are shown with the name: "carrier Saltmarsh Networks (`org-carrier-b`)". */
function displayValue(ctx: AnalysisContext, attribute: string, value: string): string {
  const records = attribute === 'location' ? ctx.register.sites : attribute === 'carrier' || attribute === 'supplier' ? ctx.register.organisations : [];
  const name = records.find((r) => r.id === value)?.name;
  return name ? `${name} (\`${value}\`)` : `\`${value}\``;
}

/**
 * Redundancy groups that differ only in where they were written (each site's own binding of the
 * same pair) are one group for findings: keyed by what they contain.
 */
export interface DistinctGroup {
  key: string;
  group: Req & { kind: 'any' | 'atLeast' };
  routes: number[];
}

export function distinctGroups(ctx: AnalysisContext): DistinctGroup[] {
  const byKey = new Map<string, DistinctGroup>();
  for (const g of ctx.graph.groups) {
    const routes = ctx.index.routesOfGroup.get(g.id);
    if (!routes?.length) continue;
    const key = ctx.label(g);
    const known = byKey.get(key);
    if (known) for (const r of routes) known.routes.push(r);
    else byKey.set(key, { key, group: g, routes: [...routes] });
  }
  for (const g of byKey.values()) g.routes = [...new Set(g.routes)].sort((a, b) => a - b);
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}
