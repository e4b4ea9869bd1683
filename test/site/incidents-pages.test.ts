/**
 * The worked example's site, built for real into a temp folder: an incident that names an asset
 * is listed, dated and linked, on that asset's page; an asset no incident names has no section.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, validateFolder, type ReportData } from '@crr/core';
import { buildSite } from '@crr/site';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const AS_OF = '2026-11-21';
const temp = mkdtempSync(join(tmpdir(), 'crr-incidents-'));
let report: ReportData;

const page = (section: string, slug: string) => readFileSync(join(temp, section, slug, 'index.html'), 'utf8');

beforeAll(async () => {
  const { register } = await validateFolder('registers/example-icb', { asOf: AS_OF });
  report = buildReport(register, { asOf: AS_OF, tool: 'crr test' }).report;
  // The build's own progress output is not this test's subject.
  const quiet = [vi.spyOn(process.stdout, 'write').mockImplementation(() => true), vi.spyOn(console, 'info').mockImplementation(() => {}), vi.spyOn(console, 'log').mockImplementation(() => {})];
  try {
    await buildSite({ report, outDir: temp });
  } finally {
    for (const spy of quiet) spy.mockRestore();
  }
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('incidents on the asset pages of the worked example', () => {
  it('lists the January outage, dated and linked, on the page of the asset it names', () => {
    const incident = report.incidents.find((i) => i.id === 'INC-2026-01')!;
    expect(incident.assets.map((a) => a.id)).toContain('kpsn-core');
    const kpsn = report.assets.find((a) => a.id === 'kpsn-core')!;
    const html = page('assets', kpsn.slug);
    expect(html).toContain('<h2 id="incidents">Safety incidents</h2>');
    expect(html).toContain(`<time datetime="2026-01-13">`);
    expect(html).toContain(`href="../../incidents/index.html#incident-${incident.slug}"`);
  });

  it('has no incidents section on an asset no incident names', () => {
    const named = new Set(report.incidents.flatMap((i) => i.assets.map((a) => a.id)));
    // A shared asset: a site-local one is a section of its site's page (issue 12, D1).
    const quiet = report.assets.find((a) => !a.site && !named.has(a.id))!;
    expect(page('assets', quiet.slug)).not.toContain('id="incidents"');
  });
});
