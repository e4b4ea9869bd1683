/**
 * buildSite: a register's report as a static site. Eleventy renders the Handlebars templates
 * (site/templates) from the report, passed as global data; then the static files, the JSON
 * exports and the Pagefind index are written beside the pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CompactGraph, ReportData } from '@crr/core';
import { createHelpers, isSiteLocal } from './helpers.js';
import { writeListScripts } from './list-data.js';
import { writeJsonFile } from './json-file.js';
import { searchRecords } from './search.js';
import { SECTIONS, SINGLE_PAGES, exportFileNamePattern, exportNamePattern } from './paths.js';
import { prepareOutDir, recordOutDir, type Prepared } from './out-dir.js';
import { TEMPLATES, writeStaticFiles } from './static-files.js';
import { checkSlugs, plain, siteExtras } from './view.js';
import { WHAT_IF_DATA, whatIfDataScript } from './what-if-data.js';

export interface BuildSiteOptions {
  report: ReportData;
  /** Extra JSON files to publish under export/ (file name → value), e.g. { 'register.json': …, 'analysis.json': … }. */
  exports?: Record<string, unknown>;
  /** Ready-made files to publish under export/ as they are (file name → bytes), e.g. the hazard log as XLSX and CSV. */
  files?: Record<string, Uint8Array>;
  outDir: string;
  /**
   * The register's compact graph (core's `compactGraph`), for the what-if page: written as
   * what-if/data.js, a classic script (a page opened from disk may fetch nothing). Without it
   * the page says the site was built without it.
   */
  whatIf?: CompactGraph;
  /** Build the Pagefind search index (default true). */
  search?: boolean;
  /** Called as pages are written: done of total. Never print a line per page. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called before each Eleventy run, when what the previous run held (or the report's own
   * working data, before the first) has just become garbage: the CLI collects it then
   * (collect-garbage.ts). V8 otherwise lets the heap grow past a gigabyte at 6,500 practices
   * before it looks, although what is live stays near 500 MB.
   */
  beforeRun?: () => void;
}

export interface BuiltSite {
  pages: number;
  files: number;
  outDir: string;
}

/**
 * Pages per Eleventy run (see `batches`). With the heap collected between runs (`beforeRun`),
 * measured at 6,500 practices: 500 pages, 770 MB peak but 40% slower (each run sets Eleventy up
 * again); 1,000, 830 MB and no slower; 2,500, 1,060 MB.
 */
const BATCH_PAGES = 1000;

/** What one Eleventy run renders: `once` holds one item in the first batch only (the single pages paginate over it). */
export interface Batch {
  once: true[];
  hazards: ReportData['hazards'];
  assets: ReportData['assets'];
  sites: ReportData['sites'];
  pcns: ReportData['pcns'];
  suppliers: ReportData['suppliers'];
  services: ReportData['services'];
  scenarios: ReportData['scenarios'];
  regions: ReportData['regions'];
  icbs: ReportData['icbs'];
}

/** The report's records in runs of at most `size` pages (the first run also has the single pages). */
export function batches(report: ReportData, size: number): Batch[] {
  const out: Batch[] = [];
  let current: Batch = { once: [true], hazards: [], assets: [], sites: [], pcns: [], suppliers: [], services: [], scenarios: [], regions: [], icbs: [] };
  let pages: number = SINGLE_PAGES.length;
  for (const key of Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]) {
    for (const record of pagedRecords(report, key) as never[]) {
      if (pages >= size) {
        out.push(current);
        current = { once: [], hazards: [], assets: [], sites: [], pcns: [], suppliers: [], services: [], scenarios: [], regions: [], icbs: [] };
        pages = 0;
      }
      (current[key] as never[]).push(record);
      pages++;
    }
  }
  out.push(current);
  return out;
}

/** At most one progress call per this many milliseconds (the first and last always go). */
const PROGRESS_INTERVAL_MS = 100;

/** The records of a section that get a page: every one, but a site-local asset is a section of its site's page (D1). */
function pagedRecords<K extends keyof typeof SECTIONS>(report: ReportData, key: K): ReportData[K] {
  if (key !== 'assets') return report[key];
  return report.assets.filter((a) => !isSiteLocal(a)) as ReportData[K];
}

