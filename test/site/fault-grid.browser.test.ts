/**
 * The fault grid of the example's report site in a real Chromium, served under a path prefix:
 * every asset type the register has, by its known faults, each covered by linked hazards, not
 * applicable with the reason, or a gap said in words (never by colour alone) with the suggested
 * hazard and a link to its finding; an accessible table (column, row-group and row headers) that
 * passes axe; reached from the hazard log and the findings.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '@crr/core';
import { checkAccessibility } from './support/axe.js';
import { closeBrowser, describeProblems, launchBrowser, openPage, type OpenedPage } from './support/browser.js';
import { buildExampleSite } from './support/example-site.js';
import { serveStatic, type StaticServer } from './support/server.js';

const PREFIX = '/registers/kent/';
let out: string;
let server: StaticServer;
let browser: Browser;
let report: ReportData;
let tab: OpenedPage;
let page: Page;

beforeAll(async () => {
  ({ report, out } = await buildExampleSite('crr-faults-'));
  server = await serveStatic(out, { pathPrefix: PREFIX });
  browser = await launchBrowser();
  tab = await openPage(browser, `${server.url}faults/`);
  page = tab.page;
}, 180_000);

afterAll(async () => {
  await tab?.close();
  await closeBrowser();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** The row of one fault: its row-group header (first row of a type only), its header, status and last cell, as text. */
const rowOf = (fault: string) =>
  page.evaluate(`(() => {
    const tr = document.getElementById('fault-${fault}');
    if (!tr) return null;
    return {
      state: tr.className,
      header: tr.querySelector('th[scope=row]').textContent.replace(/\\s+/g, ' ').trim(),
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.replace(/\\s+/g, ' ').trim()),
      links: [...tr.querySelectorAll('td a')].map((a) => a.getAttribute('href')),
    };
  })()`) as Promise<{ state: string; header: string; cells: string[]; links: string[] } | null>;

describe('the fault grid page', () => {
  it('loads with no console error and no request leaving the machine, and passes axe', async () => {
    expect(tab.response?.status()).toBe(200);
    expect(describeProblems(tab.problems)).toEqual([]);
    expect(await checkAccessibility(page)).toEqual([]);
    expect(await page.locator('h1').allTextContents()).toEqual(['Fault grid']);
  });

  it('has a row group per asset type the register has, headed in the table', async () => {
    const groups = await page.locator('table.crr-fault-grid th[scope=rowgroup]').allInnerTexts();
    expect(groups.map((g) => g.replace(/\s+/g, ' ').trim())).toEqual(report.faults.rows.map((r) => `${r.label} ${r.assetType} ${r.assets} asset${r.assets === 1 ? '' : 's'}`));
    expect(groups[0]!.replace(/\s+/g, ' ').trim()).toBe('Firewall firewall 50 assets');
    expect(report.faults.rows.map((r) => r.assetType)).toEqual(['firewall', 'network-link', 'vpn-concentrator', 'data-centre-service', 'internet-breakout', 'dns', 'identity', 'clinical-system', 'telephony', 'power', 'other']);
    expect(await page.locator('table.crr-fault-grid thead th[scope=col]').allTextContents()).toEqual(['Asset type', 'Fault', 'Status', 'Hazards, reason or suggested hazard']);
    expect(await page.locator('table.crr-fault-grid tbody tr th[scope=row]').count()).toBe(report.faults.counts.pairs);
  });

  it('shows a covered fault with links to the hazards that name it, which resolve', async () => {
    const row = (await rowOf('firewall-firmware-defect'))!;
    expect(row.cells).toEqual(['Covered', 'Named by HAZ-001']);
    const response = await page.request.get(new URL(row.links[0]!, page.url()).href);
    expect(response.status()).toBe(200);
  });

  it('shows a not-applicable fault with its reason', async () => {
    const row = (await rowOf('firewall-throughput'))!;
    expect(row.cells[0]).toBe('Not applicable');
    expect(row.cells[1]).toMatch(/^Reason: The practice MX68s pass 450 Mbps/);
  });

  it('says a gap in words, with the suggested hazard and a link to its finding', async () => {
    const row = (await rowOf('firewall-cloud-management'))!;
    expect(row.state).toContain('crr-fault--gap');
    expect(row.cells[0]).toBe('Gap: no hazard names it');
    expect(row.cells[1]).toContain('Suggested hazard: "Practices cannot be reconnected or reconfigured during an outage because the firewall vendor\'s management plane is down".');
    const finding = report.findings.find((f) => f.id === 'fault-gap:firewall:firewall-cloud-management')!;
    expect(row.links).toEqual([`../findings/index.html#finding-${finding.slug}`]);
    expect(report.faults.counts).toEqual({ pairs: 27, covered: 13, notApplicable: 2, gaps: 12 });
  });

  it('is linked from the hazard log and the findings', async () => {
    for (const from of ['hazards/', 'findings/']) {
      await page.goto(`${server.url}${from}`);
      expect(await page.locator('a[href$="faults/index.html"]').count(), from).toBeGreaterThan(0);
    }
  });
});
