/**
 * The capacity page and the capacity section of an asset's page: each capacity-limited asset's
 * peak load against its limit and the warning threshold, its headroom, and the worst single
 * failure (N-1) in figures, linked to the findings about it. Worded here, so the templates
 * compute nothing and the two pages say the same thing.
 */
import type { CapacityLoad } from '../../analysis/capacity.js';
import type { CapacityStatus, CapacityView, FindingRef } from '../report-data.js';
import type { ReportContext } from './report-context.js';

/** The warning threshold when the manifest's policy gives none: 80% of the limit. */
export const DEFAULT_CAPACITY_WARNING = 80;

/** Worst first: the order of the capacity page. */
const STATUS_RANK: Record<CapacityStatus, number> = { over: 0, 'n-1-shortfall': 1, unknown: 2, warning: 3, ok: 4 };

export const CAPACITY_STATUS_LABELS: Record<CapacityStatus, string> = {
  over: 'Over capacity',
  'n-1-shortfall': 'N-1 shortfall',
  unknown: 'Load not known',
  warning: 'Warning',
  ok: 'OK',
};

/** The threshold as a fraction of the limit: the policy's percentage, or the default. */
export function capacityWarningOf(rc: Pick<ReportContext, 'ctx'>): number {
  return (rc.ctx.register.manifest?.policy?.capacityWarning ?? DEFAULT_CAPACITY_WARNING) / 100;
}

/**
 * Where a load stands. Compared as load against limit × threshold, not a rounded utilisation.
 * With sites whose demand is not known in the unit (`unmeasured`), the load is only a lower
 * bound: over stays over, but "OK" or "warning" would claim what is not known.
 */
export function capacityStatus(load: number, limit: number, warningAt: number, worstNMinusOneLoad?: number, unmeasured = 0): CapacityStatus {
  if (load > limit) return 'over';
  if (worstNMinusOneLoad !== undefined && worstNMinusOneLoad > limit) return 'n-1-shortfall';
  if (unmeasured > 0) return 'unknown';
  if (load >= limit * warningAt) return 'warning';
  return 'ok';
}

/**
 * A fraction as a whole percentage, with one decimal where rounding would put it on the wrong
 * side of the threshold (79.6% is not "80%, below the 80% threshold").
 */
export function percentText(fraction: number, threshold?: number): string {
  const whole = Math.round(fraction * 100);
  const t = threshold === undefined ? undefined : Math.round(threshold * 100);
  const misleading = t !== undefined && whole === t && (fraction < threshold! || fraction > threshold!);
  return `${misleading ? (Math.floor(fraction * 1000) / 10).toString() : whole.toLocaleString('en-GB')}%`;
}

const n = (x: number) => x.toLocaleString('en-GB');

/** Every capacity-limited asset, worst first, then the one under most pressure, then by id. */
export function capacityViews(rc: ReportContext): CapacityView[] {
  const warningAt = capacityWarningOf(rc);
  const findings = new Map(rc.analysis.findings.map((f) => [f.id, f] as const));
  const findingRef = (id: string): FindingRef[] => {
    const f = findings.get(id);
    return f ? [{ id: f.id, title: f.title, slug: rc.findingSlugs.get(f.id)! }] : [];
  };
  const views = rc.analysis.capacity.loads.map((l) => capacityView(rc, l, warningAt, findingRef));
  const pressure = (v: CapacityView) => Math.max(v.load, v.worstNMinusOne?.load ?? 0) / v.limit;
  return views.sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || pressure(b) - pressure(a) || (a.asset.id < b.asset.id ? -1 : a.asset.id > b.asset.id ? 1 : 0));
}

function capacityView(rc: ReportContext, l: CapacityLoad, warningAt: number, findingRef: (id: string) => FindingRef[]): CapacityView {
  const { limit, unit, load } = l;
  const code = (id: string) => `\`${id}\``;
  const atLeast = l.unmeasured ? 'at least ' : '';
  const utilisation = load / limit;
  const w = l.worstNMinusOne;
  // The N-1 finding is per failed asset, and names this one when it is overloaded.
  const worstFinding = w && w.load > limit ? findingRef(`capacity-n-1:${w.failed}`)[0] : undefined;
  const worst = w
    ? {
        failed: rc.links.asset(w.failed),
        load: w.load,
        utilisation: w.load / limit,
        headroom: w.headroom,
        ...(w.load > limit ? { shortfall: w.load - limit } : {}),
        ...(worstFinding ? { finding: worstFinding } : {}),
      }
    : undefined;
  const status = capacityStatus(load, limit, warningAt, w?.load, l.unmeasured);
  const figures = `${atLeast}${n(load)} of ${n(limit)} ${unit}`;
  const pct = percentText(utilisation, warningAt);
  const threshold = percentText(warningAt);
  const statusText = {
    over: `Over capacity at peak: ${figures}, a shortfall of ${atLeast}${n(load - limit)}.`,
    'n-1-shortfall': `Within capacity at peak (${figures}), but if ${code(w?.failed ?? '')} fails it would carry ${n(w?.load ?? 0)} of ${n(limit)} ${unit}: a shortfall of ${n((w?.load ?? 0) - limit)}.`,
    unknown: `At least ${n(load)} of ${n(limit)} ${unit} at peak, but the demand of ${n(l.unmeasured ?? 0)} site${l.unmeasured === 1 ? '' : 's'} it carries is not given in ${unit} (CRR-E061), so whether it is within capacity is not known.`,
    warning: `At ${pct} of capacity at peak (${figures}): at or above the ${threshold} warning threshold.`,
    ok: `Within capacity: ${figures} at peak (${pct}), below the ${threshold} warning threshold.`,
  }[status];
  const nMinusOneVerdict = !w
    ? 'No single failure of another capacity-limited asset moves load onto it.'
    : w.load > limit
      ? `If ${code(w.failed)} fails, ${code(l.asset)} would carry ${n(w.load)} of ${n(limit)} ${unit}: a shortfall of ${n(w.load - limit)}.`
      : `Can carry the worst single failure (${code(w.failed)}): ${n(w.load)} of ${n(limit)} ${unit}, headroom ${n(w.headroom)}.`;

  const own = rc.analysis.capacity.nMinusOne.find((x) => x.failed === l.asset);
  const related = [
    `capacity:${l.asset}`,
    ...rc.analysis.capacity.nMinusOne.filter((x) => x.overloaded.some((o) => o.asset === l.asset)).map((x) => `capacity-n-1:${x.failed}`),
    ...(own ? [`capacity-n-1:${own.failed}`] : []),
  ];
  return {
    asset: rc.links.asset(l.asset),
    limit,
    unit,
    load,
    utilisation,
    utilisationText: percentText(utilisation, warningAt),
    headroom: l.headroom,
    sites: l.sites,
    ...(l.unmeasured ? { unmeasured: l.unmeasured } : {}),
    warningAt,
    ...(worst ? { worstNMinusOne: worst } : {}),
    nMinusOneVerdict,
    ifItFails: (own?.overloaded ?? []).map((o) => ({ asset: rc.links.asset(o.asset), load: o.load, limit: o.limit, unit: o.unit, shortfall: o.shortfall })).sort((a, b) => b.shortfall - a.shortfall || (a.asset.id < b.asset.id ? -1 : 1)),
    status,
    statusLabel: CAPACITY_STATUS_LABELS[status],
    statusText,
    findings: [...new Set(related)].flatMap(findingRef),
  };
}
