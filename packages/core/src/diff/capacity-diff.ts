import type { CapacityLoad } from '../analysis/capacity.js';
import type { Finding } from '../analysis/finding.js';
import type { Register } from '../model/register.js';
import type { DiffAnalysis } from './diff-analysis.js';
import { nowhere, placesOfReach, placesOfSites, type ByPlace } from './diff-places.js';
import type { At } from './register-diff.js';

/** A capacity-limited asset at one side of a change: its limit, its load at peak, and the worst N-1 load. */
export interface CapacitySide {
  limit: number;
  unit: string;
  load: number;
  /** limit − load; negative when over. */
  headroom: number;
  /** The most it would carry when one other member of its redundancy group fails, and which. */
  worstNMinusOne?: { failed: string; load: number; headroom: number };
}

/** An asset whose load, limit or worst N-1 load changed; a side is `null` where it has no capacity. */
export interface CapacityLoadChange {
  asset: string;
  name: string;
  before: CapacitySide | null;
  after: CapacitySide | null;
}

/** One asset over its limit, in its unit. */
export interface OverloadFigure {
  asset: string;
  name: string;
  unit: string;
  limit: number;
  load: number;
  /** load − limit. */
  shortfall: number;
  /** Its shortfall at the other side of the change (0 when it was within its limit there). */
  shortfallBefore?: number;
}

/**
 * An overload at peak (`capacity:<asset>`) or an N-1 shortfall (`capacity-n-1:<failed>`) that a
 * change creates, makes worse, or resolves. Figures are the head's (new, grown) or the base's
 * (resolved), and so are `byIcb`/`byRegion`: where `sites` are.
 */
export interface ShortfallChange extends ByPlace {
  /** The finding's id, stable across versions. */
  finding: string;
  kind: 'capacity' | 'capacity-n-1';
  /** N-1 only: the member whose failure moves the load. */
  failed?: string;
  overloaded: OverloadFigure[];
  /** The largest shortfall among `overloaded`. */
  shortfall: number;
  /** New and grown: the base's largest shortfall, `null` when the finding is new. Resolved: `null` (the figures are the base's). */
  shortfallBefore: number | null;
  /** Sites whose traffic passes through the overloaded asset(s). */
  sites: string[];
  patients: number;
  /** Hazards naming the overloaded asset(s) (the finding's `hazards`), at the side the figures come from. */
  hazards: string[];
  /** Where the (first) overloaded asset is declared, at that side. */
  at?: At;
}

/**
 * Sites and patients put at risk by one failure, before and after. `byIcb`/`byRegion`: where the
 * sites at risk are at head, or at base when none is at head.
 */
export interface DegradedReachChange extends ByPlace {
  /** A scenario id, or the asset whose failure (N-1) is measured. */
  id: string;
  sitesBefore: number;
  sitesAfter: number;
  patientsBefore: number;
  patientsAfter: number;
}

export interface CapacityDiff {
  /** Assets with a capacity at either side. */
  limited: number;
  /** Assets whose load, limit or worst N-1 load changed, in the head's register order (then base-only ones). */
  loads: CapacityLoadChange[];
  /** Capacity-limited assets with nothing changed (not listed). */
  unchanged: number;
  /** Overloads at peak. */
  overloads: { new: ShortfallChange[]; grown: ShortfallChange[]; resolved: ShortfallChange[] };
  /** Shortfalls when one member of a redundancy group fails. */
  nMinusOne: { new: ShortfallChange[]; grown: ShortfallChange[]; resolved: ShortfallChange[] };
  /**
   * Degraded reach that changed: each named scenario (sites and patients degraded), and each N-1
   * failure (sites at risk on an overloaded survivor).
   */
  degradedReach: { scenarios: DegradedReachChange[]; nMinusOne: DegradedReachChange[] };
}

interface Side {
  register: Register;
  analysis: DiffAnalysis;
}

