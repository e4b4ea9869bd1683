/**
 * The report site of the worked example, built with real Eleventy and Pagefind into temp folders:
 * its pages, that it is deterministic, offline, relative, escaped, and under a CSP.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { buildReport, validateFolder, type ReportData } from '@crr/core';
import { buildSite, pageCount, searchRecords, type BuiltSite } from '@crr/site';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const AS_OF = '2026-11-21';
const SINGLE_PAGES = [
  'index.html',
  'hazards/index.html',
  'matrices/index.html',
  'assets/index.html',
  'sites/index.html',
  'pcns/index.html',
  'regions/index.html',
  'suppliers/index.html',
  'services/index.html',
  'incidents/index.html',
  'findings/index.html',
  'faults/index.html',
  'capacity/index.html',
  'scenarios/index.html',
  'what-if/index.html',
  'safety-case/index.html',
  'search/index.html',
  'export/index.html',
];

const temp = mkdtempSync(join(tmpdir(), 'crr-site-'));
let report: ReportData;
let exportsIn: Record<string, unknown>;
let first: BuiltSite;
let progress: [number, number][] = [];
/** The progress calls made by the time each `beforeRun` came. */
const runs: number[] = [];
let linesPrinted = 0;
let buildMs = 0;

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => posix.relative(dir.split('\\').join('/'), join(e.parentPath, e.name).split('\\').join('/')))
    .sort();
}

