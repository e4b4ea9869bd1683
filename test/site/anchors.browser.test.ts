/**
 * Anchors in the report site, in a real Chromium after its scripts ran (mermaid's SVGs included):
 * on a page of every type, no id repeats (a repeated id sends every link to the first of them:
 * the `id="object-object"` defect of issue 9), every `#fragment` link and every id reference
 * (label `for`, `aria-*`, SVG `url(#…)`) has its target on the page, and every link to another
 * page of the site with a fragment finds that id there. Run over the worked example and the
 * register of hostile strings (whose ids are the ones most likely to make a bad anchor).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, validateFolder, type ReportData } from '@crr/core';
import { buildSite } from '@crr/site';
import { anchorProblems, pageKey, scanPage, scanTarget, type PageScan } from './support/anchors.js';
import { closeBrowser, launchBrowser, openPage, type OpenedPage } from './support/browser.js';
import { serveStatic, type StaticServer } from './support/server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const AS_OF = '2026-11-21';

/** One built and served site, one watched page in the shared browser, and the pages scanned. */
interface Fixture {
  report: ReportData;
  out: string;
  server: StaticServer;
  opened: OpenedPage;
  scans: Map<string, Promise<PageScan>>;
  targets: Map<string, Promise<PageScan>>;
}

async function setUp(folder: string, prefix: string): Promise<Fixture> {
  const { register, diagnostics } = await validateFolder(join(root, folder), { asOf: AS_OF });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const { report } = buildReport(register, { asOf: AS_OF, tool: 'crr test' });
  const out = mkdtempSync(join(tmpdir(), 'crr-anchors-'));
  await buildSite({ report, outDir: out });
  const server = await serveStatic(out, { pathPrefix: prefix });
  // Opened on the site itself: the page's guard lets through only the origin it was opened on.
  const opened = await openPage(await launchBrowser(), server.url);
  return { report, out, server, opened, scans: new Map(), targets: new Map() };
}

/** The scan of a page of the fixture's site, made once (scans run one at a time: one page). */
function scanOf(f: Fixture): (url: string) => Promise<PageScan> {
  return async (url) => {
    const key = pageKey(url);
    let scan = f.scans.get(key);
    if (!scan) {
      scan = scanPage(f.opened, key);
      f.scans.set(key, scan);
    }
    return scan;
  };
}

/**
 * The ids of a page a link leads to, read once from its HTML (`scanTarget`): waiting for the
 * diagrams of every page linked to (a hazard links to fifty site pages) took minutes.
 */
function targetOf(f: Fixture): (url: string) => Promise<PageScan> {
  return async (url) => {
    const key = pageKey(url);
    let scan = f.targets.get(key);
    if (!scan) {
      scan = scanTarget(key);
      f.targets.set(key, scan);
    }
    return scan;
  };
}

async function tearDown(f: Fixture | undefined): Promise<void> {
  if (!f) return;
  // Whatever the pages raised while scanned (a console error, a request leaving the machine) is
  // site.browser.test.ts's business; here only that the scans themselves were sound.
  await f.opened.close();
  await f.server.close();
  rmSync(f.out, { recursive: true, force: true });
}

/** The page types of `support/page-types.ts`. */
const PAGE_TYPES = [
  'overview', 'hazard log', 'hazard', 'risk matrices', 'asset index', 'shared asset', 'site-local asset', 'site index', 'site', 'PCN', 'places', 'region', 'ICB',
  'supplier index', 'supplier', 'service index', 'service', 'incidents', 'findings', 'capacity', 'scenario index', 'scenario', 'safety case', 'search', 'exports',
] as const;
type PageType = (typeof PAGE_TYPES)[number];

