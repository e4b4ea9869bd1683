/**
 * The overview answers first: in a real build of the worked example, the status panel is the
 * first section after the h1, shows each check's count from the report with "None" for a zero and
 * a red tag otherwise, and every link in it reaches a file (and anchor) that exists.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, validateFolder, type ReportData } from '@crr/core';
import { buildSite } from '@crr/site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const AS_OF = '2026-11-21';
const temp = mkdtempSync(join(tmpdir(), 'crr-status-panel-'));
const out = join(temp, 'site');
let report: ReportData;
let html: string;

beforeAll(async () => {
  const { register } = await validateFolder('registers/example-icb', { asOf: AS_OF });
  report = buildReport(register, { asOf: AS_OF, tool: 'crr test' }).report;
  await buildSite({ report, outDir: out, search: false });
  html = readFileSync(join(out, 'index.html'), 'utf8');
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The panel's HTML: from its opening tag to its section's end. */
const panel = () => {
  const start = html.indexOf('<section class="crr-section crr-status"');
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</section>', start));
};

describe('the overview\'s status panel', () => {
  it('is the first thing after the h1: no paragraph, card or table between them', () => {
    const h1End = html.indexOf('</h1>');
    expect(h1End).toBeGreaterThan(0);
    const between = html.slice(h1End + '</h1>'.length, html.indexOf('<section class="crr-section crr-status"'));
    expect(between.trim()).toBe('');
    // And it comes before the scope and the register's metadata.
    expect(html.indexOf('crr-status')).toBeLessThan(html.indexOf('What the register covers'));
  });

  it('has a row per check with the report\'s count, "None" for a zero and a red tag otherwise', () => {
    const p = panel();
    const { checks } = report.summary.status;
    expect(checks.length).toBe(8);
    for (const c of checks) {
      const row = new RegExp(`<tr class="nhsuk-table__row" id="status-${c.key}">([\\s\\S]*?)</tr>`).exec(p);
      expect(row, c.key).not.toBeNull();
      const cells = row![1]!;
      expect(cells, c.key).toContain(`<td class="nhsuk-table__cell nhsuk-table__cell--numeric">${c.count}</td>`);
      if (c.count === 0) expect(cells, c.key).toContain('<strong class="nhsuk-tag nhsuk-tag--green">None</strong>');
      else expect(cells, c.key).toContain(`<strong class="nhsuk-tag nhsuk-tag--red">${c.verdictText}</strong>`);
    }
    // The example's N-1 shortfall and its three scenarios past tolerance are flagged; nothing is uncovered.
    expect(p).toMatch(/id="status-capacity-n-1">[\s\S]*?>1<\/td>[\s\S]*?nhsuk-tag--red/);
    expect(p).toMatch(/id="status-scenarios-past-tolerance">[\s\S]*?>3<\/td>[\s\S]*?nhsuk-tag--red/);
    expect(p).toMatch(/id="status-uncovered">[\s\S]*?>0<\/td>[\s\S]*?nhsuk-tag--green">None/);
    // The unacceptable residual risk's acceptance, and when it is next looked at.
    const { acceptances } = report.summary.status;
    expect(acceptances.earliestReview).toBeDefined();
    expect(p).toContain(`${acceptances.accepted} of ${acceptances.hazards} has a recorded acceptance`);
    expect(p).toContain(`<time datetime="${acceptances.earliestReview!.date}">`);
  });

  it('links only to files and anchors that exist', () => {
    const links = [...panel().matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(report.summary.status.checks.length);
    for (const link of links) {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const file = join(out, path);
      expect(existsSync(file), link).toBe(true);
      if (anchor) expect(readFileSync(file, 'utf8'), link).toContain(`id="${anchor}"`);
    }
  });
});
