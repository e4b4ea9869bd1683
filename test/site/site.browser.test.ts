/**
 * The example's report site in a real Chromium, offline, published under a path prefix: diagrams
 * where they belong, with their key and text alternative; the hazard log works with and without
 * JavaScript; search works; the safety case report prints to PDF with all its sections. (Every
 * page type at two widths, served and from disk, is pages.browser.test.ts's.)
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '@crr/core';
import { closeBrowser, describeProblems, launchBrowser, openPage, waitInPage } from './support/browser.js';
import { buildExampleSite } from './support/example-site.js';
import { pdfText, printToPdf, SAFETY_CASE_SECTIONS } from './support/pdf.js';
import { serveStatic, type StaticServer } from './support/server.js';

const PREFIX = '/registers/kent/';
let out: string;
let server: StaticServer;
let browser: Browser;
let report: ReportData;

beforeAll(async () => {
  ({ report, out } = await buildExampleSite('crr-site-', { 'register.json': { ok: true } }));
  server = await serveStatic(out, { pathPrefix: PREFIX });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await closeBrowser();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** One page of every type, by its path under the prefix. */
function pageTypes(): [string, string][] {
  const hazard = report.hazards.find((h) => h.existingControls.length + h.additionalControls.length > 0 && h.incidents.length > 0) ?? report.hazards[0]!;
  const site = report.sites.find((s) => s.type === 'practice')!;
  const shared = report.assets.find((a) => a.id === 'vpn-a')!;
  const local = report.assets.find((a) => a.site)!;
  return [
    ['overview', ''],
    ['hazard log', 'hazards/'],
    ['hazard', `hazards/${hazard.slug}/`],
    ['risk matrices', 'matrices/'],
    ['asset index', 'assets/'],
    ['shared asset', `assets/${shared.slug}/`],
    // A section of its site's page (issue 12, D1).
    ['site-local asset', `sites/${local.site!.slug}/#asset-${local.slug}`],
    ['site index', 'sites/'],
    ['site', `sites/${site.slug}/`],
    ['PCN', `pcns/${report.pcns[0]!.slug}/`],
    ['supplier index', 'suppliers/'],
    ['supplier', `suppliers/${report.suppliers[0]!.slug}/`],
    ['service index', 'services/'],
    ['service', `services/${report.services[0]!.slug}/`],
    ['incidents', 'incidents/'],
    ['findings', 'findings/'],
    ['capacity', 'capacity/'],
    ['scenario index', 'scenarios/'],
    ['scenario', `scenarios/${report.scenarios[0]!.slug}/`],
    ['safety case', 'safety-case/'],
    ['search', 'search/'],
    ['exports', 'export/'],
  ];
}

async function diagramsRendered(page: Page): Promise<{ blocks: number; svgs: number; errors: string[] }> {
  // Mermaid renders asynchronously: wait until every block has been processed (or 15 s).
  await waitInPage(page, `[...document.querySelectorAll('pre.mermaid')].every((p) => p.getAttribute('data-processed') === 'true' || p.querySelector('svg'))`, 15_000);
  return (await page.evaluate(`(() => {
    const blocks = [...document.querySelectorAll('pre.mermaid')];
    const errors = [];
    for (const b of blocks) {
      const text = b.textContent || '';
      if (/Syntax error|Maximum text size|Edge limit/i.test(text)) errors.push(text.slice(0, 120));
      if (b.querySelector('.error-icon, [aria-roledescription="error"]')) errors.push('error graphic');
    }
    return { blocks: blocks.length, svgs: blocks.filter((b) => b.querySelector('svg')).length, errors };
  })()`)) as { blocks: number; svgs: number; errors: string[] };
}

// Every page type, at both widths, served and from disk, is walked by pages.browser.test.ts.
describe('the report site in Chromium', () => {
  it('has a page of every type', () => {
    expect(pageTypes().map(([n]) => n)).toContain('site-local asset');
    for (const [, target] of pageTypes()) expect(typeof target).toBe('string');
  });

  it('draws diagrams where they belong: the overview, every site and asset page', async () => {
    for (const path of ['', `sites/${report.sites.find((s) => s.type === 'practice')!.slug}/`, 'assets/vpn-a/']) {
      const { page, close } = await openPage(browser, `${server.url}${path}`);
      try {
        const d = await diagramsRendered(page);
        expect(d.blocks).toBeGreaterThan(0);
        expect(d.svgs).toBe(d.blocks);
        // A legend and a text alternative travel with each diagram: a table of its connections,
        // or on a site page the route lists above it (the same connections, once).
        expect(await page.getByText(/failure point/i).count()).toBeGreaterThan(0);
        const alternative = path.startsWith('sites/') ? page.getByRole('heading', { name: 'Routes to each clinical service' }) : page.locator('table');
        expect(await alternative.count()).toBeGreaterThan(0);
        expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
      } finally {
        await close();
      }
    }
  });

  it('the hazard log sorts and filters with JavaScript and lists every hazard without it', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const plain = await ctx.newPage();
    await plain.goto(`${server.url}hazards/`);
    // The screen's table (the hazard log also holds a print-only table, hidden on screen).
    const rows = await plain.locator('table.crr-hazard-table tbody tr').count();
    expect(rows).toBe(report.hazards.length);
    await ctx.close();

    const { page, problems, close } = await openPage(browser, `${server.url}hazards/`);
    try {
      const firstIds = async () => (await page.locator('table.crr-hazard-table tbody tr').allTextContents()).map((t) => t.trim().slice(0, 7));
      const before = await firstIds();
      // Sort by a column header control, then filter by text.
      const sortable = page.locator('table thead button, table thead [aria-sort], table thead a').first();
      await sortable.click();
      await sortable.click();
      const after = await firstIds();
      expect(after).not.toEqual(before);
      const filter = page.locator('input[type="search"], input[type="text"]').first();
      await filter.fill(report.hazards[0]!.id);
      await page.waitForTimeout(200);
      const visible = await page.locator('table.crr-hazard-table tbody tr:visible').count();
      expect(visible).toBeGreaterThanOrEqual(1);
      expect(visible).toBeLessThan(report.hazards.length);
      expect(describeProblems(problems)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('search finds a hazard by its words, offline', async () => {
    const { page, problems, close } = await openPage(browser, `${server.url}search/`);
    try {
      const input = page.locator('input[type="search"], input[type="text"]').first();
      await input.fill('concentrator');
      await page.waitForSelector('.pagefind-ui__result, [class*="result"] a', { timeout: 15_000 });
      expect(await page.locator('.pagefind-ui__result, [class*="result"] a').count()).toBeGreaterThan(0);
      expect(describeProblems(problems)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the Clinical Safety Case Report prints to PDF with all its sections', async () => {
    const { page, close } = await openPage(browser, `${server.url}safety-case/`);
    const pdf = join(out, '..', `crr-safety-case-${process.pid}.pdf`);
    try {
      await printToPdf(page, pdf);
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
      for (const section of SAFETY_CASE_SECTIONS) expect(text).toContain(section);
      for (const h of report.hazards) expect(text).toContain(h.id);
    } finally {
      rmSync(pdf, { force: true });
      await close();
    }
  });
});