/** One page of every type, by its path under the site root (undefined: the register has no such record). */
function pageOfType(report: ReportData, type: PageType): string | undefined {
  const detail = (section: string, record: { slug: string } | undefined) => (record ? `${section}/${record.slug}/` : undefined);
  switch (type) {
    case 'overview': return '';
    case 'hazard log': return 'hazards/';
    case 'hazard': return detail('hazards', report.hazards.find((h) => h.existingControls.length + h.additionalControls.length > 0 && h.incidents.length > 0) ?? report.hazards[0]);
    case 'risk matrices': return 'matrices/';
    case 'places': return 'regions/';
    case 'region': return detail('regions', report.regions[0]);
    case 'ICB': return detail('icbs', report.icbs[0]);
    case 'asset index': return 'assets/';
    // One that links to its common-cause findings on the findings page, where one does.
    case 'shared asset': return detail('assets', report.assets.find((a) => !a.site && a.commonCauses.length > 0) ?? report.assets.find((a) => !a.site));
    // A section of its site's page (issue 12, D1): that page.
    case 'site-local asset': return detail('sites', report.sites.find((s) => s.slug === report.assets.find((a) => a.site)?.site?.slug));
    case 'site index': return 'sites/';
    case 'site': return detail('sites', report.sites.find((s) => s.type === 'practice') ?? report.sites[0]);
    case 'PCN': return detail('pcns', report.pcns[0]);
    case 'supplier index': return 'suppliers/';
    case 'supplier': return detail('suppliers', report.suppliers[0]);
    case 'service index': return 'services/';
    case 'service': return detail('services', report.services[0]);
    case 'incidents': return 'incidents/';
    case 'findings': return 'findings/';
    case 'capacity': return 'capacity/';
    case 'scenario index': return 'scenarios/';
    // One past its tolerance where one is: it links to its finding.
    case 'scenario': return detail('scenarios', report.scenarios.find((s) => s.finding) ?? report.scenarios[0]);
    case 'safety case': return 'safety-case/';
    case 'search': return 'search/';
    case 'exports': return 'export/';
  }
}

