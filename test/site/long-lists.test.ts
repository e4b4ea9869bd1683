/**
 * Issue 12's long lists, on a generated register large enough to page (150 practices; its
 * findings copied to 130, as a national register has thousands): the sites index and the findings
 * page render only their first page of rows in HTML, say so with a link to the JSON export, and
 * load the whole list from a classic data script beside them (`crrList(name, {columns, rows})`,
 * never fetch(): it fails over file://) that holds every row, compactly (arrays, not objects).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { ReportData } from '@crr/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLongListSite } from './support/long-list-report.js';

const temp = mkdtempSync(join(tmpdir(), 'crr-long-lists-'));
const out = join(temp, 'site');
let report: ReportData;

const read = (file: string) => readFileSync(join(out, file), 'utf8');

/** What a data script gives `crrList`, run as the browser would run it (no other globals). */
function listOf(file: string): { name: string; data: { columns: { label: string }[]; rows: unknown[][] } } {
  const calls: { name: string; data: never }[] = [];
  runInNewContext(read(file), { crrList: (name: string, data: never) => calls.push({ name, data }) });
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

beforeAll(async () => {
  report = await buildLongListSite(temp, out);
}, 60_000);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('long lists, paged', () => {
  it('the sites index renders its first 100 rows and loads every row from sites/data.js', () => {
    expect(report.sites.length).toBeGreaterThan(100);
    const html = read('sites/index.html');
    const body = /<tbody class="nhsuk-table__body">([\s\S]*?)<\/tbody>/.exec(html)![1]!;
    expect(body.match(/<tr /g)).toHaveLength(100);
    expect(html).toContain('data-crr-list="sites"');
    expect(html).toContain('<script defer src="data.js"></script>');
    expect(html).toContain(`This page lists the first 100 of ${report.sites.length} sites`);
    expect(html).toContain('href="../export/index.html">JSON export</a>');
    const { name, data } = listOf('sites/data.js');
    expect(name).toBe('sites');
    expect(data.columns.map((c) => c.label)).toEqual(['Site', 'ODS code', 'Type', 'PCN', 'Patients', 'Failure points', 'Hazards']);
    expect(data.rows).toHaveLength(report.sites.length);
    expect(data.rows.map((r) => (r[0] as string[])[1])).toEqual(report.sites.map((s) => s.slug));
    const last = report.sites.at(-1)!;
    expect(data.rows.at(-1)).toEqual([[last.name, last.slug], last.ods ?? '', last.type, last.pcn ? [last.pcn.name, last.pcn.slug] : '', last.patients, last.failurePointCount, last.hazardCount]);
  });

  it('the findings page shows the first 50 in full and loads all of them, in rank order, from findings/data.js', () => {
    const html = read('findings/index.html');
    expect(html.match(/<li class="crr-finding"/g)).toHaveLength(50);
    expect(html).toContain(`id="finding-${report.findings[49]!.slug}"`);
    expect(html).not.toContain(`id="finding-${report.findings[50]!.slug}"`);
    expect(html).toContain(`This page lists the first 50 of ${report.findings.length} findings`);
    expect(html).toContain('<script defer src="data.js"></script>');
    expect(html).toContain('static/js/tables.js');
    const { name, data } = listOf('findings/data.js');
    expect(name).toBe('findings');
    expect(data.rows).toHaveLength(report.findings.length);
    expect(data.rows.map((r) => r[0])).toEqual(report.findings.map((f) => f.rank));
    expect(data.rows.map((r) => (r[1] as string[])[1])).toEqual(report.findings.map((f) => f.slug));
    // Compact: no object per row, no backticks.
    expect(data.rows.every((r) => Array.isArray(r))).toBe(true);
    expect(read('findings/data.js')).not.toContain('`');
  });

  it('writes a data script that no text can break out of', () => {
    for (const file of ['sites/data.js', 'findings/data.js']) {
      const text = read(file);
      expect(text.startsWith('crrList("')).toBe(true);
      expect(text).not.toContain('<');
    }
  });
});