/** Assets by id, built once per register (a national register has tens of thousands). */
const byIdCache = new WeakMap<Register, Map<string, Register['assets'][number]>>();
function assetById(r: Register, id: string) {
  let m = byIdCache.get(r);
  if (!m) byIdCache.set(r, (m = new Map(r.assets.map((a) => [a.id, a] as const))));
  return m.get(id);
}

const sortIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether a change touched capacity at all: the one-line "no change" when it did not. */
export function capacityChanged(c: CapacityDiff): boolean {
  return (
    c.loads.length +
      c.overloads.new.length +
      c.overloads.grown.length +
      c.overloads.resolved.length +
      c.nMinusOne.new.length +
      c.nMinusOne.grown.length +
      c.nMinusOne.resolved.length +
      c.degradedReach.scenarios.length +
      c.degradedReach.nMinusOne.length >
    0
  );
}

/** Capacity before and after a change, from the two analyses (the same evaluation `analyse` and `what-if` use). */
export function capacityDiff(base: Side, head: Side): CapacityDiff {
  const sideOf = (l: CapacityLoad): CapacitySide => ({
    limit: l.limit,
    unit: l.unit,
    load: l.load,
    headroom: l.headroom,
    ...(l.worstNMinusOne ? { worstNMinusOne: l.worstNMinusOne } : {}),
  });
  const before = new Map(base.analysis.capacity.loads.map((l) => [l.asset, sideOf(l)] as const));
  const after = new Map(head.analysis.capacity.loads.map((l) => [l.asset, sideOf(l)] as const));
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
  const loads: CapacityLoadChange[] = [];
  for (const id of ids) {
    const b = before.get(id) ?? null;
    const a = after.get(id) ?? null;
    if (same(b, a)) continue;
    loads.push({ asset: id, name: (assetById(head.register, id) ?? assetById(base.register, id))?.name ?? id, before: b, after: a });
  }
  return {
    limited: ids.length,
    loads,
    unchanged: ids.length - loads.length,
    overloads: shortfallChanges(base, head, 'capacity'),
    nMinusOne: shortfallChanges(base, head, 'capacity-n-1'),
    degradedReach: { scenarios: scenarioReach(base, head), nMinusOne: nMinusOneReach(base, head) },
  };
}

/** The overloaded assets a finding speaks of, from the side's capacity report. */
function overloadedOf(side: Side, f: Finding): OverloadFigure[] {
  const name = (id: string) => assetById(side.register, id)?.name ?? id;
  if (f.kind === 'capacity') {
    const l = side.analysis.capacity.loads.find((x) => x.asset === f.assets[0]);
    return l ? [{ asset: l.asset, name: name(l.asset), unit: l.unit, limit: l.limit, load: l.load, shortfall: l.load - l.limit }] : [];
  }
  const n = side.analysis.capacity.nMinusOne.find((x) => x.failed === f.figures?.failed);
  return (n?.overloaded ?? []).map((o) => ({ asset: o.asset, name: name(o.asset), unit: o.unit, limit: o.limit, load: o.load, shortfall: o.shortfall }));
}

