import { hazardsCovering } from './coverage-index.js';
import type { AnalysisContext } from './context.js';
import { distinctGroups } from './common-causes.js';
import type { Finding } from './finding.js';
import { describeReach, listWords } from './failure-points.js';
import { reachOf } from './reach.js';
import { routesCutAmong } from './what-if.js';

/**
 * Double failure points within redundancy groups: pairs of assets whose joint failure takes a
 * group down, and with it (site, service) pairs that neither cuts alone. Candidates come from
 * the members' cut sets (an asset that cuts every member but one, paired with one that cuts the
 * rest); each candidate pair is then checked by evaluating the routes with both failed, so no
 * pair is reported that does not really cut.
 */
export function doubleFailureFindings(ctx: AnalysisContext): Finding[] {
  const { graph, cuts } = ctx;
  const pairs = new Map<string, { x: number; y: number; groups: Set<string>; routes: Set<number> }>();
  for (const g of distinctGroups(ctx)) {
    const groupCut = new Set(cuts.req(g.group) ?? []);
    const memberCuts = g.group.members.map((m) => cuts.req(m)).filter((c): c is readonly number[] => c !== null).map((c) => new Set(c));
    const k = g.group.kind === 'any' ? 1 : g.group.k;
    const spare = memberCuts.length - k; // members the group can lose
    const candidates = [...new Set(memberCuts.flatMap((c) => [...c]))].filter((a) => !groupCut.has(a)).sort((a, b) => a - b);
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const x = candidates[i]!;
        const y = candidates[j]!;
        let down = 0;
        for (const c of memberCuts) if (c.has(x) || c.has(y)) down++;
        if (down <= spare) continue;
        const key = `${x},${y}`;
        let p = pairs.get(key);
        if (!p) pairs.set(key, (p = { x, y, groups: new Set(), routes: new Set() }));
        p.groups.add(g.key);
        for (const r of g.routes) p.routes.add(r);
      }
    }
  }

  const findings: Finding[] = [];
  for (const p of pairs.values()) {
    // A route either asset cuts alone is a single failure point's doing, already reported.
    const alone = (r: number) => cuts.route[r]?.includes(p.x) || cuts.route[r]?.includes(p.y);
    const routes = [...p.routes].sort((a, b) => a - b);
    const cut = routesCutAmong(graph, [p.x, p.y], routes, ctx.baseline).filter((r) => !alone(r));
    if (!cut.length) continue;
    const ids = [graph.assets[p.x]!.id, graph.assets[p.y]!.id].sort();
    const reach = reachOf(graph, cut);
    const groups = [...p.groups].sort();
    findings.push({
      id: `double-failure:${ids.join('+')}`,
      kind: 'double-failure',
      title: `\`${ids[0]}\` and \`${ids[1]}\` failing together cut ${reach.sites.length} site${reach.sites.length === 1 ? '' : 's'}`,
      explanation: `Neither \`${ids[0]}\` nor \`${ids[1]}\` alone cuts these sites, but together they take down ${groups.length === 1 ? 'the redundancy group' : 'the redundancy groups'} ${groups.map((g) => `\`${g}\``).join(', ')} and cut ${describeReach(reach)} off ${listWords(reach.services)}.`,
      assets: ids,
      group: { members: groups },
      reach,
      hazards: hazardsCovering(ctx.coverage, [p.x, p.y]),
    });
  }
  return findings;
}
