import { editDistance } from '../diagnostics/did-you-mean.js';
import type { Organisation } from '../model/organisation.js';
import type { Register } from '../model/register.js';
import type { Analysis } from './analyse.js';
import type { CapacityReport } from './capacity.js';
import type { AnalysisContext } from './context.js';
import { coverageCounts, coverageOf } from './coverage.js';
import type { AssetImpact } from './failure-points.js';
import { describeReach } from './failure-points.js';
import type { Finding } from './finding.js';
import type { ScenarioResult } from './named-scenarios.js';
import { placesOf, tierOf, type PlaceTier } from './places.js';
import { rankFindings } from './ranking.js';
import { NO_REACH } from './reach.js';
import { scopeLens, type ScopeLens } from './scope-lens.js';

/**
 * The view of one place (an ICB, a region, a sub-ICB, a PCN) of a register: what an ICB's CSO
 * runs on a national register. The analysis always runs on the whole register, since a
 * concentrator shared with the next ICB carries that ICB's load too and Spine failing reaches
 * every ICB; the scope restricts only what is shown: what reaches the place's sites, counted for
 * them.
 */
export interface Scope {
  place: { id: string; name: string; tier: PlaceTier; ods?: string };
  /** The ids of the sites that resolve to the place (see `placesOf`). */
  sites: ReadonlySet<string>;
}

/** At most this many places are suggested for a name that is not one. */
const MAX_SUGGESTIONS = 3;

const tierWords: Record<PlaceTier, string> = { pcn: 'PCN', subIcb: 'sub-ICB location', icb: 'ICB', region: 'region' };

/** "NHS Kent and Medway ICB (QKS)": a place by name, with its ODS code when it has one. */
export function placeLabel(place: Scope['place']): string {
  return `${place.name} (${place.ods ?? place.id})`;
}

/** A place by ODS code or organisation id (case-insensitive); or the problem, with near names for a did-you-mean. */
export function resolveScope(register: Register, text: string): { scope: Scope } | { problem: string; suggestions: string[] } {
  const wanted = text.trim().toLowerCase();
  const places = new Map<string, Organisation>();
  for (const o of register.organisations) if (tierOf(o) && !places.has(o.id)) places.set(o.id, o);
  const all = [...places.values()];
  const org = all.find((o) => o.ods?.toLowerCase() === wanted) ?? all.find((o) => o.id.toLowerCase() === wanted);
  const withSites = new Map<string, Set<string>>();
  for (const [site, at] of placesOf(register).sites)
    for (const id of Object.values(at)) {
      let set = withSites.get(id);
      if (!set) withSites.set(id, (set = new Set()));
      set.add(site);
    }
  const suggestions = () => nearPlaces(all.filter((o) => withSites.has(o.id)), wanted);
  const shown = `\`${text.length > 60 ? `${text.slice(0, 59)}…` : text}\``;
  if (!org) {
    const other = register.organisations.find((o) => o.id.toLowerCase() === wanted || o.ods?.toLowerCase() === wanted);
    const site = register.sites.find((s) => s.id.toLowerCase() === wanted);
    const what = other ? `is the ${other.type} ${other.name}, not a place` : site ? `is the site ${site.name}, not a place` : 'names no place in the register';
    return { problem: `${shown} ${what}: a scope is a region, ICB, sub-ICB location or PCN, by its ODS code or id.`, suggestions: suggestions() };
  }
  const tier = tierOf(org)!;
  const place = { id: org.id, name: org.name, tier, ...(org.ods !== undefined ? { ods: org.ods } : {}) };
  const sites = withSites.get(org.id);
  if (!sites?.size)
    return { problem: `The ${tierWords[tier]} ${placeLabel(place)} has no sites: no site resolves to it through its PCN or its own fields, so there is nothing to show.`, suggestions: suggestions() };
  return { scope: { place, sites } };
}

/** Places whose ODS code or id is a few edits from the text, or whose name contains it: "QKS (NHS Kent and Medway ICB)". */
function nearPlaces(places: readonly Organisation[], wanted: string): string[] {
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  const scored: { o: Organisation; d: number }[] = [];
  for (const o of places) {
    const near = Math.min(editDistance(wanted, o.id.toLowerCase()), o.ods !== undefined ? editDistance(wanted, o.ods.toLowerCase()) : Infinity);
    const named = wanted.length >= 3 && o.name.toLowerCase().includes(wanted) ? 0.5 : Infinity;
    const d = Math.min(near, named);
    if (d <= allowed) scored.push({ o, d });
  }
  return scored
    .sort((a, b) => a.d - b.d || (a.o.name < b.o.name ? -1 : a.o.name > b.o.name ? 1 : 0))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ o }) => `${o.ods ?? o.id} (${o.name})`);
}

