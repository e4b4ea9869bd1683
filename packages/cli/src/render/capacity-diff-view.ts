import { capacityChanged, countOf, toleranceMeasures, type ByPlace, type CapacitySide, type RegisterDiff, type ScenarioChange, type ScenarioSide, type ShortfallChange, type ToleranceExceeded } from '@crr/core';
import { regionsAndIcbs, siteNames, type SiteLabel } from './reach.js';

/**
 * The capacity and scenario sections of `crr diff`, in words: the rows of the markdown comment
 * (laid out by the template) and the summary lines of the GitHub annotations. Decided here once,
 * so every format says the same thing.
 */

const n = (x: number) => x.toLocaleString('en-GB');
const plural = (k: number, word: string) => countOf(k, word);
const signed = (x: number) => (x > 0 ? `+${n(x)}` : x < 0 ? `−${n(-x)}` : '0');
const MAX_ROWS = 15;

const loadText = (s: CapacitySide | null) => (s ? `${n(s.load)} of ${n(s.limit)} ${s.unit}` : 'no capacity');
const worstText = (s: CapacitySide | null) => (s?.worstNMinusOne ? `${n(s.worstNMinusOne.load)} of ${n(s.limit)} (if ${s.worstNMinusOne.failed} fails)` : '—');

/** What each kind of shortfall change is called. */
const shortfallWhat = { overloads: { new: 'new overload at peak', grown: 'overload at peak grows', resolved: 'overload at peak resolved' }, nMinusOne: { new: 'new N-1 shortfall', grown: 'N-1 shortfall grows', resolved: 'N-1 shortfall resolved' } } as const;

/** The same in a table whose other column says when (at peak, or which failure). */
const changeWords = { new: 'new', grown: 'larger', resolved: 'resolved' } as const;

function shortfallRows(diff: RegisterDiff) {
  const rows: { what: string; which: keyof typeof changeWords; change: ShortfallChange }[] = [];
  for (const section of ['overloads', 'nMinusOne'] as const)
    for (const which of ['new', 'grown', 'resolved'] as const) for (const change of diff.capacity[section][which]) rows.push({ what: shortfallWhat[section][which], which, change });
  return rows;
}

const overloadText = (c: ShortfallChange) =>
  c.overloaded.map((o) => `${o.asset} ${o.load} of ${o.limit} ${o.unit}, shortfall ${o.shortfall}${o.shortfallBefore !== undefined ? ` (was ${o.shortfallBefore})` : ''}`).join('; ');

const exceededText = (list: readonly ToleranceExceeded[]) => {
  const words = new Map(toleranceMeasures.map((m) => [m.measure, m.words] as const));
  return list.map((e) => `${words.get(e.measure)!(e.actual)}, at most ${n(e.limit)}`).join('; ');
};
const cutText = (s: ScenarioSide | null) => (s ? `${plural(s.cut.sites, 'site')}, ${plural(s.cut.patients, 'patient')}` : '—');
const degradedText = (s: ScenarioSide | null) => (s ? `${plural(s.degraded.sites, 'site')}, ${plural(s.degraded.patients, 'patient')}` : '—');
const overloadsText = (s: ScenarioSide | null) => (s ? (s.overloads.length ? s.overloads.map((o) => `${o.asset} ${o.load} of ${o.limit}`).join(', ') : 'none') : '—');
/** Within or past: the base by its own tolerance, the head by the tolerance the change is held to. */
const toleranceText = (s: ScenarioSide | null, exceeded: readonly ToleranceExceeded[]) =>
  !s ? '—' : !s.tolerance ? 'no tolerance' : exceeded.length ? `past: ${exceededText(exceeded)}` : 'within';
const scenarioChangeWords: Record<ScenarioChange['change'], string> = { added: 'added', removed: 'removed', changed: 'changed', unchanged: 'unchanged' };

