/**
 * A register full of hostile strings builds a site in which nothing executes and nothing is
 * fetched: every page is opened in Chromium and watched for dialogs (an `alert` firing), requests
 * leaving the machine, console errors (a CSP violation is one), and the DOM is searched for
 * anything the strings could have injected. The strings must still be there, as text.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, validateFolder } from '@crr/core';
import { buildSite } from '@crr/site';
import { closeBrowser, describeProblems, launchBrowser, openPage, waitInPage } from './support/browser.js';
import { serveStatic, type StaticServer } from './support/server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let out: string;
let server: StaticServer;
let browser: Browser;
let pages: string[];

beforeAll(async () => {
  const { register, diagnostics } = await validateFolder(join(root, 'test/fixtures/hostile'), { asOf: '2026-11-21' });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const { report } = buildReport(register, { asOf: '2026-11-21', tool: 'crr test' });
  out = mkdtempSync(join(tmpdir(), 'crr-hostile-'));
  await buildSite({ report, outDir: out });
  server = await serveStatic(out);
  browser = await launchBrowser();
  pages = (readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((p) => p.endsWith('index.html'))
    .map((p) => relative(out, join(out, p)).replace(/index\.html$/, ''))
    .sort();
}, 180_000);

afterAll(async () => {
  await closeBrowser();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** What injected markup would leave in the DOM, from inside the page. */
const injected = `(() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) found.push(el.tagName + '[' + attr + ']');
    const href = el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action') || '';
    if (/^\\s*javascript:/i.test(href)) found.push(el.tagName + ' javascript: URL');
    if (/^https?:/i.test(href) && !href.startsWith(location.origin)) found.push(el.tagName + ' remote URL ' + href);
  }
  for (const el of document.querySelectorAll('iframe, object, embed, base, form[action], meta[http-equiv="refresh"], marquee, video, details[ontoggle], svg script, script:not([src])'))
    found.push(el.tagName + ' element');
  for (const s of document.querySelectorAll('script[src]')) if (!s.src.startsWith(location.origin)) found.push('remote script ' + s.src);
  return found;
})()`;

describe('a register of hostile strings', () => {
  it('builds a site of many pages', () => {
    expect(pages.length).toBeGreaterThan(15);
  });

  it('runs nothing and fetches nothing on any page', async () => {
    const failures: string[] = [];
    for (const path of pages) {
      const { page, problems, close } = await openPage(browser, `${server.url}${path}`);
      try {
        await page.waitForTimeout(50);
        await waitInPage(page, `[...document.querySelectorAll('pre.mermaid')].every((p) => p.getAttribute('data-processed') === 'true' || p.querySelector('svg'))`, 10_000);
        for (const p of describeProblems(problems)) failures.push(`/${path}: ${p}`);
        for (const f of (await page.evaluate(injected)) as string[]) failures.push(`/${path}: injected ${f}`);
        if (await page.evaluate(`typeof window.__pwned !== 'undefined'`)) failures.push(`/${path}: script ran`);
      } finally {
        await close();
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('shows the hostile strings as text', async () => {
    const { page, close } = await openPage(browser, `${server.url}hazards/HAZ-1/`);
    try {
      const text = await page.locator('main').innerText();
      expect(text).toContain("<script>alert('hazard')</script>");
      expect(text).toContain("<img src=x onerror=alert('desc')>");
    } finally {
      await close();
    }
  });

  it("keeps hostile labels out of the diagrams' syntax", async () => {
    const site = pages.find((p) => p.startsWith('sites/X00001'))!;
    const { page, close } = await openPage(browser, `${server.url}${site}`);
    try {
      // Wait for the labels themselves: the SVG element appears before mermaid writes its text.
      await page.locator('pre.mermaid > svg g.node text, pre.mermaid svg g.node text').first().waitFor({ timeout: 15_000 });
      // The diagram drew (a label could not end a node or start a click binding), and it has
      // no link, and no foreign object (HTML labels are off).
      expect(await page.locator('pre.mermaid svg').count()).toBeGreaterThan(0);
      expect(await page.locator('pre.mermaid svg a, pre.mermaid svg foreignObject').count()).toBe(0);
      expect(await page.locator('pre.mermaid svg').first().textContent()).toContain('Practice');
    } finally {
      await close();
    }
  });
});
