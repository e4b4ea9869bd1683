/**
 * Every page type of the example's report site, in a real Chromium, on a desktop (1280 px) and on
 * a phone (390 px), served under a path prefix and opened from disk (file://), as the README says
 * a reviewer may (issue 12, items 4, 5 and 9). Each page: loads with no console error and no
 * request leaving the machine, draws every diagram, does not scroll sideways (its tables scroll
 * in their own box), passes axe (WCAG 2.2 AA) and has one h1. From disk, search says plainly that
 * it needs the site served.
 *
 * One browser and one tab per way of opening are reused for every page; only the viewport
 * changes. The page list is test/site/support/page-types.ts: add new page types there.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '@crr/core';
import { checkAccessibility } from './support/axe.js';
import { closeBrowser, describeProblems, launchBrowser, openPage, settle, waitInPage, type OpenedPage } from './support/browser.js';
import { buildExampleSite } from './support/example-site.js';
import { onDisk, PAGE_TYPES } from './support/page-types.js';
import { serveStatic, type StaticServer } from './support/server.js';

const PREFIX = '/registers/kent/';
const WIDTHS = [1280, 390] as const;
const MODES = ['served', 'from disk'] as const;
type Mode = (typeof MODES)[number];

let out: string;
let server: StaticServer;
let browser: Browser;
let report: ReportData;
const tabs = new Map<Mode, OpenedPage>();

beforeAll(async () => {
  ({ report, out } = await buildExampleSite('crr-pages-', { 'register.json': { ok: true } }));
  server = await serveStatic(out, { pathPrefix: PREFIX });
  browser = await launchBrowser();
  tabs.set('served', await openPage(browser, urlOf('served', '')));
  tabs.set('from disk', await openPage(browser, urlOf('from disk', '')));
}, 180_000);

afterAll(async () => {
  for (const tab of tabs.values()) await tab.close();
  await closeBrowser();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

function urlOf(mode: Mode, path: string): string {
  return mode === 'served' ? `${server.url}${path}` : `${pathToFileURL(out).href}/${onDisk(path)}`;
}

interface Visit {
  page: Page;
  status: number | undefined;
  /** What the page has raised so far during this visit only (the tab is reused). */
  problems(): string[];
}

/** Opens `path` in the mode's tab at `width`, fresh (never a same-document hop), and waits for it to settle. */
async function visit(mode: Mode, path: string, width: number): Promise<Visit> {
  const tab = tabs.get(mode)!;
  const { page } = tab;
  await page.goto('about:blank');
  const from = tab.problems.length;
  await page.setViewportSize({ width, height: 900 });
  const response = await page.goto(urlOf(mode, path), { waitUntil: 'load', timeout: 15_000 });
  await settle(page);
  return {
    page,
    status: response?.status(),
    problems: () => describeProblems(tab.problems.slice(from)),
  };
}

async function diagramsRendered(page: Page): Promise<{ blocks: number; svgs: number; errors: string[] }> {
  // Mermaid draws asynchronously: wait until every block is processed (or 15 s).
  await waitInPage(page, `[...document.querySelectorAll('pre.mermaid')].every((p) => p.getAttribute('data-processed') === 'true' || p.querySelector('svg'))`, 15_000);
  return (await page.evaluate(`(() => {
    const blocks = [...document.querySelectorAll('pre.mermaid')];
    const errors = [];
    for (const b of blocks) {
      if (/Syntax error|Maximum text size|Edge limit/i.test(b.textContent || '')) errors.push((b.textContent || '').slice(0, 120));
      if (b.querySelector('.error-icon, [aria-roledescription="error"]')) errors.push('error graphic');
    }
    return { blocks: blocks.length, svgs: blocks.filter((b) => b.querySelector('svg')).length, errors };
  })()`)) as { blocks: number; svgs: number; errors: string[] };
}

/** How far the page scrolls sideways, and the widest things poking out of it (to say what to fix). */
async function sidewaysScroll(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return (await page.evaluate(`(() => {
    const doc = document.documentElement;
    const vw = doc.clientWidth;
    const culprits = [];
    if (doc.scrollWidth > vw + 1) {
      for (const el of document.querySelectorAll('body *')) {
        if (el.getBoundingClientRect().right <= vw + 1) continue;
        let clipped = false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
        if (!clipped) culprits.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' ' + Math.round(el.getBoundingClientRect().right) + 'px');
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: vw, culprits: culprits.slice(0, 5) };
  })()`)) as { scrollWidth: number; clientWidth: number; culprits: string[] };
}

/** Tables that are drawn but not in a scroll box (decision D5); the mini risk matrix is sized to fit instead. */
async function tablesOutsideScrollBoxes(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.querySelectorAll('table:not(.crr-mini-matrix)')]
    .filter((t) => t.getClientRects().length > 0 && !t.closest('.crr-table-scroll'))
    .map((t) => (t.querySelector('caption')?.textContent || t.className).trim().slice(0, 80))`)) as string[];
}

describe('every page type, on a desktop and a phone, served and from disk', () => {
  it('the list has a page of every type the example has', () => {
    for (const type of PAGE_TYPES) if (!type.optional) expect(type.path(report), type.name).toBeTypeOf('string');
  });

  for (const mode of MODES) {
    for (const type of PAGE_TYPES) {
      for (const width of WIDTHS) {
        it(`${mode}, ${width} px: ${type.name}`, async (ctx) => {
          const path = type.path(report);
          if (path === undefined) return ctx.skip();
          const { page, status, problems } = await visit(mode, path, width);
          if (mode === 'served') expect(status).toBe(200);
          const anchor = path.split('#')[1];
          if (anchor) expect(await page.locator(`[id="${anchor}"]`).count(), `#${anchor}`).toBe(1);

          const diagrams = await diagramsRendered(page);
          expect(diagrams.errors).toEqual([]);
          expect(diagrams.svgs, 'every mermaid block becomes an SVG').toBe(diagrams.blocks);

          const scroll = await sidewaysScroll(page);
          expect(scroll.culprits).toEqual([]);
          expect(scroll.scrollWidth, 'no sideways scroll').toBeLessThanOrEqual(scroll.clientWidth + 1);
          expect(await tablesOutsideScrollBoxes(page)).toEqual([]);

          expect(await page.locator('h1').count()).toBe(1);
          // axe judges the document, which is the same however it was opened; once served is enough (and halves the run).
          if (mode === 'served') expect(await checkAccessibility(page)).toEqual([]);
          // Joined, so a failure prints every problem rather than "…(6)".
          expect(problems().join('\n')).toBe('');
        });
      }
    }
  }

  it('from disk, search says it needs the site served, with the command; served, it does not', async () => {
    const disk = await visit('from disk', 'search/', 390);
    const note = disk.page.locator('#crr-search-needs-server');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/crr serve/);
    const served = await visit('served', 'search/', 390);
    expect(await served.page.locator('#crr-search-needs-server').isVisible()).toBe(false);
  });
});