/** ` (worst N-1 4 → 5)` when the worst load after one failure changed. */
const worstChange = (b: CapacitySide | null, a: CapacitySide | null) => {
  const x = b?.worstNMinusOne?.load;
  const y = a?.worstNMinusOne?.load;
  return x === y ? '' : ` (worst N-1 ${x ?? '—'} → ${y ?? '—'})`;
};

/** The view of the capacity and scenario sections, for the markdown template. */
export function capacityView(diff: RegisterDiff, assetLink: (id: string) => { id: string; url: string | undefined }, labels: ReadonlyMap<string, SiteLabel> = new Map()) {
  const c = diff.capacity;
  const changed = capacityChanged(c);
  const shortfalls = shortfallRows(diff);
  const scenarios = diff.scenarios.list.filter((s) => s.change !== 'unchanged');
  return {
    capacityChanged: changed,
    /** The one line of a change that touches no capacity. */
    capacityLine: c.limited === 0 ? 'No change to capacity: no asset of the register has one.' : `No change to capacity: ${c.limited === 1 ? 'the capacity-limited asset carries' : `the ${n(c.limited)} capacity-limited assets carry`} the same load at peak and after any one failure (N-1), and no overload or shortfall is new or resolved.`,
    capacityLoads: c.loads.slice(0, MAX_ROWS).map((l) => ({
      ...assetLink(l.asset),
      name: l.name,
      before: loadText(l.before),
      after: loadText(l.after),
      change: l.before && l.after && l.before.unit === l.after.unit ? signed(l.after.load - l.before.load) : '—',
      worstBefore: worstText(l.before),
      worstAfter: worstText(l.after),
    })),
    moreCapacityLoads: Math.max(0, c.loads.length - MAX_ROWS),
    unchangedLoads: c.unchanged ? `${plural(c.unchanged, 'other capacity-limited asset')} unchanged.` : '',
    shortfalls: shortfalls.map(({ which, change: s }) => ({
      what: changeWords[which],
      failure: s.kind === 'capacity-n-1' ? `N-1: if ${s.failed} fails` : 'at peak, nothing failed',
      overloaded: overloadText(s),
      sites: `${n(s.sites.length)}: ${siteNames(s.sites, labels)}`,
      patients: n(s.patients),
      hazards: s.hazards.join(', ') || 'none',
      where: whereCell(s),
    })),
    shortfallsWhere: shortfalls.some(({ change }) => hasPlaces(change)),
    degradedReach: [
      ...c.degradedReach.scenarios.map((d) => ({ failure: `scenario ${d.id}`, ...reachCells(d), where: whereCell(d) })),
      ...c.degradedReach.nMinusOne.map((d) => ({ failure: `if ${d.id} fails (N-1)`, ...reachCells(d), where: whereCell(d) })),
    ],
    degradedReachWhere: [...c.degradedReach.scenarios, ...c.degradedReach.nMinusOne].some(hasPlaces),
    hasScenarios: diff.scenarios.list.length > 0,
    scenariosChanged: scenarios.length > 0,
    scenarioLine: `No change to the ${plural(diff.scenarios.list.length, 'named scenario')}: each cuts, degrades and overloads what it did.`,
    scenarios: scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      change: scenarioChangeWords[s.change],
      cut: `${cutText(s.before)} → ${cutText(s.after)}`,
      degraded: `${degradedText(s.before)} → ${degradedText(s.after)}`,
      overloads: `${overloadsText(s.before)} → ${overloadsText(s.after)}`,
      // The head is judged by the base's tolerance when the scenario exists there (a change cannot relax it).
      tolerance: `${toleranceText(s.before, s.before?.exceeded ?? [])} → ${!s.after ? '—' : s.before ? (s.before.tolerance ? (s.pastAtHead.length ? `past: ${exceededText(s.pastAtHead)}` : 'within') : 'no tolerance') : toleranceText(s.after, s.pastAtHead)}`,
      where: scenarioWhere(s),
    })),
    scenariosWhere: scenarios.some((s) => scenarioWhere(s) !== ''),
    unchangedScenarios: diff.scenarios.unchanged && scenarios.length ? `${plural(diff.scenarios.unchanged, 'other scenario')} unchanged.` : '',
  };
}

