/**
 * Issue 12's page budget, on the worked example built for real: a site-local asset has no page of
 * its own but a section of its site's page (`id="asset-<slug>"`), and every link to it anywhere in
 * the site (pages, diagram tables, search records) resolves to an existing file holding that id.
 * The example's lists are short, so they stay whole in their pages, with no data script.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { buildReport, validateFolder, type ReportData } from '@crr/core';
import { buildSite, searchRecords } from '@crr/site';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const AS_OF = '2026-11-21';
const temp = mkdtempSync(join(tmpdir(), 'crr-budget-'));
let report: ReportData;
let pages: string[];

const read = (file: string) => readFileSync(join(temp, file), 'utf8');

beforeAll(async () => {
  const { register } = await validateFolder('registers/example-icb', { asOf: AS_OF });
  report = buildReport(register, { asOf: AS_OF, tool: 'crr test' }).report;
  const quiet = [vi.spyOn(process.stdout, 'write').mockImplementation(() => true), vi.spyOn(console, 'info').mockImplementation(() => {})];
  try {
    await buildSite({ report, outDir: temp, search: false });
  } finally {
    for (const spy of quiet) spy.mockRestore();
  }
  pages = (readdirSync(temp, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => f.split('\\').join('/'));
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('site-local assets on the worked example (issue 12, D1)', () => {
  it('have no page of their own but a section of their site page, with the anchor', () => {
    const local = report.assets.filter((a) => a.site);
    expect(local.length).toBeGreaterThan(100);
    for (const a of local) {
      expect(existsSync(join(temp, 'assets', a.slug)), a.id).toBe(false);
      const page = read(`sites/${a.site!.slug}/index.html`);
      expect(page, a.id).toContain(`<section class="crr-local-asset" id="asset-${a.slug}">`);
    }
    // The section says what the asset is, what it needs and what it is a failure point for.
    const fp = local.find((a) => a.failurePointFor.length > 0)!;
    const section = new RegExp(`id="asset-${fp.slug.replace(/[.~]/g, '\\$&')}">([\\s\\S]*?)</section>`).exec(read(`sites/${fp.site!.slug}/index.html`))![1]!;
    expect(section).toContain(fp.type);
    expect(section).toContain('failure point');
    expect(section).toContain('Needs:');
    expect(section).toContain(fp.failurePointFor[0]!.services[0]!.name.replace(/'/g, '&#x27;'));
    // Shared assets keep their pages.
    for (const a of report.assets.filter((x) => !x.site)) expect(existsSync(join(temp, 'assets', a.slug, 'index.html')), a.id).toBe(true);
  });

  it('every link to an asset, on every page, resolves to an existing file and, for a section, its id', () => {
    let sectionLinks = 0;
    let assetLinks = 0;
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let set = ids.get(file);
      if (!set) ids.set(file, (set = new Set([...read(file).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!))));
      return set;
    };
    for (const page of pages) {
      for (const m of read(page).matchAll(/href="([^"#]*)(?:#([^"]*))?"/g)) {
        const [, path, fragment] = m;
        if (!path || /^[a-z]+:/.test(path)) continue;
        const target = normalize(join(dirname(page), path)).split('\\').join('/');
        if (fragment?.startsWith('asset-')) {
          sectionLinks++;
          expect(existsSync(join(temp, target)), `${page} → ${path}#${fragment}`).toBe(true);
          expect(target, page).toMatch(/^sites\/[^/]+\/index\.html$/);
          expect(idsOf(target).has(fragment.replace(/&#x27;/g, "'")), `${page} → ${target}#${fragment}`).toBe(true);
        } else if (target.startsWith('assets/') && target !== 'assets/index.html') {
          assetLinks++;
          expect(existsSync(join(temp, target)), `${page} → ${path}`).toBe(true);
        }
      }
    }
    // Routes, failure-point lists and diagram tables link to site-local assets from many pages.
    expect(sectionLinks).toBeGreaterThan(100);
    expect(assetLinks).toBeGreaterThan(20);
  });

  it('leaves site-local assets out of search; sites are found by name, ODS code and PCN', () => {
    const records = searchRecords(report);
    const local = new Set(report.assets.filter((a) => a.site).map((a) => a.slug));
    expect(records.some((r) => r.kind === 'asset' && local.has(r.url.split('/')[2]!))).toBe(false);
    const site = report.sites.find((s) => s.pcn && s.ods)!;
    const record = records.find((r) => r.url === `/sites/${site.slug}/index.html`)!;
    expect(record.content).toBe(`${site.name}. ${site.ods}. ${site.pcn!.name}`);
  });
});

describe('short lists on the worked example', () => {
  it('stay whole in their pages: no data script, every row in the HTML', () => {
    for (const folder of ['findings', 'sites', 'assets']) expect(existsSync(join(temp, folder, 'data.js')), folder).toBe(false);
    const sites = read('sites/index.html');
    expect(sites).not.toContain('data-crr-list');
    for (const s of report.sites) expect(sites).toContain(`href="../sites/${s.slug}/index.html"`);
    expect((read('findings/index.html').match(/<li class="crr-finding"/g) ?? []).length).toBe(report.findings.length);
  });

  it('keeps every page small', () => {
    for (const page of pages) expect(readFileSync(join(temp, page)).length, page).toBeLessThan(1024 * 1024);
  });
});