/** The analysis as seen from one place: reaches restricted to its sites, findings outside dropped, summary for the place, re-ranked. */
export function scopeAnalysis(ctx: AnalysisContext, analysis: Analysis, scope: Scope): Analysis {
  const lens = scopeLens(ctx, scope);
  const label = placeLabel(scope.place);
  const impacts = new Map(analysis.assets.map((a) => [a.id, a] as const));
  const findings: Finding[] = [];
  for (const f of analysis.findings) {
    const seen = f.id.startsWith('failure-point:local:') ? localFailurePoint(f, impacts, lens) : f.kind === 'fault-gap' ? restrictFaultGap(f, lens) : restrictFinding(f, lens);
    if (seen.reach.pairs === 0 && !(f.reach.pairs === 0 && concernsPlace(ctx, f, lens))) continue;
    findings.push(seen.reach === f.reach ? seen : { ...seen, explanation: `${seen.explanation} As seen from ${label}: ${describeReach(seen.reach)}.` });
  }
  const ranked = rankFindings(ctx.register, findings);
  const counts = Object.fromEntries(Object.keys(analysis.summary.findings).map((k) => [k, 0])) as Analysis['summary']['findings'];
  for (const f of ranked) counts[f.kind]++;
  return {
    asOf: analysis.asOf,
    scope: scope.place,
    summary: { ...analysis.summary, ...lens.summary(), findings: counts, coverage: coverageCounts(ranked) },
    assets: restrictImpacts(analysis.assets, lens),
    failurePoints: analysis.failurePoints.filter((p) => scope.sites.has(p.site)),
    capacity: restrictCapacity(analysis.capacity, lens, scope),
    scenarios: analysis.scenarios.map((s) => restrictScenario(s, lens)),
    findings: ranked,
  };
}

/** A finding with its reach, and its suggestion's figures, restricted to the place. */
function restrictFinding(f: Finding, lens: ScopeLens): Finding {
  const reach = lens.restrict(f.reach);
  if (reach === f.reach) return f;
  return { ...f, reach, ...(f.suggestion ? { suggestion: { ...f.suggestion, services: reach.services, sites: reach.sites, patients: reach.patients } } : {}) };
}

/** A fault gap as seen from the place: its reach, and the assets of the type that the place's routes use or its sites hold. */
function restrictFaultGap(f: Finding, lens: ScopeLens): Finding {
  const seen = restrictFinding(f, lens);
  return { ...seen, assets: f.assets.filter((id) => lens.servesId(id)) };
}

/**
 * The site-local failure points of one kind (each practice's own firewall) as seen from the place:
 * the largest of the place's own, and how many of the place's are named by no hazard.
 */
function localFailurePoint(f: Finding, impacts: ReadonlyMap<string, AssetImpact>, lens: ScopeLens): Finding {
  const seen = f.assets
    .map((id) => impacts.get(id))
    .filter((i): i is AssetImpact => i !== undefined)
    .map((i) => ({ i, reach: lens.restrict(i.reach) }))
    .filter((x) => x.reach.pairs > 0)
    .sort((x, y) => y.reach.patients - x.reach.patients || y.reach.pairs - x.reach.pairs || (x.i.id < y.i.id ? -1 : 1));
  const worst = seen[0];
  if (!worst) return { ...f, reach: NO_REACH };
  const uncovered = seen.filter((x) => x.i.hazards.length === 0).length;
  const base: Finding = {
    ...f,
    assets: seen.map((x) => x.i.id).sort(),
    reach: worst.reach,
    hazards: [...new Set(seen.flatMap((x) => x.i.hazards))].sort(),
    figures: { ...f.figures, sites: seen.length, uncovered },
  };
  const coverage = coverageOf(base);
  const { suggestion, coverage: _c, ...rest } = base;
  return {
    ...rest,
    ...(coverage ? { coverage } : {}),
    ...(coverage && coverage !== 'covered' && suggestion ? { suggestion: { ...suggestion, services: worst.reach.services, sites: worst.reach.sites, patients: worst.reach.patients } } : {}),
  };
}

/**
 * Whether a finding that reaches no one concerns the place: an asset of its is one the place's
 * routes use or one of the place's sites holds (a capacity finding whose overload cuts nothing),
 * or, for incidents against a likelihood, the hazard's causes name such an asset.
 */
function concernsPlace(ctx: AnalysisContext, f: Finding, lens: ScopeLens): boolean {
  if (f.kind === 'incident-likelihood') return f.hazards.some((h) => lens.hazardServes(h));
  return f.assets.some((id) => {
    const a = ctx.graph.assetIndex.get(id);
    return a !== undefined && lens.serves(a);
  });
}

function restrictImpacts(assets: readonly AssetImpact[], lens: ScopeLens): AssetImpact[] {
  return assets
    .map((a) => ({ ...a, reach: lens.restrict(a.reach) }))
    .filter((a) => a.reach.pairs > 0)
    .sort((x, y) => y.reach.patients - x.reach.patients || y.reach.pairs - x.reach.pairs || (x.id < y.id ? -1 : 1));
}

/**
 * Capacity rows of the assets the place's routes use, with their whole load: a concentrator
 * shared with the next ICB carries its load. N-1 shortfalls that put some of the place's sites at
 * risk, with those sites.
 */
function restrictCapacity(report: CapacityReport, lens: ScopeLens, scope: Scope): CapacityReport {
  return {
    loads: report.loads.filter((l) => lens.servesId(l.asset)),
    nMinusOne: report.nMinusOne
      .map((n) => ({ ...n, sitesAtRisk: n.sitesAtRisk.filter((s) => scope.sites.has(s)) }))
      .filter((n) => n.sitesAtRisk.length > 0),
  };
}

/** A named scenario's outcomes among the place's sites; its tolerance stays the register's. */
function restrictScenario(s: ScenarioResult, lens: ScopeLens): ScenarioResult {
  const reach = lens.restrict(s.reach);
  const degradedReach = lens.restrict(s.degradedReach);
  return {
    ...s,
    reach,
    degradedReach,
    overloaded: s.overloaded.map((o) => ({ ...o, reach: lens.restrict(o.reach) })).filter((o) => o.reach.pairs > 0 || lens.servesId(o.asset)),
    up: lens.up(reach, degradedReach),
  };
}