/** Places in a table cell, with the wording of "New common causes", at most three of each tier. */
export const whereCell = (r: ByPlace) => regionsAndIcbs(r, 3) ?? '';
export const hasPlaces = (r: ByPlace) => r.byIcb.length + r.byRegion.length > 0;

/** Where a scenario cuts and degrades, at head (at base for a removed scenario). */
function scenarioWhere(s: ScenarioChange): string {
  const side = s.after ?? s.before;
  if (!side) return '';
  return [...(hasPlaces(side.cut) ? [`cut: ${whereCell(side.cut)}`] : []), ...(hasPlaces(side.degraded) ? [`degraded: ${whereCell(side.degraded)}`] : [])].join('; ');
}

function reachCells(d: { sitesBefore: number; sitesAfter: number; patientsBefore: number; patientsAfter: number }) {
  return { sitesBefore: n(d.sitesBefore), sitesAfter: n(d.sitesAfter), patientsBefore: n(d.patientsBefore), patientsAfter: n(d.patientsAfter), delta: signed(d.patientsAfter - d.patientsBefore) };
}

/** How many capacity and scenario changes there are, for the verdict's count. */
export function capacityChangeCount(diff: RegisterDiff): number {
  const c = diff.capacity;
  return c.loads.length + shortfallRows(diff).length + c.degradedReach.nMinusOne.length + diff.scenarios.added.length + diff.scenarios.removed.length + diff.scenarios.changed.length;
}

/** The capacity and scenario sections as plain lines, for GitHub's `::notice::` summary. */
export function capacitySummary(diff: RegisterDiff): string[] {
  const c = diff.capacity;
  const lines: string[] = [];
  if (!capacityChanged(c)) lines.push(c.limited === 0 ? 'capacity: no change (no asset has a capacity).' : `capacity: no change (${plural(c.limited, 'capacity-limited asset')}).`);
  else {
    const parts: string[] = [];
    if (c.loads.length)
      parts.push(
        `load at peak ${c.loads
          .slice(0, 10)
          .map((l) => `${l.asset} ${l.before ? l.before.load : 'no capacity'} → ${l.after ? `${l.after.load} of ${l.after.limit} ${l.after.unit}` : 'no capacity'}${worstChange(l.before, l.after)}`)
          .join(', ')}${c.loads.length > 10 ? ` and ${c.loads.length - 10} more` : ''}${c.unchanged ? ` (${plural(c.unchanged, 'other')} unchanged)` : ''}`,
      );
    for (const { what, change: s } of shortfallRows(diff)) parts.push(`${what}${s.kind === 'capacity-n-1' ? ` if ${s.failed} fails` : ''}: ${overloadText(s)}, ${plural(s.sites.length, 'site')}; hazards naming it: ${s.hazards.join(', ') || 'none'}`);
    for (const d of c.degradedReach.scenarios) parts.push(`scenario ${d.id} degrades ${d.sitesBefore} → ${d.sitesAfter} sites`);
    for (const d of c.degradedReach.nMinusOne) parts.push(`if ${d.id} fails, sites at risk ${d.sitesBefore} → ${d.sitesAfter}`);
    lines.push(`capacity: ${parts.join('; ')}.`);
  }
  const changed = diff.scenarios.list.filter((s) => s.change !== 'unchanged');
  if (diff.scenarios.list.length)
    lines.push(
      changed.length
        ? `scenarios: ${changed
            .map((s) => `${s.id} ${s.change}${s.after ? ` (cut ${cutText(s.after)}; degraded ${degradedText(s.after)}; ${s.pastAtHead.length ? `past its tolerance: ${exceededText(s.pastAtHead)}` : 'within its tolerance'})` : ''}`)
            .join('; ')}${diff.scenarios.unchanged ? `; ${plural(diff.scenarios.unchanged, 'other')} unchanged` : ''}.`
        : `scenarios: no change (${plural(diff.scenarios.list.length, 'scenario')}).`,
    );
  return lines;
}
