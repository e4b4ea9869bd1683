import { countOf, type FailureReport, type LoadChange, type Overload, type Reach } from '@crr/core';
import type { Paint } from './colour.js';
import { placesLine, reachLine, servicesLine, shortList } from './reach.js';
import { safeLine } from './safe-text.js';

/**
 * The three outcomes of a failure (cut, degraded, up), then what is overloaded at peak and how
 * the loads moved: the text of `crr what-if` after its question. Every list is capped, so a
 * national what-if (thousands of sites, ~84 concentrators) stays a screenful; register text
 * (ids, names, units, services) is escaped.
 */
export function failureOutcomeLines(r: FailureReport, p: Paint): string[] {
  return [...cutLines(r), '', ...degradedLines(r, p), '', upLine(r), ...overloadLines(r.overloaded, p), ...loadLines(r.loads)];
}

/** At most this many overloaded assets, and this many load changes, are listed. */
export const MAX_LISTED = 20;

const n = (x: number) => x.toLocaleString('en-GB');
const plural = (x: number, word: string) => countOf(x, word);

function cutLines(r: FailureReport): string[] {
  if (!r.reach.pairs) {
    // "Keeps every service" would hide a degraded site: say only what is true.
    const calm = !r.degradedReach.pairs && !r.overloaded.length;
    return [calm ? 'Nothing is cut: every site keeps every clinical service.' : 'Nothing is cut: every site can still reach every clinical service.'];
  }
  return [`Cut: ${reachLine(r.reach)}.`, ...reachDetail(r.reach)];
}

function degradedLines(r: FailureReport, p: Paint): string[] {
  if (!r.degradedReach.pairs) return ['Degraded: nothing. No route left working passes through an overloaded asset, or has lost its redundancy.'];
  const overloadedSites = new Set<string>();
  const exposedSites = new Set<string>();
  for (const d of r.degraded) {
    if (d.overloaded.length) overloadedSites.add(d.site);
    if (d.newFailurePoints.length) exposedSites.add(d.site);
  }
  const why: string[] = [];
  if (overloadedSites.size) why.push(`${plural(overloadedSites.size, 'site')} through an overloaded asset at peak (service intermittent)`);
  if (exposedSites.size) why.push(`${plural(exposedSites.size, 'site')} with no redundancy left (one more failure cuts them)`);
  return [p.yellow(`Degraded: ${reachLine(r.degradedReach)}: still reachable, but at risk.`), `  Why: ${why.join('; ')}.`, ...reachDetail(r.degradedReach)];
}

function upLine(r: FailureReport): string {
  const pairs = r.reach.pairs + r.degradedReach.pairs + r.up.pairs;
  const sites = r.up.sites + new Set([...r.reach.sites, ...r.degradedReach.sites]).size;
  return `Up: ${n(r.up.pairs)} of ${plural(pairs, '(site, service) pair')}; ${n(r.up.sites)} of ${plural(sites, 'site')} keep every service as it was.`;
}

/** By service, PCNs and sites of a reach, indented under its headline. */
function reachDetail(r: Reach): string[] {
  const practices = r.practices === r.sites.length ? (r.practices === 1 ? 'a practice' : 'all practices or branches') : `${plural(r.practices, 'practice')}`;
  // Places first when the register has them: at national scale "which ICBs" is the question.
  const places = [
    ...(r.byRegion.length ? [`  Regions: ${placesLine(r.byRegion)}.`] : []),
    ...(r.byIcb.length ? [`  ICBs: ${placesLine(r.byIcb)}.`] : []),
  ];
  return [`  By service: ${servicesLine(r)}.`, ...places, `  PCNs: ${shortList(r.pcns)}.`, `  Sites (${n(r.sites.length)}, ${practices}): ${shortList(r.sites, 20)}.`];
}

function overloadLines(overloaded: readonly Overload[], p: Paint): string[] {
  if (!overloaded.length) return [];
  const lines = overloaded.slice(0, MAX_LISTED).map((o) => {
    const unit = safeLine(o.unit);
    const load = `${o.unmeasured ? 'at least ' : ''}${n(o.load)} of ${n(o.limit)} ${unit}`;
    const unmeasured = o.unmeasured ? ` (${plural(o.unmeasured, 'site')} give no figure in ${unit})` : '';
    return `  ${safeLine(o.asset)}, ${safeLine(o.name)}: ${p.red(`${load}, a shortfall of ${n(o.shortfall)}`)}${unmeasured}; ${n(o.before)} before the failure; ${plural(o.reach.sites.length, 'site')} (${n(o.reach.patients)} patients) pass through it.`;
  });
  if (overloaded.length > MAX_LISTED) lines.push(`  and ${n(overloaded.length - MAX_LISTED)} more.`);
  return ['', p.bold(`Overloaded at peak (${n(overloaded.length)}):`), ...lines];
}

/**
 * The capacity-limited assets whose load changed, most changed first: a national register has
 * dozens of concentrators, and the ones the failure does not touch are noise here.
 */
function loadLines(loads: readonly LoadChange[]): string[] {
  if (!loads.length) return [];
  const changed = loads.filter((l) => l.after !== l.before).sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || (a.asset < b.asset ? -1 : a.asset > b.asset ? 1 : 0));
  if (!changed.length) return ['', `Capacity: no load changes on the ${plural(loads.length, 'capacity-limited asset')}.`];
  const shown = changed.slice(0, MAX_LISTED);
  const rows = [['asset', 'unit', 'limit', 'before', '→', 'after', 'headroom'], ...shown.map((l) => [safeLine(l.asset), safeLine(l.unit), n(l.limit), n(l.before), '→', n(l.after), n(l.headroom)])];
  const width = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const right = new Set([2, 3, 5, 6]);
  const table = rows.map((row) => '  ' + row.map((cell, c) => (right.has(c) ? cell.padStart(width[c]!) : cell.padEnd(width[c]!))).join('  ').trimEnd());
  const more = changed.length > shown.length ? [`  and ${n(changed.length - shown.length)} more.`] : [];
  return ['', `Capacity, loads that change (${n(changed.length)} of ${plural(loads.length, 'capacity-limited asset')}):`, ...table, ...more];
}
