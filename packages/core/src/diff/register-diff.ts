import type { Finding } from '../analysis/finding.js';
import { controlStatuses } from '../model/control.js';
import type { Hazard } from '../model/hazard.js';
import type { Register, Source, Sourced } from '../model/register.js';
import { hazardRisk } from '../risk/hazard-risk.js';
import { isEvidenceExpired, latestExpiry } from '../rules/expired-evidence.js';
import { capacityDiff, type CapacityDiff } from './capacity-diff.js';
import type { DiffAnalysis } from './diff-analysis.js';
import { nowhere, placesOfReach, placesOfSites, type ByPlace } from './diff-places.js';
import { acceptedFieldsChanged, canonical, hazardFingerprint } from './fingerprint.js';
import { scenarioDiff, type ScenarioDiff } from './scenario-diff.js';

/** One side of a comparison: a register, its analysis (a full one, or cut by `diffAnalysis`), and what it was read from. */
export interface DiffSide {
  label: string;
  register: Register;
  analysis: DiffAnalysis;
}

/** Where something is written, for annotations: the side it is on, file and line. */
export interface At {
  side: 'base' | 'head';
  file: string;
  line: number;
  column: number;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HazardRef {
  id: string;
  title: string;
  status: string;
  at: At;
}

export interface RatingChange {
  hazard: string;
  title: string;
  which: 'initial' | 'residual';
  before: number | null;
  after: number | null;
  direction: 'up' | 'down';
  at: At;
}

/**
 * An asset whose blast radius changed. `byIcb`/`byRegion` are where its reach falls at head, or
 * at base when it reaches nothing at head (removed, or no longer a failure point): the places
 * the figure that is not zero speaks of.
 */
export interface ReachChange extends ByPlace {
  asset: string;
  name: string;
  before: number;
  after: number;
  delta: number;
}

/** `byIcb`/`byRegion`: where `sites` are, at the side the change is read from (head for gains, base for losses). */
export interface FailurePointChange extends ByPlace {
  asset: string;
  name: string;
  /** Sites for which it became (or stopped being) a failure point, with the site's name and the services cut. */
  sites: { site: string; name: string; services: string[] }[];
  patients: number;
  /** Hazards naming the asset, at head (for gains) or base (for losses). */
  hazards: string[];
  at?: At;
}

export interface RegisterDiff {
  base: { label: string; version: string | null; title: string | null };
  head: { label: string; version: string | null; title: string | null };
  hazards: {
    added: HazardRef[];
    removed: HazardRef[];
    changed: (HazardRef & { fields: FieldChange[] })[];
  };
  ratings: RatingChange[];
  controls: {
    added: string[];
    removed: string[];
    /** A control taken off a hazard that still exists. */
    removedFromHazard: { hazard: string; control: string; hazardStatus: string; replaced: boolean; at: At }[];
    /** verified → implemented → proposed. */
    weakened: { control: string; before: string; after: string; at: At }[];
    /** Evidence that was current at base and has all expired at head. */
    evidenceExpired: { control: string; expired: string; at: At }[];
  };
  failurePoints: { gained: FailurePointChange[]; lost: FailurePointChange[] };
  commonCauses: { gained: Finding[]; lost: Finding[] };
  coverage: { gained: Finding[]; lost: Finding[] };
  reach: ReachChange[];
  /** Loads before and after, overloads and N-1 shortfalls new and resolved, degraded reach. */
  capacity: CapacityDiff;
  /** Each named scenario before and after, judged by the tolerance the change is held to. */
  scenarios: ScenarioDiff;
  acceptances: {
    /** Acceptances unchanged while the hazard they accept changed. */
    noLongerHold: { acceptance: string; hazard: string; fields: string[]; before: string; after: string; at: At }[];
    added: string[];
  };
  /** Acceptance id → the hazard it accepts, at head. */
  acceptancesByHazard: Record<string, string>;
  riskProfile: { rating: number; initialBefore: number; initialAfter: number; residualBefore: number; residualAfter: number }[];
}

const at = (side: 'base' | 'head', s: Source): At => ({ side, file: s.file, line: s.line, column: s.column });
const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x] as const));
const sortIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What changed between two versions of a register, in clinical risk terms. */
export function diffRegisters(base: DiffSide, head: DiffSide, options: { asOf: string }): RegisterDiff {
  const bh = byId(base.register.hazards);
  const hh = byId(head.register.hazards);
  const ref = (side: 'base' | 'head', h: Sourced<Hazard>): HazardRef => ({ id: h.id, title: h.title, status: h.status, at: at(side, h.source) });

  // --- Hazards and their ratings.
  const added = head.register.hazards.filter((h) => !bh.has(h.id)).map((h) => ref('head', h));
  const removed = base.register.hazards.filter((h) => !hh.has(h.id)).map((h) => ref('base', h));
  const changed: RegisterDiff['hazards']['changed'] = [];
  const ratings: RatingChange[] = [];
  for (const h of head.register.hazards) {
    const b = bh.get(h.id);
    if (!b) continue;
    const fields = fieldChanges(b, h);
    if (fields.length) changed.push({ ...ref('head', h), fields });
    const rb = hazardRisk(base.register.scheme, b);
    const rh = hazardRisk(head.register.scheme, h);
    for (const which of ['initial', 'residual'] as const) {
      const before = rb[which]?.rating ?? null;
      const after = rh[which]?.rating ?? null;
      if (before !== after && before !== null && after !== null)
        ratings.push({ hazard: h.id, title: h.title, which, before, after, direction: after > before ? 'up' : 'down', at: at('head', h.source) });
    }
  }

  // --- Controls.
  const bc = byId(base.register.controls);
  const hc = byId(head.register.controls);
  const strength = (s: string) => controlStatuses.indexOf(s as (typeof controlStatuses)[number]);
  const weakened: RegisterDiff['controls']['weakened'] = [];
  const evidenceExpired: RegisterDiff['controls']['evidenceExpired'] = [];
  for (const c of head.register.controls) {
    const b = bc.get(c.id);
    if (!b) continue;
    if (strength(c.status) < strength(b.status)) weakened.push({ control: c.id, before: b.status, after: c.status, at: at('head', c.source) });
    if ((b.evidence ?? []).length && !isEvidenceExpired(b.evidence, options.asOf) && isEvidenceExpired(c.evidence, options.asOf))
      evidenceExpired.push({ control: c.id, expired: latestExpiry(c.evidence)!, at: at('head', c.source) });
  }
  const controlsOf = (h: Hazard) => new Set([...(h.existingControls ?? []), ...(h.additionalControls ?? [])]);
  const removedFromHazard: RegisterDiff['controls']['removedFromHazard'] = [];
  for (const h of head.register.hazards) {
    const b = bh.get(h.id);
    if (!b) continue;
    const before = controlsOf(b);
    const after = controlsOf(h);
    const replaced = [...after].some((c) => !before.has(c));
    for (const c of [...before].sort(sortIds)) if (!after.has(c)) removedFromHazard.push({ hazard: h.id, control: c, hazardStatus: h.status, replaced, at: at('head', h.source) });
  }

  // --- Acceptances bound to what they accepted.
  const ba = byId(base.register.acceptances);
  const noLongerHold: RegisterDiff['acceptances']['noLongerHold'] = [];
  for (const a of head.register.acceptances) {
    const before = ba.get(a.id);
    if (!before || canonical(before) !== canonical(a)) continue; // new or re-recorded: it accepts the head
    const hb = bh.get(a.hazard);
    const hhz = hh.get(a.hazard);
    if (!hb || !hhz) continue;
    const fields = acceptedFieldsChanged(hb, hhz);
    if (fields.length) noLongerHold.push({ acceptance: a.id, hazard: a.hazard, fields, before: hazardFingerprint(hb), after: hazardFingerprint(hhz), at: at('head', a.source) });
  }

  // --- The analysis: failure points, common causes, coverage, reach.
  const findingIds = (a: DiffAnalysis, kind: string) => new Map(a.findings.filter((f) => f.kind === kind).map((f) => [f.id, f] as const));
  const gainedLost = (kind: string) => {
    const b = findingIds(base.analysis, kind);
    const h = findingIds(head.analysis, kind);
    return { gained: [...h.values()].filter((f) => !b.has(f.id)), lost: [...b.values()].filter((f) => !h.has(f.id)) };
  };
  const reachBefore = new Map(base.analysis.assets.map((a) => [a.id, a] as const));
  const reachAfter = new Map(head.analysis.assets.map((a) => [a.id, a] as const));
  const reach: ReachChange[] = [];
  for (const id of [...new Set([...reachBefore.keys(), ...reachAfter.keys()])].sort(sortIds)) {
    const before = reachBefore.get(id)?.reach.patients ?? 0;
    const after = reachAfter.get(id)?.reach.patients ?? 0;
    if (before === after) continue;
    const where = after ? reachAfter.get(id)!.reach : reachBefore.get(id)?.reach;
    reach.push({ asset: id, name: reachAfter.get(id)?.name ?? reachBefore.get(id)?.name ?? id, before, after, delta: after - before, ...(where ? placesOfReach(where) : nowhere()) });
  }
  reach.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || sortIds(a.asset, b.asset));

  return {
    base: sideInfo(base),
    head: sideInfo(head),
    hazards: { added, removed, changed },
    ratings,
    controls: {
      added: head.register.controls.filter((c) => !bc.has(c.id)).map((c) => c.id),
      removed: base.register.controls.filter((c) => !hc.has(c.id)).map((c) => c.id),
      removedFromHazard,
      weakened,
      evidenceExpired,
    },
    failurePoints: failurePointChanges(base, head),
    commonCauses: gainedLost('common-cause'),
    coverage: coverageChanges(base.analysis, head.analysis),
    reach,
    capacity: capacityDiff(base, head),
    scenarios: scenarioDiff(base, head),
    acceptances: { noLongerHold, added: head.register.acceptances.filter((a) => !ba.has(a.id) || canonical(ba.get(a.id)) !== canonical(a)).map((a) => a.id) },
    acceptancesByHazard: Object.fromEntries(head.register.acceptances.map((a) => [a.id, a.hazard])),
    riskProfile: riskProfile(base.register, head.register),
  };
}

