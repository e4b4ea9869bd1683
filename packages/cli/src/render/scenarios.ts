import { scenarioFigures, toleranceMeasures, type ScenarioResult } from '@crr/core';
import type { Paint } from './colour.js';
import { reachLine } from './reach.js';
import { safeLine } from './safe-text.js';

const n = (x: number) => x.toLocaleString('en-GB');

/**
 * The "Scenarios" section of `crr analyse`: every named scenario in a few lines (title, its
 * tolerance verdict with the figures, what it cuts, degrades and overloads). The findings above
 * explain the ones past tolerance; this is where a reader sees the ones within it too.
 */
export function scenarioLines(results: readonly ScenarioResult[], p: Paint): string[] {
  if (!results.length) return [];
  const past = results.filter((r) => r.exceeded.length).length;
  const out = [p.bold(`Scenarios (${results.length}${past ? `, ${past} past their tolerance` : ''}):`), ''];
  for (const r of results) {
    out.push(`  ${safeLine(r.id)}: ${safeLine(r.title)}`);
    out.push(`    ${verdict(r, p)}`);
    out.push(`    ${p.dim('cut:')} ${reachLine(r.reach)}`);
    out.push(`    ${p.dim('degraded:')} ${reachLine(r.degradedReach)}`);
    if (r.overloaded.length)
      out.push(`    ${p.dim('overloaded at peak:')} ${r.overloaded.map((o) => `${safeLine(o.asset)} ${n(o.load)} of ${n(o.limit)} ${safeLine(o.unit)} (shortfall ${n(o.shortfall)})`).join('; ')}`);
    out.push('');
  }
  return out;
}

/** "past its tolerance: 2 sites cut against at most 0", or "within its tolerance: 0 sites cut (at most 0)". */
function verdict(r: ScenarioResult, p: Paint): string {
  if (r.exceeded.length) {
    const words = new Map(toleranceMeasures.map((m) => [m.measure, m.words] as const));
    return p.red(`past its tolerance: ${r.exceeded.map((e) => `${words.get(e.measure)!(e.actual)} against at most ${n(e.limit)}`).join('; ')}`) + p.dim(` (finding scenario:${safeLine(r.id)})`);
  }
  const t = r.tolerance;
  if (!t || !toleranceMeasures.some(({ measure }) => t[measure] !== undefined)) return 'no tolerance given';
  const actual = scenarioFigures(r);
  const within = toleranceMeasures.filter(({ measure }) => t[measure] !== undefined).map(({ measure, words }) => `${words(actual[measure])} (at most ${n(t[measure]!)})`);
  return `within its tolerance: ${within.join('; ')}`;
}
