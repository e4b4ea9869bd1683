/**
 * A report with more findings than a page holds: the findings copied, each copy with its own id,
 * slug and rank, so the findings page pages as at national size without building thousands of pages.
 */
import { join } from 'node:path';
import { buildReport, validateFolder, type ReportData } from '@crr/core';
import { buildSite } from '@crr/site';
import { vi } from 'vitest';
import { AS_OF, generateRegister, writeRegister } from '../../generate/generate-register.js';

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

/**
 * The long-list tests' site: a generated register of 150 practices with its findings copied to
 * 130, built into `out` without search (quietly: Pagefind and Eleventy would print). Returns the
 * report it was built from.
 */
export async function buildLongListSite(temp: string, out: string): Promise<ReportData> {
  writeRegister(join(temp, 'register'), generateRegister({ practices: 150, seed: 1 }));
  const { register } = await validateFolder(join(temp, 'register'), { asOf: AS_OF });
  const report = longListReport(buildReport(register, { asOf: AS_OF, tool: 'crr test' }).report, 130);
  const quiet = [vi.spyOn(process.stdout, 'write').mockImplementation(() => true), vi.spyOn(console, 'info').mockImplementation(() => {})];
  try {
    await buildSite({ report, outDir: out, search: false });
  } finally {
    for (const spy of quiet) spy.mockRestore();
  }
  return report;
}
