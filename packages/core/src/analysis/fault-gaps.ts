import { registerFaults } from '../faults/register-faults.js';
import type { Fault } from '../faults/fault-catalogue.js';
import { assetTypes, type AssetType } from '../model/asset.js';
import type { Register } from '../model/register.js';
import { assetPlacesOf } from './asset-places.js';
import type { AnalysisContext } from './context.js';
import { severityWordsFor } from './coverage.js';
import { describeReach, listWords } from './failure-points.js';
import type { Finding } from './finding.js';
import type { DependencyGraph } from './graph.js';
import { reachOf, type Reach } from './reach.js';
import { AssetIndex } from './selector-match.js';
import { articleFor } from '../words/count.js';
import { ASSET_TYPE_WORDS } from '../words/selector-phrase.js';

/** How the register answers one known fault of one asset type it has. */
export type FaultState = 'covered' | 'not-applicable' | 'gap';
export const faultStates = ['gap', 'not-applicable', 'covered'] as const satisfies readonly FaultState[];

export interface FaultCell {
  fault: Fault;
  state: FaultState;
  /** The hazards with a cause that names the fault on an asset of the type, sorted. */
  hazards: string[];
  /** Why the register marks it not applicable. */
  reason?: string;
}

export interface FaultRow {
  assetType: AssetType;
  /** The register's assets of the type, in register order (site-local ones included). */
  assets: number[];
  /** The type's known faults, crr's catalogue first, then the register's own. */
  cells: FaultCell[];
}

/**
 * Hazard identification from the fault catalogue: for every asset type the register has (in the
 * model's order), each known fault of the type, and whether a hazard cause names it (`fault:` on
 * a cause whose assets, named or selected, include one of that type), the register marks it not
 * applicable, or neither: a gap. A cause covers its fault for a type as soon as it names one asset
 * of the type: which of the type's assets a defect can reach is the hazard's to say.
 */
export function faultGrid(register: Register, graph: DependencyGraph): FaultRow[] {
  const faults = registerFaults(register);
  const assetsOfType = new Map<AssetType, number[]>();
  graph.assets.forEach((a, i) => {
    const list = assetsOfType.get(a.type);
    if (list) list.push(i);
    else assetsOfType.set(a.type, [i]);
  });

  // (fault id, asset type) → hazards whose cause names that fault on an asset of that type.
  const named = new Map<string, Set<string>>();
  let index: AssetIndex | undefined;
  const selected = new Map<string, number[]>();
  for (const h of register.hazards) {
    for (const c of h.causes) {
      if (c.fault === undefined || !faults.has(c.fault)) continue;
      const types = new Set<AssetType>();
      for (const id of c.assets ?? []) {
        const a = graph.assetIndex.get(id);
        if (a !== undefined) types.add(graph.assets[a]!.type);
      }
      if (c.select && Object.keys(c.select).length) {
        const key = JSON.stringify(c.select);
        let picked = selected.get(key);
        if (!picked) {
          index ??= new AssetIndex(graph.assets, assetPlacesOf(register));
          selected.set(key, (picked = index.select(c.select)));
        }
        for (const a of picked) types.add(graph.assets[a]!.type);
      }
      for (const t of types) {
        const key = `${c.fault}\u0000${t}`;
        const hs = named.get(key);
        if (hs) hs.add(h.id);
        else named.set(key, new Set([h.id]));
      }
    }
  }
  const notApplicable = new Map<string, string>();
  for (const mark of register.manifest?.faults?.notApplicable ?? []) {
    const key = `${mark.fault}\u0000${mark.assetType}`;
    if (!notApplicable.has(key)) notApplicable.set(key, mark.reason);
  }

  const byType = new Map<AssetType, Fault[]>();
  for (const f of faults.values()) {
    const list = byType.get(f.assetType);
    if (list) list.push(f);
    else byType.set(f.assetType, [f]);
  }
  const rows: FaultRow[] = [];
  for (const assetType of assetTypes) {
    const assets = assetsOfType.get(assetType);
    if (!assets) continue;
    const cells = (byType.get(assetType) ?? []).map((fault): FaultCell => {
      const key = `${fault.id}\u0000${assetType}`;
      const hazards = named.get(key);
      if (hazards) return { fault, state: 'covered', hazards: [...hazards].sort() };
      const reason = notApplicable.get(key);
      if (reason !== undefined) return { fault, state: 'not-applicable', hazards: [], reason };
      return { fault, state: 'gap', hazards: [] };
    });
    rows.push({ assetType, assets, cells });
  }
  return rows;
}

