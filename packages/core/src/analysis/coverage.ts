import type { RiskScheme } from '../risk/scheme.js';
import type { Coverage, Finding, FindingKind, HazardSuggestion } from './finding.js';
import { listWords } from './failure-points.js';
import type { Reach } from './reach.js';

/** Findings whose cause a hazard should name: what can cut a clinical service. */
export const NEEDS_A_HAZARD: ReadonlySet<FindingKind> = new Set<FindingKind>(['failure-point', 'common-cause', 'redundancy-defeated', 'double-failure', 'capacity', 'capacity-n-1']);

/** How well the hazard log names a finding's cause; undefined for a finding that needs no hazard or reaches no one. */
export function coverageOf(f: Finding): Coverage | undefined {
  if (!NEEDS_A_HAZARD.has(f.kind) || f.reach.pairs === 0) return undefined;
  // Site-local failure points are covered asset by asset: a hazard naming some sites' firewalls
  // leaves the others uncovered, and `figures.uncovered` counts them.
  if (f.id.startsWith('failure-point:local:')) {
    const uncovered = Number(f.figures?.uncovered ?? 0);
    return uncovered === 0 ? 'covered' : f.hazards.length === 0 ? 'gap' : 'partial';
  }
  return f.hazards.length > 0 ? 'covered' : 'gap';
}

/**
 * Every failure point and common cause that reaches a clinical service should be named by a
 * hazard. Each such finding says whether it is (its `coverage`), and when it is not fully, carries
 * a suggested hazard stub for the CSO: the cause, what it cuts, and the severity words of the
 * scheme that fit its reach. Never a rating. The gap is a property of the finding, not a second
 * finding repeating it.
 */
export function withCoverage(findings: readonly Finding[], scheme: RiskScheme): Finding[] {
  return findings.map((f) => {
    const coverage = coverageOf(f);
    if (coverage === undefined) return f;
    if (coverage === 'covered') return { ...f, coverage };
    const suggestion = suggest(f, scheme);
    const unnamed = coverage === 'gap' ? ` No hazard in the log names ${f.assets.length === 1 ? 'this asset' : 'these assets'} as a cause.` : '';
    return {
      ...f,
      explanation: `${f.explanation}${unnamed} Suggested: a hazard "${suggestion.title}", caused by ${suggestion.cause}, affecting ${listWords(suggestion.services)}. Its reach is ${suggestion.reachWords}, so the severity words that apply are: ${suggestion.severityWords.map((w) => w.level).join(', ')}. The rating is for the CSO to judge.`,
      coverage,
      suggestion,
    };
  });
}

/** How many findings are gaps, partly covered, or covered. */
export function coverageCounts(findings: readonly Finding[]): Record<Coverage, number> {
  const counts: Record<Coverage, number> = { gap: 0, partial: 0, covered: 0 };
  for (const f of findings) if (f.coverage) counts[f.coverage]++;
  return counts;
}

/** Whether a reach is of one patient or several, and the scheme's severity levels whose descriptions speak of it. */
export function severityWordsFor(reach: Reach, scheme: RiskScheme): Pick<HazardSuggestion, 'reachWords' | 'severityWords'> {
  const several = reach.sites.length > 1 || reach.patients > 1;
  const reachWords = several ? ('several patients' as const) : ('one patient' as const);
  const word = several ? /several/i : /\bone\b/i;
  const matching = scheme.severities.filter((s) => word.test(s.description));
  return { reachWords, severityWords: (matching.length ? matching : scheme.severities).map((s) => ({ level: s.level, description: s.description })) };
}

function suggest(f: Finding, scheme: RiskScheme): HazardSuggestion {
  const services = f.reach.services;
  const fig = f.figures ?? {};
  const cause =
    f.kind === 'capacity-n-1'
      ? `failure of \`${fig.failed}\`, which leaves ${listWords(String(fig.overloaded).split(', ').map((a) => `\`${a}\``))} carrying more than its limit at peak (${fig.load} of ${fig.limit} ${fig.unit})`
      : f.kind === 'capacity'
        ? `\`${f.assets[0]}\` running out of capacity at peak (${fig.load} of ${fig.limit} ${fig.unit})`
        : f.attribute
    ? `a defect or outage affecting every asset with the ${f.attribute.name} ${f.attribute.value}`
    : f.assets.length === 1
      ? `failure of \`${f.assets[0]}\``
      : f.kind === 'failure-point'
        ? `failure of a site's own ${f.id.replace('failure-point:local:', '')}`
        : `joint failure of ${listWords(f.assets.slice(0, 5))}`;
  return {
    // An overload leaves service intermittent rather than gone: say so, as April 2026 was.
    title: f.kind === 'capacity' || f.kind === 'capacity-n-1' ? `Practices lose ${services.join(', ')} intermittently at peak because of ${cause}` : `Practices cannot use ${services.join(', ')} because of ${cause}`,
    cause,
    services,
    sites: f.reach.sites,
    patients: f.reach.patients,
    ...severityWordsFor(f.reach, scheme),
  };
}