/** A page with one of each defect, and the well-formed cases that must not be reported. */
const PLANTED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>planted</title></head><body>
<main id="maincontent">
<a href="#maincontent">fine</a> <a href="#">top</a> <a href="#%6Daincontent">escaped, fine</a>
<p id="object-object">one</p><p id="object-object">two</p><p id="a b">spaced</p><p id="control-">no slug</p>
<label for="nowhere">orphan label</label>
<svg><defs><marker id="arrow"></marker></defs><path class="edge" marker-end="url(#arrow)"></path><path class="edge" marker-end="url(#no-marker)"></path></svg>
<a href="#missing">broken</a>
<a href="../findings/index.html#finding-none-such">broken across pages</a>
<a href="../no-such-page/#x">to nowhere</a>
<a href="../safety-case/#introduction">fine across pages</a>
</main></body></html>`;

afterAll(async () => {
  await closeBrowser();
});

const REGISTERS = [
  { name: 'the worked example', folder: 'registers/example-icb', prefix: '/registers/kent/' },
  // Slugs with `~` and hashed `id~…` slugs: the ids most likely to make a bad anchor.
  { name: 'the register of hostile strings', folder: 'test/fixtures/hostile', prefix: '/' },
];

for (const register of REGISTERS) {
  describe(`anchors in ${register.name}`, () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await setUp(register.folder, register.prefix);
    }, 180_000);
    afterAll(() => tearDown(f));

    for (const type of PAGE_TYPES) {
      it(`${type}: no id repeats; every in-page and cross-page anchor has its target`, async () => {
        const path = pageOfType(f.report, type);
        // The hostile register's ICB has no region; the example has a page of every type.
        if (path === undefined && type === 'region' && register.folder !== 'registers/example-icb') return;
        expect(path, `the register has no ${type} page`).toBeDefined();
        const scan = await scanOf(f)(`${f.server.url}${path}`);
        expect(scan.status).toBe(200);
        // A scan that found nothing would pass vacuously: the layout alone gives ids and a skip link.
        expect(scan.ids).toContain('maincontent');
        expect(scan.links.some((l) => l.raw === '#maincontent')).toBe(true);
        expect(await anchorProblems(path!, scan, f.server.url, targetOf(f))).toEqual([]);
      });
    }

    it('catches a planted page of every defect it looks for (so a pass means something)', async () => {
      // Written into this test's own build, beside the real pages, and scanned the same way.
      mkdirSync(join(f.out, 'planted'));
      writeFileSync(join(f.out, 'planted', 'index.html'), PLANTED);
      const scan = await scanOf(f)(`${f.server.url}planted/`);
      expect(await anchorProblems('planted/', scan, f.server.url, targetOf(f))).toEqual([
        '/planted/: id "object-object" appears 2 times',
        '/planted/: id "object-object" is not derived from its record',
        '/planted/: id "a b" is empty or holds a space',
        '/planted/: id "control-" is not derived from its record',
        '/planted/: label[for] refers to missing id "nowhere"',
        '/planted/: path.edge[marker-end] refers to missing id "no-marker"',
        '/planted/: link "#missing" has no target on its page',
        '/planted/: link "../findings/index.html#finding-none-such" finds no such id on /findings/',
        '/planted/: link "../no-such-page/#x" goes to a page that answers HTTP 404',
      ]);
    });

    it('hazard pages whose risk was transferred: each control the deployer now owns links to its card', async () => {
      // In-page links to a control's card come from the transfer, the kinds-considered list and
      // the W070 warning; the hazard chosen above may have no transfer.
      const transferred = f.report.hazards.filter((h) => (h.transfer?.controls.length ?? 0) > 0);
      if (register.folder === 'registers/example-icb') expect(transferred.length).toBeGreaterThan(0);
      for (const hazard of transferred) {
        const path = `hazards/${hazard.slug}/`;
        const scan = await scanOf(f)(`${f.server.url}${path}`);
        expect(await anchorProblems(path, scan, f.server.url, targetOf(f))).toEqual([]);
        const links = scan.links.filter((l) => l.raw.startsWith('#control-')).map((l) => l.raw).sort();
        const linked = [...hazard.transfer!.controls, ...hazard.controlKinds.flatMap((k) => k.controls), ...hazard.residualRestsOnProposed];
        expect(links).toEqual(linked.map((c) => `#control-${c.slug}`).sort());
        // Every control the deployer now owns is among them.
        for (const c of hazard.transfer!.controls) expect(links).toContain(`#control-${c.slug}`);
      }
    });

    it('anchors each finding, incident and control by its own record, and links to each by it', async () => {
      // The defect this guards: every finding, incident and control anchored as `object-object`.
      const findings = await scanOf(f)(`${f.server.url}findings/`);
      expect(findings.ids.filter((id) => id.startsWith('finding-')).sort()).toEqual(f.report.findings.map((x) => `finding-${x.slug}`).sort());
      const incidents = await scanOf(f)(`${f.server.url}incidents/`);
      expect(incidents.ids.filter((id) => id.startsWith('incident-')).sort()).toEqual(f.report.incidents.map((x) => `incident-${x.slug}`).sort());
      const hazard = f.report.hazards.find((h) => h.existingControls.length + h.additionalControls.length > 0);
      if (register.folder === 'registers/example-icb') expect(hazard).toBeDefined();
      if (hazard) {
        const page = await scanOf(f)(`${f.server.url}hazards/${hazard.slug}/`);
        const controls = [...hazard.existingControls, ...hazard.additionalControls].flatMap((k) => k.controls.map((c) => `control-${c.slug}`));
        expect(page.ids.filter((id) => id.startsWith('control-')).sort()).toEqual(controls.sort());
      }
      const overview = await scanOf(f)(f.server.url);
      const toFindings = overview.links.filter((l) => new URL(l.url).hash.startsWith('#finding-'));
      expect(new Set(toFindings.map((l) => new URL(l.url).hash)).size).toBe(toFindings.length);
    });
  });
}
