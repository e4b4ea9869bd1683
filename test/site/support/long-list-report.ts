/**
 * A report with more findings than a page holds: the findings copied, each copy with its own id,
 * slug and rank, so the findings page pages as at national size without building thousands of pages.
 */
import type { ReportData } from '@crr/core';

export function longListReport(report: ReportData, findings: number): ReportData {
  const base = report.findings;
  if (!base.length) throw new Error('the register has no findings to copy');
  const out = Array.from({ length: findings }, (_, i) => {
    const f = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    return round === 0 ? f : { ...f, id: `${f.id}-copy${round}`, slug: `${f.slug}-copy${round}`, rank: i + 1 };
  });
  return { ...report, findings: out };
}
