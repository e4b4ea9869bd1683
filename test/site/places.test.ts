/**
 * Places in the built site (issue 12 item 2): a register of two ICBs gets a page per ICB and
 * region, linked from the overview's table, from the places page and from its PCNs' pages, each
 * with the status panel counted for it; the nav has "Places"; the diagram partial shows what was
 * rolled up. A generated register of many ICBs gets an overview diagram of at most 150 nodes,
 * rolled up to its ICBs, with a note saying so (the national
 * register's figures are in the lead's report: a test of 6,253 practices would take a minute).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildReport, validateFolder, type ReportData } from '@crr/core';
import { buildSite } from '@crr/site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNational } from '../generate/national.js';
import { writeRegister } from '../generate/generate-register.js';
import { MINIMAL_MANIFEST } from '../support/temp-register.js';
import { TWO_ICBS } from '../support/two-icbs.js';

const AS_OF = '2026-11-21';
const temp = mkdtempSync(join(tmpdir(), 'crr-places-site-'));
const out = join(temp, 'site');
let report: ReportData;
const NOTE = 'Four sites shown as their 2 ICBs; site-local assets are left out.';

beforeAll(async () => {
  const dir = join(temp, 'register');
  writeRegister(dir, { 'register.yaml': MINIMAL_MANIFEST + TWO_ICBS.replace(/^\n/, '') });
  const { register } = await validateFolder(dir, { asOf: AS_OF });
  report = buildReport(register, { asOf: AS_OF, tool: 'crr test' }).report;
  // The two-ICB register's diagram needs no roll-up: a note is set here to see the partial show it.
  await buildSite({ report: { ...report, overviewGraph: { ...report.overviewGraph, note: NOTE, noteHref: 'assets/index.html' } }, outDir: out, search: false });
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

const page = (path: string) => readFileSync(join(out, path), 'utf8');
/** The targets of a page's links, resolved to files of the site (anchors dropped). */
const links = (path: string) => [...page(path).matchAll(/href="([^"#]+)(#[^"]*)?"/g)].map((m) => resolve(dirname(join(out, path)), m[1]!));

describe('place pages in the built site', () => {
  it('has a page per ICB and region, each with its name, code, parent and the status panel', () => {
    expect(report.icbs).toHaveLength(2);
    for (const p of report.icbs) {
      const html = page(`icbs/${p.slug}/index.html`);
      expect(html).toContain(`<h1>${p.name}</h1>`);
      expect(html).toContain(p.ods!);
      expect(html).toContain('<section class="crr-section crr-status"');
      expect(html).toContain(`Where ${p.name} stands`);
      expect(links(`icbs/${p.slug}/index.html`)).toContain(join(out, 'regions', report.regions[0]!.slug, 'index.html'));
      // Its PCN, linked.
      expect(links(`icbs/${p.slug}/index.html`)).toContain(join(out, 'pcns', p.pcns[0]!.slug, 'index.html'));
    }
    const region = page(`regions/${report.regions[0]!.slug}/index.html`);
    expect(region).toContain('<h1>NHS England South East</h1>');
    for (const p of report.icbs) expect(region).toContain(`>${p.name}</a>`);
  });

  it('links every place page from the overview table, the places page and the nav', () => {
    const overview = page('index.html');
    expect(overview).toContain('id="places-heading"');
    for (const p of report.icbs) expect(links('index.html')).toContain(join(out, 'icbs', p.slug, 'index.html'));
    for (const p of [...report.icbs.map((i) => `icbs/${i.slug}`), `regions/${report.regions[0]!.slug}`]) expect(links('regions/index.html')).toContain(join(out, p, 'index.html'));
    expect(overview).toMatch(/href="regions\/index\.html"[^>]*>Places</);
    // Every link of a place page reaches a file.
    for (const p of report.icbs) for (const target of links(`icbs/${p.slug}/index.html`)) expect(existsSync(target), target).toBe(true);
  });

  it('names the ICB and the region on a PCN\'s page, linked', () => {
    const pcn = report.pcns.find((p) => p.id === 'pcn-weald')!;
    const targets = links(`pcns/${pcn.slug}/index.html`);
    expect(targets).toContain(join(out, 'icbs', pcn.icb!.slug, 'index.html'));
    expect(targets).toContain(join(out, 'regions', pcn.region!.slug, 'index.html'));
  });

  it('shows the diagram\'s note with a link to the full list', () => {
    const overview = page('index.html');
    const at = overview.indexOf(NOTE);
    expect(at).toBeGreaterThan(0);
    expect(overview.slice(at, at + 200)).toContain('href="assets/index.html"');
    expect(overview).not.toContain('Part of the dependency graph is left out');
  });
});

describe('the overview diagram of a register of many ICBs', () => {
  it('stays at or under 150 nodes, rolled up to the ICBs, with a note that says so', async () => {
    const national = generateNational({ icbs: 3 });
    const dir = join(temp, 'national');
    writeRegister(dir, national.files);
    const { register } = await validateFolder(dir, { asOf: AS_OF });
    const big = buildReport(register, { asOf: AS_OF, tool: 'crr test' }).report;
    const g = big.overviewGraph;
    // More PCNs than the diagram draws as groups (85), so it rolls up.
    expect(big.pcns.length).toBeGreaterThan(45); // OVERVIEW_MAX_GROUPS in core's graphs.ts
    expect(g.nodes.length).toBeLessThanOrEqual(150);
    const groups = g.nodes.filter((n) => n.kind === 'pcn');
    expect(groups).toHaveLength(3);
    expect(groups.every((n) => n.section === 'icbs' && big.icbs.some((p) => p.slug === n.slug))).toBe(true);
    expect(g.note).toContain(`(${national.practices.toLocaleString('en-GB')} practices)`);
    expect(g.note).toContain('shown as their 3 ICBs');
  }, 60_000);

  it('rolls all of England up to its regions, whose links fit in 150 connections, and says what it left out', async () => {
    const national = generateNational();
    const dir = join(temp, 'england');
    writeRegister(dir, national.files);
    const { register } = await validateFolder(dir, { asOf: AS_OF });
    const g = buildReport(register, { asOf: AS_OF, tool: 'crr test' }).report.overviewGraph;
    // 42 ICBs fit as groups, but their links to the shared assets each reaches first do not fit
    // in 150 connections (OVERVIEW_MAX_EDGES): the seven regions' do.
    const groups = g.nodes.filter((n) => n.kind === 'pcn');
    expect(groups).toHaveLength(7);
    expect(groups.every((n) => n.section === 'regions')).toBe(true);
    expect(g.edges.length).toBeLessThanOrEqual(150);
    const drawn = g.nodes.filter((n) => n.kind === 'asset').length;
    expect(drawn).toBeGreaterThan(40);
    expect(g.note).toContain('shown as their 7 regions');
    expect(g.note).toMatch(new RegExp(`; ${drawn} shared assets of [\\d,]+ drawn, those the most sites rely on first;`));
  }, 120_000);
});
