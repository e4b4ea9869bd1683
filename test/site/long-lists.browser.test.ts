/**
 * static/js/tables.js on long lists, in a real Chromium, opened from disk (file://: the data is a
 * classic script, so no server is needed): the sites index pages its rows from sites/data.js,
 * filters them by a text box, sorts them, moves between pages by keyboard, and announces the count
 * in a live region; a link to a finding past the first page (`#finding-…`) lands on its row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReportData } from '@crr/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, describeProblems, launchBrowser, openPage } from './support/browser.js';
import { buildLongListSite } from './support/long-list-report.js';

const temp = mkdtempSync(join(tmpdir(), 'crr-long-lists-browser-'));
const out = join(temp, 'site');
let report: ReportData;
let browser: Browser;

const url = (file: string, hash = '') => pathToFileURL(join(out, file)).href + hash;

beforeAll(async () => {
  report = await buildLongListSite(temp, out);
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await closeBrowser();
  rmSync(temp, { recursive: true, force: true });
});

describe('long lists in the browser, from disk', () => {
  it('pages, filters and sorts the sites index from its data script, by keyboard, announcing the count', async () => {
    const opened = await openPage(browser, url('sites/index.html'));
    try {
      const { page } = opened;
      const table = page.locator('table[data-crr-list="sites"]');
      const status = page.locator('.crr-table-controls__count');
      const total = report.sites.length;
      await expect.poll(() => status.textContent()).toBe(`${total} sites: showing 1 to 100, page 1 of 2`);
      expect(await status.getAttribute('aria-live')).toBe('polite');
      expect(await table.locator('tbody tr').count()).toBe(100);
      // The no-JavaScript note is hidden once the whole list is here.
      expect(await page.locator('[data-crr-list-note="sites"]').isHidden()).toBe(true);

      // Next page, by keyboard.
      await page.locator('.crr-pager__next').focus();
      await page.keyboard.press('Enter');
      expect(await table.locator('tbody tr').count()).toBe(total - 100);
      expect(await status.textContent()).toBe(`${total} sites: showing 101 to ${total}, page 2 of 2`);
      expect(await table.locator('tbody tr').first().locator('td').first().textContent()).toBe(report.sites[100]!.name);

      // A site past the first page is found by the filter, with a working link.
      const wanted = report.sites.at(-1)!;
      await page.locator('input[type=search]').fill(wanted.ods ?? wanted.name);
      await expect.poll(() => status.textContent()).toMatch(/^\d+ of \d+ sites match$/);
      const link = table.locator(`a[href="${wanted.slug}/index.html"]`);
      expect(await link.count()).toBe(1);
      await page.locator('input[type=search]').fill('');

      // Sort by patients, most first (the second press of the header button).
      const button = table.locator('th button', { hasText: 'Patients' });
      await button.press('Enter');
      await button.press('Enter');
      expect(await table.locator('th[aria-sort="descending"]').count()).toBe(1);
      const most = Math.max(...report.sites.map((s) => s.patients));
      expect(await table.locator('tbody tr').first().locator('td').nth(4).textContent()).toBe(most.toLocaleString('en-GB'));
      expect(describeProblems(opened.problems)).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('lands a link to a finding past the first page on its row', async () => {
    const late = report.findings[120]!;
    const opened = await openPage(browser, url('findings/index.html', `#finding-${late.slug}`));
    try {
      const { page } = opened;
      const row = page.locator(`tr[id="finding-${late.slug}"]`);
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.isVisible()).toBe(true);
      expect(await row.locator('td').first().textContent()).toBe(String(late.rank));
      // A finding in full keeps its own anchor; its row links to it.
      const first = report.findings[0]!;
      expect(await page.locator(`[id="finding-${first.slug}"]`).count()).toBe(1);
      expect(describeProblems(opened.problems)).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