/** The number of pages a report gives. */
export function pageCount(report: ReportData): number {
  let n = SINGLE_PAGES.length;
  for (const key of Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]) n += pagedRecords(report, key).length;
  return n;
}

function isPlainData(report: ReportData): boolean {
  const proto = Object.getPrototypeOf(report);
  if (proto !== Object.prototype && proto !== null) return false;
  const first = (list: unknown[]) => list[0] === undefined || Object.getPrototypeOf(list[0]) === Object.prototype;
  return Object.keys(SECTIONS).every((k) => Array.isArray(report[k as keyof typeof SECTIONS]) && first(report[k as keyof typeof SECTIONS] as unknown[]));
}

export async function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const outDir = resolve(options.outDir);
  // The report is plain JSON by contract; anything else (class instances, whose getters would
  // render empty) is copied to plain objects first.
  const report = isPlainData(options.report) ? options.report : plain(options.report);
  checkSlugs(report);

  const exportsIn = options.exports ?? {};
  for (const name of Object.keys(exportsIn)) {
    if (!exportNamePattern.test(name)) throw new Error(`Export file name ${JSON.stringify(name)} must be a plain file name ending in .json.`);
  }
  for (const name of Object.keys(options.files ?? {})) {
    if (!exportFileNamePattern.test(name)) throw new Error(`Export file name ${JSON.stringify(name)} must be a plain file name ending in .xlsx or .csv.`);
  }

  // Only files crr wrote are ever removed, and every file written is recorded, even by a build
  // that fails part-way (out-dir.ts).
  const prepared = prepareOutDir(outDir);
  try {
    await writeSite(outDir, report, exportsIn, options);
  } catch (e) {
    recordAfterFailure(prepared);
    throw e;
  }
  const written = recordOutDir(prepared);
  // The marker is a file crr wrote too.
  return { pages: written.filter((f) => f.endsWith('.html')).length, files: written.length + 1, outDir };
}

/** Records what a failed build wrote, if it can: the build's own error is the one to report. */
function recordAfterFailure(prepared: Prepared): void {
  try {
    recordOutDir(prepared);
  } catch {
    // The marker keeps the previous list; the next build still accepts the folder.
  }
}