/**
 * Coverage lost: findings at head that the hazard log does not fully name (coverage gap or
 * partial) and that were fully named at base, or new. Coverage gained: findings not fully named at
 * base that are still there at head, now named by a hazard. (A gap whose failure point simply
 * went away was not covered: there is nothing left to cover.) Lost lists the head's findings,
 * gained the head's findings now covered, so both carry the finding ids.
 */
function coverageChanges(base: DiffAnalysis, head: DiffAnalysis): RegisterDiff['coverage'] {
  const uncovered = (f: Finding) => f.coverage === 'gap' || f.coverage === 'partial';
  const before = new Map(base.findings.filter(uncovered).map((f) => [f.id, f] as const));
  const after = new Map(head.findings.filter(uncovered).map((f) => [f.id, f] as const));
  return {
    gained: head.findings.filter((f) => f.coverage === 'covered' && before.has(f.id)),
    lost: [...after.values()].filter((f) => !before.has(f.id)),
  };
}

function sideInfo(s: DiffSide): RegisterDiff['base'] {
  return { label: s.label, version: s.register.manifest?.version ?? null, title: s.register.manifest?.title ?? null };
}

/** Field-by-field: top-level fields, and one level into objects (`residualRisk.likelihood`). */
function fieldChanges(before: Sourced<Hazard>, after: Sourced<Hazard>): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'source').sort(sortIds);
  for (const k of keys) {
    const b = (before as Record<string, unknown>)[k];
    const a = (after as Record<string, unknown>)[k];
    if (canonical(b ?? null) === canonical(a ?? null)) continue;
    if (b && a && typeof b === 'object' && typeof a === 'object' && !Array.isArray(b) && !Array.isArray(a)) {
      for (const sub of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort(sortIds)) {
        const bs = (b as Record<string, unknown>)[sub];
        const as = (a as Record<string, unknown>)[sub];
        if (canonical(bs ?? null) !== canonical(as ?? null)) out.push({ field: `${k}.${sub}`, before: bs ?? null, after: as ?? null });
      }
    } else out.push({ field: k, before: b ?? null, after: a ?? null });
  }
  return out;
}

