/**
 * Proves the site-test harness (test/site/support) on tiny static folders: a real Chromium,
 * the static server, the problem watcher, axe and PDF printing.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempRegister } from '../support/temp-register.js';
import { checkAccessibility } from './support/axe.js';
import { checkNothingLeaked, closeBrowser, describeProblems, findChromium, launchBrowser, openPage } from './support/browser.js';
import { pdfPageCount, pdfText, printToPdf } from './support/pdf.js';
import { contentTypeFor, serveStatic, type StaticServer } from './support/server.js';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title>${head}</head><body>${body}</body></html>`;

const CLEAN = page('<main><h1>Kent and Medway register</h1><p>All hazards are controlled.</p></main>');

let browser: Browser;
const cleanups: Array<() => unknown> = [];

/** Writes `files` to a temp folder and serves it; both are undone in afterAll. */
async function site(files: Record<string, string | Uint8Array>, pathPrefix = '/'): Promise<StaticServer & { dir: string }> {
  const { dir, cleanup } = tempRegister(files);
  const server = await serveStatic(dir, { pathPrefix });
  cleanups.push(cleanup, () => server.close());
  return { ...server, dir };
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await closeBrowser();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('launchBrowser', () => {
  it('drives Debian\'s Chromium and shares one browser per test file', async () => {
    expect(browser.isConnected()).toBe(true);
    expect(await launchBrowser()).toBe(browser);
    expect(browser.version()).toMatch(/^\d+\./);
  });

  it('says to run scripts/setup.sh when Chromium is missing', () => {
    expect(() => findChromium({ PATH: '/nonexistent' })).toThrow(/bash scripts\/setup\.sh/);
    expect(() => findChromium({ CRR_CHROMIUM: '/nonexistent/chromium' })).toThrow(/bash scripts\/setup\.sh/);
  });
});

describe('serveStatic', () => {
  it('serves under a path prefix: relative CSS loads, anything outside the prefix is 404', async () => {
    const server = await site(
      {
        'index.html': page('<main><h1>Kent</h1></main>', '<link rel="stylesheet" href="css/site.css">'),
        'css/site.css': 'h1 { color: rgb(0, 94, 184); }',
      },
      '/registers/kent/',
    );
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/registers\/kent\/$/);

    const opened = await openPage(browser, server.url);
    try {
      expect(opened.response?.status()).toBe(200);
      expect(await opened.page.evaluate('getComputedStyle(document.querySelector("h1")).color')).toBe('rgb(0, 94, 184)');
      expect(server.requests).toContain('GET /registers/kent/css/site.css 200');
      checkNothingLeaked(opened.problems);

      // The same file outside the prefix does not exist, for the browser or anyone else.
      const outside = await opened.page.goto(`${server.origin}/css/site.css`);
      expect(outside?.status()).toBe(404);
      expect(opened.problems.some((p) => p.kind === 'http' && p.url === `${server.origin}/css/site.css`)).toBe(true);
    } finally {
      await opened.close();
    }
    expect((await fetch(`${server.origin}/index.html`)).status).toBe(404);
    expect((await fetch(`${server.origin}/registers/kentish/index.html`)).status).toBe(404);
  });

  it('uses index.html for folders, redirects to the slash form, lists no directories, stays inside the folder', async () => {
    const server = await site(
      {
        'index.html': CLEAN,
        'hazards/HAZ-1/index.html': page('<main><h1>HAZ-1</h1></main>'),
        'assets/readme.txt': 'not an index',
      },
      '/registers/kent/',
    );
    const get = (path: string) => fetch(`${server.origin}${path}`, { redirect: 'manual' });

    expect(await (await get('/registers/kent/hazards/HAZ-1/')).text()).toContain('<h1>HAZ-1</h1>');
    const bare = await get('/registers/kent');
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/registers/kent/']);
    const folder = await get('/registers/kent/hazards/HAZ-1');
    expect([folder.status, folder.headers.get('location')]).toEqual([301, '/registers/kent/hazards/HAZ-1/']);
    expect((await get('/registers/kent/assets/')).status).toBe(404); // no listing, no index.html
    expect((await get('/registers/kent/missing.html')).status).toBe(404);
    expect((await get('/registers/kent/index.html/')).status).toBe(404);
    expect((await get('/registers/kent/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await get('/registers/kent/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await fetch(`${server.url}index.html`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${server.url}index.html`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
  });

  it('sends the content types the site ships', async () => {
    const server = await site({ 'app.mjs': 'export {};', 'data.json': '{}', 'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    const response = await fetch(`${server.url}app.mjs`);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${server.url}logo.svg`)).headers.get('content-type')).toBe('image/svg+xml');
    const types = Object.fromEntries(
      ['a.html', 'a.css', 'a.js', 'a.mjs', 'a.svg', 'a.json', 'a.woff2', 'a.png', 'a.pdf', 'a.wasm', 'pagefind-entry.json', 'wasm.en.pagefind', 'x.pf_meta', 'x.pf_fragment', 'x.pf_index', 'x.pf_filter', 'a.unknown'].map(
        (file) => [file, contentTypeFor(file)],
      ),
    );
    expect(types).toEqual({
      'a.html': 'text/html; charset=utf-8',
      'a.css': 'text/css; charset=utf-8',
      'a.js': 'text/javascript; charset=utf-8',
      'a.mjs': 'text/javascript; charset=utf-8',
      'a.svg': 'image/svg+xml',
      'a.json': 'application/json; charset=utf-8',
      'a.woff2': 'font/woff2',
      'a.png': 'image/png',
      'a.pdf': 'application/pdf',
      'a.wasm': 'application/wasm',
      'pagefind-entry.json': 'application/json; charset=utf-8',
      'wasm.en.pagefind': 'application/octet-stream',
      'x.pf_meta': 'application/octet-stream',
      'x.pf_fragment': 'application/octet-stream',
      'x.pf_index': 'application/octet-stream',
      'x.pf_filter': 'application/octet-stream',
      'a.unknown': 'application/octet-stream',
    });
  });
});

describe('openPage problems', () => {
  it('records nothing for a clean page', async () => {
    const server = await site({ 'index.html': CLEAN });
    const opened = await openPage(browser, server.url);
    try {
      expect(describeProblems(opened.problems)).toEqual([]);
      expect(() => checkNothingLeaked(opened.problems)).not.toThrow();
    } finally {
      await opened.close();
    }
  });

  it('catches a console error and an uncaught exception', async () => {
    const server = await site({
      'index.html': page('<main><h1>Broken</h1></main><script>console.error("chart data missing"); throw new Error("boom");</script>'),
    });
    const opened = await openPage(browser, server.url);
    try {
      expect(opened.problems).toContainEqual(expect.objectContaining({ kind: 'console', message: 'chart data missing' }));
      expect(opened.problems).toContainEqual(expect.objectContaining({ kind: 'pageerror', message: expect.stringContaining('boom') }));
      expect(() => checkNothingLeaked(opened.problems)).toThrow(/console: chart data missing[\s\S]*pageerror: Error: boom/);
      expect(() => checkNothingLeaked(opened.problems, { allow: [/chart data missing/, /boom/] })).not.toThrow();
    } finally {
      await opened.close();
    }
  });

  it('aborts and records every request that would leave the local server; none reaches the network', async () => {
    // A second local server stands in for "the network": a request routed past the harness
    // would show up in its log. It is on another port, so the page must not reach it either.
    const elsewhere = await site({ 'beacon.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    const server = await site({
      'index.html': page(
        `<main><h1>Offline</h1>
         <img src="http://10.0.0.1/a.png" alt="remote image">
         <img src="${elsewhere.url}beacon.png" alt="beacon"></main>
         <script src="https://example.com/x.js"></script>
         <script>fetch("https://example.com/api").catch(() => {});</script>`,
      ),
    });
    const started = Date.now();
    const opened = await openPage(browser, server.url);
    try {
      const blocked = opened.problems.filter((p) => p.kind === 'blocked').map((p) => p.url);
      expect(blocked.sort()).toEqual(['http://10.0.0.1/a.png', 'https://example.com/api', 'https://example.com/x.js', `${elsewhere.url}beacon.png`].sort());
      expect(elsewhere.requests).toEqual([]);
      // Aborted at once, not left to time out against an unreachable address.
      expect(Date.now() - started).toBeLessThan(5_000);
      // Each reported once, as blocked (not again as a failed request or a console error).
      expect(opened.problems.map((p) => p.kind)).toEqual(['blocked', 'blocked', 'blocked', 'blocked']);
      expect(() => checkNothingLeaked(opened.problems)).toThrow(/blocked: GET script blocked: not on the local server \(https:\/\/example\.com\/x\.js\)/);
    } finally {
      await opened.close();
    }
  });

  it('allows the same server as localhost, and origins it is told to allow', async () => {
    const other = await site({ 'ok.txt': 'ok' });
    const server = await site({ 'index.html': CLEAN });
    const localUrl = server.url.replace('127.0.0.1', 'localhost');
    const opened = await openPage(browser, localUrl, { allowOrigins: [other.origin] });
    try {
      // Cross-origin without CORS headers: no-cors fetches reach the servers but stay opaque.
      await opened.page.evaluate(
        async (urls) => {
          await Promise.all(urls.map((url) => fetch(url, { mode: 'no-cors' })));
        },
        [`${server.origin}/index.html`, `${other.url}ok.txt`],
      );
      expect(server.requests).toEqual(['GET / 200', 'GET /index.html 200']);
      expect(other.requests).toEqual(['GET /ok.txt 200']);
      checkNothingLeaked(opened.problems);
    } finally {
      await opened.close();
    }
  });

  it('catches an alert (injected script ran), dismisses it, and the page carries on', async () => {
    const server = await site({
      'index.html': page('<main><h1 id="h">Hazard <img src="x" onerror="alert(document.domain)" alt=""></h1></main><script>alert("xss"); document.title = "after";</script>'),
      x: '',
    });
    const opened = await openPage(browser, server.url);
    try {
      const dialogs = opened.problems.filter((p) => p.kind === 'dialog').map((p) => p.message);
      expect(dialogs).toContain('alert: xss');
      expect(dialogs).toContain('alert: 127.0.0.1');
      expect(await opened.page.title()).toBe('after');
    } finally {
      await opened.close();
    }
  });
});

describe('checkAccessibility', () => {
  it('finds an image without alt text', async () => {
    const server = await site({ 'index.html': page('<main><h1>Diagram</h1><img src="d.png"></main>'), 'd.png': new Uint8Array() });
    const opened = await openPage(browser, server.url);
    try {
      const violations = await checkAccessibility(opened.page);
      expect(violations).toContainEqual({
        id: 'image-alt',
        impact: 'critical',
        help: 'Images must have alternative text',
        count: 1,
        targets: ['img'],
      });
    } finally {
      await opened.close();
    }
  });

  it('finds nothing on a clean, well-formed page', async () => {
    const server = await site({ 'index.html': CLEAN });
    const opened = await openPage(browser, server.url);
    try {
      expect(await checkAccessibility(opened.page)).toEqual([]);
      checkNothingLeaked(opened.problems); // axe's own work raised nothing either
    } finally {
      await opened.close();
    }
  });
});

describe('printToPdf', () => {
  it('prints the page to A4 and the PDF holds its heading', async () => {
    const server = await site({
      'index.html': page(
        '<main><h1>Kent and Medway register</h1><p class="screen-only">Screen only</p><p>Printed body</p></main>',
        '<style>@media print { .screen-only { display: none } }</style>',
      ),
    });
    const opened = await openPage(browser, server.url);
    try {
      const file = join(server.dir, 'out', 'register.pdf');
      const bytes = await printToPdf(opened.page, file);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = await pdfText(file);
      expect(text).toContain('Kent and Medway register');
      expect(text).toContain('Printed body');
      expect(text).not.toContain('Screen only'); // print media was emulated
      expect(await pdfPageCount(file)).toBe(1);
      expect(await opened.page.evaluate('matchMedia("print").matches')).toBe(false); // restored
    } finally {
      await opened.close();
    }
  });
});