/** The routes that use an asset of the type, directly or through other assets' needs, rolled up. */
export function reachOfType(ctx: AnalysisContext, assets: readonly number[]): Reach {
  const routes = new Set<number>();
  for (const a of assets) for (const r of ctx.index.routesOfAsset[a] ?? []) routes.add(r);
  return reachOf(ctx.graph, [...routes].sort((x, y) => x - y));
}

/**
 * One finding per gap of the fault grid: a known fault of an asset type the register has, that
 * no hazard cause names and the register does not mark not applicable. Its reach is every site
 * whose routes use an asset of the type, since the fault can happen to any of them; it carries
 * the catalogue's hazard wording as its suggestion.
 */
export function faultGapFindings(ctx: AnalysisContext, rows: readonly FaultRow[]): Finding[] {
  const findings: Finding[] = [];
  for (const row of rows) {
    const gaps = row.cells.filter((c) => c.state === 'gap');
    if (!gaps.length) continue;
    const reach = reachOfType(ctx, row.assets);
    // Every asset of the type, sites' own included: a finding names its assets. At national size
    // that is a firewall at each of 6,000 practices per firewall fault (measured: ~3 MB of the
    // analysis JSON's 55, no measurable time).
    const ids = row.assets.map((a) => ctx.graph.assets[a]!.id).sort();
    const n = ids.length;
    const local = row.assets.filter((a) => ctx.graph.assets[a]!.site).length;
    const word = ASSET_TYPE_WORDS[row.assetType] ?? row.assetType;
    const assetsWords = `${n} asset${n === 1 ? '' : 's'} of type \`${row.assetType}\`${local === 0 ? '' : local === n ? `, ${n === 1 ? 'a site\'s' : 'each a site\'s'} own` : ` (${local} of them sites' own)`}`;
    const words = severityWordsFor(reach, ctx.register.scheme);
    for (const { fault } of gaps) {
      const cause = `${fault.title.toLowerCase()} of ${articleFor(word)} ${word} (\`${fault.id}\`)`;
      const reached = reach.pairs ? `they are on the routes of ${describeReach(reach)} to ${listWords(reach.services)}` : 'they are on no route to a clinical service';
      findings.push({
        id: `fault-gap:${row.assetType}:${fault.id}`,
        kind: 'fault-gap',
        title: `No hazard names the fault \`${fault.id}\` (${fault.title.toLowerCase()}) of \`${row.assetType}\` assets`,
        explanation:
          `${fault.description} The register has ${assetsWords}, and ${reached}. No hazard cause names this fault (\`fault: ${fault.id}\`) on one of them, and the register does not mark it not applicable. ` +
          `Suggested: a hazard "${fault.hazard}", caused by ${cause}${reach.pairs ? `, affecting ${listWords(reach.services)}. Its reach is ${words.reachWords}, so the severity words that apply are: ${words.severityWords.map((w) => w.level).join(', ')}` : ''}. The rating is for the CSO to judge; if the fault cannot happen here, mark it not applicable with the reason.`,
        assets: ids,
        reach,
        hazards: [],
        coverage: 'gap',
        suggestion: { title: fault.hazard, cause, services: reach.services, sites: reach.sites, patients: reach.patients, ...words },
        figures: { assetType: row.assetType, fault: fault.id, assets: n, siteLocal: local },
      });
    }
  }
  return findings;
}