function hashes(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

beforeAll(async () => {
  const { register } = await validateFolder('registers/example-icb', { asOf: AS_OF });
  const built = buildReport(register, { asOf: AS_OF, tool: 'crr test' });
  report = built.report;
  exportsIn = { 'analysis.json': built.analysis };

  // Count what the build prints: progress must be a callback, never a line per page.
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      linesPrinted += String(chunk).split('\n').length - 1 || 1;
      return true;
    }),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
      linesPrinted += String(chunk).split('\n').length - 1 || 1;
      return true;
    }),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => void linesPrinted++)),
  ];
  const start = performance.now();
  try {
    first = await buildSite({ report, exports: exportsIn, outDir: join(temp, 'a'), onProgress: (done, total) => progress.push([done, total]), beforeRun: () => runs.push(progress.length) });
  } finally {
    buildMs = performance.now() - start;
    for (const spy of spies) spy.mockRestore();
  }
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('buildSite on the worked example', () => {
  it('writes one page per record and one for each section, and says so', () => {
    const expected =
      // A site-local asset is a section of its site's page, not a page (issue 12, D1).
      SINGLE_PAGES.length + report.hazards.length + report.assets.filter((a) => !a.site).length + report.sites.length + report.pcns.length + report.suppliers.length + report.services.length + report.scenarios.length + report.regions.length + report.icbs.length;
    expect(pageCount(report)).toBe(expected);
    expect(first.pages).toBe(expected);
    const files = filesUnder(first.outDir);
    expect(files.filter((f) => f.endsWith('.html'))).toHaveLength(expected);
    expect(first.files).toBe(files.length);
    expect(first.outDir).toBe(join(temp, 'a'));
    // The example: 14 hazards, 20 shared assets (and 150 site-local ones, on their sites' pages), 52 sites, 6 PCNs, 12 suppliers, 5 services, 4 scenarios, 1 region, 1 ICB.
    expect(expected).toBe(133); // 131 before the fault grid, 132 before the what-if page (issue 15)
    console.info(`example site: ${first.pages} pages, ${first.files} files, built in ${Math.round(buildMs)} ms`);
  });

  it('has every page type, at its relative path', () => {
    const files = new Set(filesUnder(first.outDir));
    const localAsset = report.assets.find((a) => a.slug.includes('~'))!;
    const expected = [
      ...SINGLE_PAGES,
      `hazards/${report.hazards[0]!.slug}/index.html`,
      `assets/${report.assets.find((a) => !a.site)!.slug}/index.html`,
      `sites/${report.sites[0]!.slug}/index.html`,
      `pcns/${report.pcns[0]!.slug}/index.html`,
      `suppliers/${report.suppliers[0]!.slug}/index.html`,
      `services/${report.services[0]!.slug}/index.html`,
      `scenarios/${report.scenarios[0]!.slug}/index.html`,
      'export/analysis.json',
      'pagefind/pagefind.js',
      'static/mermaid/mermaid.min.js',
      'static/nhsuk/nhsuk-frontend.min.css',
      'static/nhsuk/nhsuk-frontend.min.js',
      'static/css/crr.css',
      'static/css/print.css',
      'static/css/print-footer.css',
      'static/js/nhsuk-init.js',
      'static/js/diagrams.js',
      'static/js/tables.js',
      'static/js/search.js',
    ];
    for (const f of expected) expect(files.has(f), f).toBe(true);
    for (const h of report.hazards) expect(files.has(`hazards/${h.slug}/index.html`), h.id).toBe(true);
    expect(localAsset.slug).toContain('~');
    // A site-local asset is a section of its site's page (issue 12, D1).
    expect(files.has(`assets/${localAsset.slug}/index.html`)).toBe(false);
    expect(read(first.outDir, `sites/${localAsset.site!.slug}/index.html`)).toContain(`id="asset-${localAsset.slug}"`);
  });

  it('builds byte-identical output from the same report', async () => {
    const second = await buildSite({ report, exports: exportsIn, outDir: join(temp, 'b') });
    const a = hashes(first.outDir);
    const b = hashes(second.outDir);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([f, h]) => b.get(f) !== h).map(([f]) => f);
    expect(differing).toEqual([]);
  });

  it('calls beforeRun once per Eleventy run, before the run writes a page', () => {
    // The example is one run; beforeRun comes after the opening "0 of N" and before any page.
    expect(runs).toEqual([1]);
    expect(progress[0]![0]).toBe(0);
  });

  it('reports progress through the callback, throttled, and prints nothing', () => {
    const total = first.pages;
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThan(total / 4);
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
    expect(progress.every(([, t]) => t === total)).toBe(true);
    expect(linesPrinted).toBeLessThan(3);
  });

  it('refers to no other host: no http(s) URL in any tag, CSS url() or script import', () => {
    const offenders: string[] = [];
    for (const f of filesUnder(first.outDir)) {
      if (f.endsWith('.html')) {
        const html = read(first.outDir, f);
        // Text content may mention addresses; the attributes that load or link may not.
        for (const m of html.matchAll(/\s(?:href|src|action|formaction|srcset|poster|data|xlink:href)="([^"]*)"/g)) if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|\/)/i.test(m[1]!) && !m[1]!.startsWith('#')) offenders.push(`${f}: ${m[0]}`);
      } else if (f.endsWith('.css')) {
        const css = read(first.outDir, f);
        for (const m of css.matchAll(/url\(\s*['"]?([^'")]*)/g)) if (!m[1]!.startsWith('data:') && /^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(m[1]!)) offenders.push(`${f}: url(${m[1]})`);
        if (/@import/.test(css)) offenders.push(`${f}: @import`);
        if (/@font-face/.test(css)) offenders.push(`${f}: @font-face`);
      } else if (/\.m?js$/.test(f)) {
        const js = read(first.outDir, f);
        for (const m of js.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)(["'`])([^"'`]*)\1/g)) if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(m[2]!)) offenders.push(`${f}: import ${m[2]}`);
        if (/importScripts\(\s*["'`]https?:/.test(js)) offenders.push(`${f}: importScripts`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('links only to files that exist, by relative paths', () => {
    const files = new Set(filesUnder(first.outDir));
    const broken: string[] = [];
    for (const f of files) {
      if (!f.endsWith('.html')) continue;
      const html = read(first.outDir, f);
      for (const m of html.matchAll(/\s(?:href|src)="([^"#?]*)(?:[#?][^"]*)?"/g)) {
        const target = m[1]!;
        if (!target) continue;
        expect(target, `${f} links to ${target}`).not.toMatch(/^\/|^[a-z]+:/i);
        const resolved = posix.normalize(posix.join(posix.dirname(f), target));
        if (resolved.startsWith('..')) broken.push(`${f}: ${target} leaves the site`);
        else if (!files.has(resolved) && !files.has(posix.join(resolved, 'index.html'))) broken.push(`${f}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('puts a Content-Security-Policy on every page, one h1, a title, a skip link and lang', () => {
    const required = ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'"];
    for (const f of filesUnder(first.outDir).filter((x) => x.endsWith('.html'))) {
      const html = read(first.outDir, f);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
      expect(csp, f).toBeDefined();
      const directives = csp!.split(';').map((d) => d.trim());
      for (const d of required) expect(directives, `${f}: ${d}`).toContain(d);
      const script = directives.find((d) => d.startsWith('script-src'))!;
      expect(script, f).toMatch(/^script-src 'self'( 'wasm-unsafe-eval')?$/);
      expect(directives.find((d) => d.startsWith('style-src')), f).toMatch(/^style-src 'self'( 'unsafe-inline')?$/);
      expect(html, f).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
      expect(html.match(/<h1[\s>]/g), f).toHaveLength(1);
      expect(html, f).toMatch(/<title>[^<]+<\/title>/);
      expect(html, f).toContain('<a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">');
      expect(html, f).toContain('id="maincontent"');
      expect(html, f).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // no inline scripts
    }
  });

  it('indexes hazards, shared assets, sites and suppliers for search, each once, at a page that exists', () => {
    const records = searchRecords(report);
    const expected = report.hazards.length + report.assets.filter((a) => !a.site).length + report.sites.length + report.suppliers.length;
    expect(records).toHaveLength(expected);
    expect(new Set(records.map((r) => r.url)).size).toBe(expected);
    for (const r of records) expect(filesUnder(first.outDir)).toContain(r.url.slice(1));
    const hazard = records.find((r) => r.kind === 'hazard')!;
    expect(hazard.content).toContain(report.hazards[0]!.title);
    // The index itself is written, offline.
    expect(filesUnder(first.outDir)).toContain('pagefind/pagefind.js');
  });

  it('gives every diagram mermaid text, a legend and a table of the same edges', () => {
    const asset = report.assets.find((a) => !a.site && a.graph.edges.length > 0 && a.graph.nodes.some((n) => n.failurePoint))!;
    const html = read(first.outDir, `assets/${asset.slug}/index.html`);
    expect(html).toContain('<pre class="mermaid">flowchart LR');
    expect(html).toContain('Key to the diagram');
    const table = /<table class="nhsuk-table crr-edges">([\s\S]*?)<\/table>/.exec(html)![1]!;
    expect(table.match(/<tr class="nhsuk-table__row">/g)).toHaveLength(asset.graph.edges.length + 1);
    expect(table).toContain('(failure point)');
    expect(html).toContain('static/js/diagrams.js');
    // A site's routes diagram: its route lists are the text, and its key is one link (issue 12, page budget).
    const site = report.sites.find((s) => s.type === 'practice' && s.routes.length > 0 && s.graph.edges.length > 0)!;
    const sitePage = read(first.outDir, `sites/${site.slug}/index.html`);
    expect(sitePage).toMatch(/<pre class="mermaid">flowchart (LR|TD)\n/);
    expect(sitePage).toContain('sites/index.html#diagram-key">Key to the diagram</a>');
    expect(sitePage).not.toContain('crr-edges');
    expect(read(first.outDir, 'sites/index.html')).toContain('id="diagram-key"');
  });

  it('publishes exactly the exports it was given, as pretty JSON', () => {
    expect(JSON.parse(read(first.outDir, 'export/analysis.json'))).toEqual(JSON.parse(JSON.stringify(exportsIn['analysis.json'])));
    // Compact: data for programs (decision 37), one line and a final newline.
    expect(read(first.outDir, 'export/analysis.json')).toMatch(/^\{"[^\n]*\}\n$/);
    expect(readdirSync(join(first.outDir, 'export')).sort()).toEqual([...Object.keys(exportsIn), 'index.html'].sort());
    const page = read(first.outDir, 'export/index.html');
    expect(page).toContain('href="analysis.json"');
  });
});

describe('buildSite with hostile register strings', () => {
  it('escapes them everywhere: no markup, no mermaid statements', async () => {
    const hostile = JSON.parse(JSON.stringify(report)) as ReportData;
    const evil = '"]; click n0 call alert(1); %% <img src=x onerror=alert(1)> javascript:alert(1) {{{x}}}';
    hostile.meta.title = evil;
    hostile.hazards[0]!.title = evil;
    hostile.hazards[0]!.description = '<script>alert(1)</script>';
    const site = hostile.sites.find((s) => s.graph.edges.length > 0)!;
    site.name = evil;
    site.graph.nodes[0]!.label = evil;
    const out = join(temp, 'hostile');
    await buildSite({ report: hostile, outDir: out, search: false });
    for (const f of filesUnder(out).filter((x) => x.endsWith('.html'))) {
      const html = read(out, f);
      expect(html, f).not.toContain('<img src=x');
      expect(html, f).not.toContain('<script>alert');
      expect(html, f).not.toMatch(/^\s*click /m);
    }
    const page = read(out, `sites/${site.slug}/index.html`);
    expect(page).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    const mermaid = /<pre class="mermaid">([\s\S]*?)<\/pre>/.exec(page)![1]!;
    expect(mermaid).not.toMatch(/^\s*click|%%|&lt;img/m);
    expect(mermaid).toContain('#60;img src#61;x onerror#61;alert#40;1#41;#62;');
  });

  it('refuses a slug that is not a safe path segment', async () => {
    const bad = JSON.parse(JSON.stringify(report)) as ReportData;
    bad.hazards[0]!.slug = '../../escape';
    await expect(buildSite({ report: bad, outDir: join(temp, 'bad'), search: false })).rejects.toThrow(/not a safe path segment/);
  });

  it('never empties a folder it did not build', async () => {
    const foreign = join(temp, 'foreign');
    mkdirSync(foreign, { recursive: true });
    writeFileSync(join(foreign, 'notes.txt'), 'keep me');
    await expect(buildSite({ report, outDir: foreign, search: false })).rejects.toThrow(/not empty/);
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('keep me');
    // A folder it built before: the files it wrote are replaced, and the page of a record gone
    // from the report goes too; a file the user added stays (site/src/out-dir.ts).
    await buildSite({ report, outDir: join(temp, 'rebuild'), search: false });
    writeFileSync(join(temp, 'rebuild', 'notes.html'), 'mine');
    await buildSite({ report: { ...report, hazards: report.hazards.slice(1) }, outDir: join(temp, 'rebuild'), search: false });
    const files = filesUnder(join(temp, 'rebuild'));
    expect(files).toContain('notes.html');
    expect(files).not.toContain(`hazards/${report.hazards[0]!.slug}/index.html`);
    expect(files).toContain(`hazards/${report.hazards[1]!.slug}/index.html`);
  });
});

describe('templates', () => {
  it('never use the triple-stash (unescaped) form', () => {
    const dir = join(dirname(new URL(import.meta.url).pathname), '..', '..', 'site', 'templates');
    const offenders = filesUnder(dir).filter((f) => read(dir, f).includes('{{{'));
    expect(offenders).toEqual([]);
  });
});