/** The exports, the pages, the static files and the search index, into a prepared `outDir`. */
async function writeSite(outDir: string, report: ReportData, exportsIn: Record<string, unknown>, options: BuildSiteOptions): Promise<void> {
  // --- The JSON exports first: the export page lists their sizes.
  mkdirSync(join(outDir, 'export'), { recursive: true });
  const exportFiles: { name: string; bytes: number }[] = [];
  for (const [name, value] of Object.keys(exportsIn).sort().map((n) => [n, exportsIn[n]] as const)) {
    exportFiles.push({ name, bytes: writeJsonFile(join(outDir, 'export', name), value) });
  }
  // The spreadsheets after them, in the order given (the workbook first, then a CSV per sheet).
  for (const [name, bytes] of Object.entries(options.files ?? {})) {
    writeFileSync(join(outDir, 'export', name), bytes);
    exportFiles.push({ name, bytes: bytes.length });
  }

  // --- The what-if page's data: JSON is a JavaScript expression, so the script is the JSON assigned.
  if (options.whatIf) {
    mkdirSync(join(outDir, 'what-if'), { recursive: true });
    writeFileSync(join(outDir, 'what-if', WHAT_IF_DATA), whatIfDataScript(options.whatIf));
  }

  // --- Pages, through Eleventy.
  const total = pageCount(report);
  let done = 0;
  let last = -Infinity;
  const progress = (force: boolean) => {
    if (!options.onProgress) return;
    const now = performance.now();
    if (force || now - last >= PROGRESS_INTERVAL_MS) {
      last = now;
      options.onProgress(done, total);
    }
  };
  progress(true);

  // Loaded here, not at the top: importing them takes seconds, and `crr build` refuses a bad
  // output folder or a broken register before it gets this far.
  const { default: Eleventy } = await import('@11ty/eleventy');
  const { default: handlebarsPlugin } = await import('@11ty/eleventy-plugin-handlebars');
  const { default: Handlebars } = await import('handlebars');
  const hb = Handlebars.create();
  const helpers = createHelpers(report);
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  const extras = siteExtras(report, exportFiles);
  const search = options.search ?? true;
  let stopped = false;

  // Eleventy holds every page it renders until the run ends; a large register is rendered in
  // batches of records, one Eleventy run each, so memory stays bounded.
  for (const batch of batches(report, BATCH_PAGES)) {
    options.beforeRun?.();
    const elev = new Eleventy(TEMPLATES, outDir, {
      quietMode: true,
      configPath: false,
      config(eleventyConfig: any) {
        eleventyConfig.setUseGitIgnore(false);
        eleventyConfig.setQuietMode(true);
        eleventyConfig.setTemplateFormats(['hbs']);
        eleventyConfig.addPlugin(handlebarsPlugin, { eleventyLibraryOverride: hb });
        eleventyConfig.addGlobalData('report', report);
        eleventyConfig.addGlobalData('extras', extras);
        eleventyConfig.addGlobalData('batch', batch);
        eleventyConfig.addGlobalData('searchEnabled', search);
        eleventyConfig.addGlobalData('whatIfEnabled', options.whatIf !== undefined);
        eleventyConfig.addTransform('crr-progress', function (this: { page?: { outputPath?: unknown } }, content: string) {
          // A transform runs just before its page is written: once a write has failed, the pages
          // still being rendered are not written, and no more progress is reported.
          if (stopped) throw new Error('The build stopped after a write failed.');
          const path = this.page?.outputPath;
          if (typeof path === 'string' && path.endsWith('.html')) {
            done++;
            progress(done === total);
          }
          return content;
        });
      },
    });
    elev.disableLogger();
    try {
      await elev.write();
    } catch (e) {
      // Eleventy rejects at the first failed page while others are still in flight. Pages past
      // the transform are written synchronously in pending microtasks: one turn of the event
      // loop lets them land, so the files recorded for the next build include them.
      stopped = true;
      await new Promise((resolve) => setImmediate(resolve));
      throw e;
    }
  }
  if (done !== total) progress(true);

  // --- The long lists' full data, beside their pages (list-data.ts).
  writeListScripts(outDir, report);

  // --- Static files.
  writeStaticFiles(outDir, report.meta);

  // --- Search index.
  if (search) await writeSearchIndex(outDir, report);
}

/** Search records sent to Pagefind at once. */
const SEARCH_RECORDS_IN_FLIGHT = 256;

/** Pagefind over hazards, assets, sites and suppliers, from the report's own words (see search.ts). */
async function writeSearchIndex(outDir: string, report: ReportData): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true, forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Each record is a round trip to Pagefind's own process: sent in runs, not one at a time
    // (at 6,500 practices, 2.1 s instead of 1.3 s). Pagefind orders the index itself: the files
    // are the same whatever order the records arrive in.
    const records = searchRecords(report);
    for (let i = 0; i < records.length; i += SEARCH_RECORDS_IN_FLIGHT) {
      const run = records.slice(i, i + SEARCH_RECORDS_IN_FLIGHT);
      const results = await Promise.all(run.map((r) => index.addCustomRecord({ url: r.url, content: r.content, language: 'en', meta: { title: r.title, kind: r.kind } })));
      results.forEach((added, j) => {
        if (added.errors.length) throw new Error(`Pagefind could not index ${run[j]!.url}: ${added.errors.join('; ')}`);
      });
    }
    // The files are taken from Pagefind and written here, not by Pagefind: its writer panics on
    // a file-system error (a file in the way, a full disk) and never answers, where Node's
    // errors say what failed and where.
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length) throw new Error(`Pagefind could not make its index: ${fileErrors.join('; ')}`);
    const root = join(outDir, 'pagefind');
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      const segments = file.path.split(/[\\/]/);
      if (segments.some((seg) => seg === '' || seg === '.' || seg === '..')) throw new Error(`Pagefind gave a file path outside its folder: ${JSON.stringify(file.path)}`);
      const target = join(root, ...segments);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  } finally {
    await pagefind.close();
  }
}