/** (asset, site) failure points at one side but not the other, by asset, with the patients of those sites. */
function failurePointChanges(base: DiffSide, head: DiffSide): RegisterDiff['failurePoints'] {
  const pairs = (a: DiffAnalysis) => {
    const map = new Map<string, Map<string, string[]>>();
    for (const p of a.failurePoints)
      for (const asset of p.assets) {
        let bySite = map.get(asset);
        if (!bySite) map.set(asset, (bySite = new Map()));
        const list = bySite.get(p.site) ?? [];
        list.push(p.service);
        bySite.set(p.site, list);
      }
    return map;
  };
  const before = pairs(base.analysis);
  const after = pairs(head.analysis);
  const patientsOf = (r: Register) => new Map(r.sites.map((s) => [s.id, s.listSize ?? 0] as const));
  const namesOf = (r: Register) => {
    const m = new Map<string, string>();
    for (const s of r.sites) if (!m.has(s.id)) m.set(s.id, s.name);
    return m;
  };
  const change = (from: Map<string, Map<string, string[]>>, to: Map<string, Map<string, string[]>>, side: DiffSide, sideName: 'base' | 'head'): FailurePointChange[] => {
    const patients = patientsOf(side.register);
    const names = namesOf(side.register);
    const hazards = new Map(side.analysis.assets.map((a) => [a.id, a.hazards] as const));
    const assets = new Map(side.register.assets.map((a) => [a.id, a] as const));
    const out: FailurePointChange[] = [];
    for (const [asset, sites] of to) {
      const was = from.get(asset);
      const fresh = [...sites].filter(([site, services]) => !was?.has(site) || services.some((s) => !was.get(site)!.includes(s)));
      if (!fresh.length) continue;
      const a = assets.get(asset);
      out.push({
        asset,
        name: a?.name ?? asset,
        sites: fresh.map(([site, services]) => ({ site, name: names.get(site) ?? site, services: [...services].sort() })).sort((x, y) => sortIds(x.site, y.site)),
        patients: fresh.reduce((n, [site]) => n + (patients.get(site) ?? 0), 0),
        ...placesOfSites(side.register, fresh.map(([site]) => site)),
        hazards: hazards.get(asset) ?? [],
        ...(a ? { at: at(sideName, a.source) } : {}),
      });
    }
    return out.sort((x, y) => y.patients - x.patients || sortIds(x.asset, y.asset));
  };
  return { gained: change(before, after, head, 'head'), lost: change(after, before, base, 'base') };
}

function riskProfile(base: Register, head: Register): RegisterDiff['riskProfile'] {
  const count = (r: Register, which: 'initial' | 'residual', rating: number) => r.hazards.filter((h) => hazardRisk(r.scheme, h)[which]?.rating === rating).length;
  const ratings = [...new Set([...base.scheme.ratings, ...head.scheme.ratings].map((r) => r.rating))].sort((a, b) => a - b);
  return ratings.map((rating) => ({
    rating,
    initialBefore: count(base, 'initial', rating),
    initialAfter: count(head, 'initial', rating),
    residualBefore: count(base, 'residual', rating),
    residualAfter: count(head, 'residual', rating),
  }));
}
