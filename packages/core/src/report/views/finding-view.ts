/** The findings page: each finding with its links, label and colour. */
import { FINDING_KIND_META } from '../../analysis/finding-kinds.js';
import { refOf } from '../refs.js';
import type { FindingView } from '../report-data.js';
import type { ReportContext } from './report-context.js';
import { scenarioOfFinding } from './scenario-view.js';

/** A finding lists this many assets by name. */
const FINDING_ASSETS_LISTED = 50;

/** The findings in the analysis's order (most patients first). */
export function findingViews(rc: ReportContext): FindingView[] {
  const scenarios = new Map<string, { id: string; title: string }>();
  for (const s of rc.ctx.register.scenarios) if (!scenarios.has(s.id)) scenarios.set(s.id, s);
  return rc.analysis.findings.map((f, i) => {
    // A scenario past its tolerance links to the scenario's page.
    const scenario = f.kind === 'scenario-tolerance' ? scenarios.get(scenarioOfFinding(f.id) ?? '') : undefined;
    return {
      ...f,
      reach: rc.reach(f.reach),
      slug: rc.findingSlugs.get(f.id)!,
      rank: i + 1,
      kindLabel: FINDING_KIND_META[f.kind]?.label ?? f.kind,
      colour: FINDING_KIND_META[f.kind]?.colour ?? 'grey',
      ...(f.suggestion ? { suggestionServices: f.suggestion.services.map(rc.links.service) } : {}),
      assetRefs: f.assets.slice(0, FINDING_ASSETS_LISTED).map(rc.links.asset),
      hazardRefs: f.hazards.map(rc.links.hazard),
      ...(scenario ? { scenario: refOf({ id: scenario.id, name: scenario.title }, rc.slugs.scenarios) } : {}),
    };
  });
}