function shortfallChanges(base: Side, head: Side, kind: 'capacity' | 'capacity-n-1'): CapacityDiff['overloads'] {
  const of = (s: Side) => new Map(s.analysis.findings.filter((f) => f.kind === kind).map((f) => [f.id, f] as const));
  const b = of(base);
  const h = of(head);
  const change = (side: Side, sideName: 'base' | 'head', f: Finding, other: OverloadFigure[] | null): ShortfallChange => {
    const overloaded = overloadedOf(side, f).map((o) => ({ ...o, ...(other ? { shortfallBefore: Math.max(0, other.find((x) => x.asset === o.asset)?.shortfall ?? 0) } : {}) }));
    const first = overloaded[0] ? assetById(side.register, overloaded[0].asset) : undefined;
    return {
      finding: f.id,
      kind,
      ...(kind === 'capacity-n-1' ? { failed: String(f.figures?.failed ?? f.assets[0]) } : {}),
      overloaded,
      shortfall: Math.max(0, ...overloaded.map((o) => o.shortfall)),
      shortfallBefore: other ? Math.max(0, ...other.map((o) => o.shortfall)) : null,
      sites: [...f.reach.sites].sort(sortIds),
      patients: f.reach.patients,
      hazards: f.hazards,
      ...placesOfReach(f.reach),
      ...(first ? { at: { side: sideName, file: first.source.file, line: first.source.line, column: first.source.column } } : {}),
    };
  };
  const fresh: ShortfallChange[] = [];
  const grown: ShortfallChange[] = [];
  for (const f of h.values()) {
    const was = b.get(f.id);
    if (!was) {
      fresh.push(change(head, 'head', f, null));
      continue;
    }
    const c = change(head, 'head', f, overloadedOf(base, was));
    // Worse for some overloaded asset: a larger shortfall, or a survivor newly over its limit.
    if (c.overloaded.some((o) => o.shortfall > (o.shortfallBefore ?? 0))) grown.push(c);
  }
  const resolved = [...b.values()].filter((f) => !h.has(f.id)).map((f) => change(base, 'base', f, null));
  const order = (x: ShortfallChange, y: ShortfallChange) => y.shortfall - x.shortfall || sortIds(x.finding, y.finding);
  return { new: fresh.sort(order), grown: grown.sort(order), resolved: resolved.sort(order) };
}

function scenarioReach(base: Side, head: Side): DegradedReachChange[] {
  const b = new Map(base.analysis.scenarios.map((s) => [s.id, s] as const));
  const h = new Map(head.analysis.scenarios.map((s) => [s.id, s] as const));
  const ids = [...h.keys(), ...[...b.keys()].filter((id) => !h.has(id))];
  return ids
    .map((id) => {
      const after = h.get(id)?.degradedReach;
      const where = after?.sites.length ? after : b.get(id)?.degradedReach;
      return {
        id,
        sitesBefore: b.get(id)?.degradedReach.sites.length ?? 0,
        sitesAfter: after?.sites.length ?? 0,
        patientsBefore: b.get(id)?.degradedReach.patients ?? 0,
        patientsAfter: after?.patients ?? 0,
        ...(where ? placesOfReach(where) : nowhere()),
      };
    })
    .filter((c) => c.sitesBefore !== c.sitesAfter || c.patientsBefore !== c.patientsAfter);
}

function nMinusOneReach(base: Side, head: Side): DegradedReachChange[] {
  const patients = (s: Side) => new Map(s.register.sites.map((x) => [x.id, x.listSize ?? 0] as const));
  const atRisk = (s: Side) => {
    const p = patients(s);
    return new Map(s.analysis.capacity.nMinusOne.map((n) => [n.failed, { list: n.sitesAtRisk, sites: n.sitesAtRisk.length, patients: n.sitesAtRisk.reduce((t, id) => t + (p.get(id) ?? 0), 0) }] as const));
  };
  const b = atRisk(base);
  const h = atRisk(head);
  const ids = [...new Set([...b.keys(), ...h.keys()])].sort(sortIds);
  return ids
    .map((id) => ({ id, sitesBefore: b.get(id)?.sites ?? 0, sitesAfter: h.get(id)?.sites ?? 0, patientsBefore: b.get(id)?.patients ?? 0, patientsAfter: h.get(id)?.patients ?? 0 }))
    .filter((c) => c.sitesBefore !== c.sitesAfter || c.patientsBefore !== c.patientsAfter)
    // Places only for the changes listed: each is a pass over its sites.
    .map((c) => ({ ...c, ...(c.sitesAfter ? placesOfSites(head.register, h.get(c.id)!.list) : c.sitesBefore ? placesOfSites(base.register, b.get(c.id)!.list) : nowhere()) }));
}
