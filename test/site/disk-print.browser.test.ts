/**
 * The example's site opened from disk (file://, as `crr build` and the README say) and printed,
 * in a real Chromium. From disk every page's scripts run (classic scripts only: Chromium blocks
 * module scripts there) with no console error and every diagram drawn; the search page says it
 * needs the site served, with the command. Printed, a page has page numbers and the
 * document-control footer (register, version, as-of date, content fingerprint) on every page,
 * and the hazard log prints landscape in the NHS hazard-log template's columns. (Search served
 * is site.browser.test.ts's.)
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '@crr/core';
import { formatDate } from '../../site/src/helpers.js';
import { DIAGRAMS_DONE } from './support/anchors.js';
import { closeBrowser, describeProblems, launchBrowser, openPage, waitInPage } from './support/browser.js';
import { buildExampleSite } from './support/example-site.js';
import { pdfPageCount, pdfPageSizes, pdfText, printToPdf } from './support/pdf.js';

let out: string;
let browser: Browser;
let report: ReportData;

beforeAll(async () => {
  // With its search index, as `crr build` makes it: from disk the page must still say search needs serving.
  ({ report, out } = await buildExampleSite('crr-disk-print-'));
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await closeBrowser();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** A page of the built site as a file:// address. */
const onDisk = (path: string) => pathToFileURL(join(out, path, 'index.html')).href;

/** Flattened PDF text: pdftotext breaks lines (and words at hyphens) where the page did. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the site opened from disk (file://)', () => {
  const pages = () => [
    ['overview', ''],
    ['site', `sites/${report.sites.find((s) => s.type === 'practice')!.slug}`],
    ['hazard', `hazards/${report.hazards[0]!.slug}`],
    ['hazard log', 'hazards'],
  ];

  for (const name of ['overview', 'site', 'hazard', 'hazard log']) {
    it(`${name}: scripts run with no console error and every diagram becomes an SVG`, async () => {
      const path = pages().find(([n]) => n === name)![1]!;
      const { page, problems, close } = await openPage(browser, onDisk(path));
      try {
        expect(page.url()).toMatch(/^file:\/\//);
        // nhsuk-init.js ran (it marks the body), so classic scripts are allowed by the CSP from disk.
        expect(await waitInPage(page, `document.body.classList.contains('js-enabled')`, 10_000)).toBe(true);
        const blocks = (await page.evaluate(`document.querySelectorAll('pre.mermaid').length`)) as number;
        if (name === 'overview' || name === 'site') expect(blocks).toBeGreaterThan(0);
        expect(await waitInPage(page, DIAGRAMS_DONE, 15_000)).toBe(true);
        const svgs = (await page.evaluate(`[...document.querySelectorAll('pre.mermaid')].filter((p) => p.querySelector(':scope > svg')).length`)) as number;
        expect(svgs).toBe(blocks);
        expect(describeProblems(problems)).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('search says plainly, in the page, that it needs the site served, with the command', async () => {
    const { page, problems, close } = await openPage(browser, onDisk('search'));
    try {
      const note = page.locator('#crr-search-needs-server');
      await note.waitFor({ state: 'visible', timeout: 10_000 });
      const text = flat(await note.innerText());
      expect(text).toContain('Search needs the site served');
      expect(text).toContain('pnpm exec crr serve <the register folder>');
      // No search box that could never answer.
      expect(await page.locator('form[data-crr-search]').isVisible()).toBe(false);
      expect(describeProblems(problems)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('no page asks for a module script (Chromium blocks them from disk)', () => {
    for (const path of ['', 'search', 'hazards', `hazards/${report.hazards[0]!.slug}`]) {
      const html = readFileSync(join(out, path, 'index.html'), 'utf8');
      expect(html).not.toMatch(/type="module"/);
      expect(html).toMatch(/<script defer src="[^"]*static\/js\/nhsuk-init\.js"><\/script>/);
    }
  });
});

describe('printing', () => {
  it('every printed page has its page number and the document-control footer', async () => {
    const { page, close } = await openPage(browser, onDisk('safety-case'));
    const pdf = join(out, '..', `crr-print-footer-${process.pid}.pdf`);
    try {
      await printToPdf(page, pdf, { preferCSSPageSize: true });
      const pages = await pdfPageCount(pdf);
      expect(pages).toBeGreaterThan(1);
      const text = await pdfText(pdf);
      const perPage = text.split('\f').filter((p) => p.trim());
      expect(perPage).toHaveLength(pages);
      perPage.forEach((p, i) => {
        const t = flat(p);
        expect(t).toContain(`Page ${i + 1} of ${pages}`);
        expect(t).toContain(`Register ${report.meta.id}`);
        expect(t).toContain(`version ${report.meta.version}`);
        expect(t).toContain(`as of ${formatDate(report.meta.asOf)}`);
        expect(t).toContain(`content ${report.meta.fingerprint}`);
      });
      // Portrait A4 for an ordinary page.
      for (const size of await pdfPageSizes(pdf)) expect(size.height).toBeGreaterThan(size.width);
      // The site's navigation is not printed.
      expect(flat(text)).not.toContain('Skip to main content');
    } finally {
      rmSync(pdf, { force: true });
      await close();
    }
  });

  it('the hazard log prints landscape in the hazard-log template\'s columns, every hazard in it', async () => {
    const { page, close } = await openPage(browser, onDisk('hazards'));
    const pdf = join(out, '..', `crr-hazard-log-${process.pid}.pdf`);
    try {
      await printToPdf(page, pdf, { preferCSSPageSize: true });
      const sizes = await pdfPageSizes(pdf);
      expect(sizes.length).toBeGreaterThan(0);
      for (const size of sizes) expect(size.width).toBeGreaterThan(size.height);
      const text = flat(await pdfText(pdf));
      for (const heading of [
        'Hazard ID and name',
        'Description',
        'Causes',
        'Effects',
        'Potential clinical harm',
        'Existing controls',
        'Initial severity, likelihood, rating',
        'Additional controls (status)',
        'Residual severity, likelihood, rating',
        'Status',
        'Owner',
        'Review date',
        'Justification and acceptance',
      ])
        // pdftotext reads a row of wrapped header cells line by line across them, so a heading's
        // words come in order but may have a neighbour's words between them.
        expect(text).toMatch(new RegExp(heading.split(' ').map((w) => w.replace(/[()]/g, '\\$&')).join('[\\s\\S]{1,80}?')));
      for (const h of report.hazards) expect(text).toContain(h.id);
      expect(text).toContain(`content ${report.meta.fingerprint}`);
      expect(text).toContain('Page 1 of');
    } finally {
      rmSync(pdf, { force: true });
      await close();
    }
  });
});
