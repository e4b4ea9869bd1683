/**
 * buildSite: a register's report as a static site. Eleventy renders the Handlebars templates
 * (site/templates) from the report, passed as global data; then the static files, the JSON
 * exports and the Pagefind index are written beside the pages.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, parse, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import handlebarsPlugin from '@11ty/eleventy-plugin-handlebars';
import Handlebars from 'handlebars';
import type { ReportData } from '@crr/core';
import { createHelpers } from './helpers.js';
import { writeJsonFile } from './json-file.js';
import { searchRecords } from './search.js';
import { SECTIONS, SINGLE_PAGES, exportNamePattern } from './paths.js';
import { TEMPLATES, listFiles, writeStaticFiles } from './static-files.js';
import { checkSlugs, plain, siteExtras } from './view.js';

export interface BuildSiteOptions {
  report: ReportData;
  /** Extra JSON files to publish under export/ (file name → value), e.g. { 'register.json': …, 'analysis.json': … }. */
  exports?: Record<string, unknown>;
  outDir: string;
  /** Build the Pagefind search index (default true). */
  search?: boolean;
  /** Called as pages are written: done of total. Never print a line per page. */
  onProgress?: (done: number, total: number) => void;
}

export interface BuiltSite {
  pages: number;
  files: number;
  outDir: string;
}

/** Pages per Eleventy run (see `batches`). */
const BATCH_PAGES = 2500;

/** What one Eleventy run renders: `once` holds one item in the first batch only (the single pages paginate over it). */
export interface Batch {
  once: true[];
  hazards: ReportData['hazards'];
  assets: ReportData['assets'];
  sites: ReportData['sites'];
  pcns: ReportData['pcns'];
  suppliers: ReportData['suppliers'];
  services: ReportData['services'];
}

/** The report's records in runs of at most `size` pages (the first run also has the single pages). */
export function batches(report: ReportData, size: number): Batch[] {
  const out: Batch[] = [];
  let current: Batch = { once: [true], hazards: [], assets: [], sites: [], pcns: [], suppliers: [], services: [] };
  let pages: number = SINGLE_PAGES.length;
  for (const key of Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]) {
    for (const record of report[key] as never[]) {
      if (pages >= size) {
        out.push(current);
        current = { once: [], hazards: [], assets: [], sites: [], pcns: [], suppliers: [], services: [] };
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

/** The number of pages a report gives. */
export function pageCount(report: ReportData): number {
  let n = SINGLE_PAGES.length;
  for (const key of Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]) n += report[key].length;
  return n;
}

/**
 * Empties `outDir`, or creates it. A folder that already holds something must look like a site
 * this function built (an index.html and static/css/crr.css), so that a wrong path never wipes
 * unrelated files.
 */
function prepareOutDir(outDir: string): void {
  if (parse(outDir).root === outDir) throw new Error(`Refusing to build a site into the root folder ${outDir}.`);
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) throw new Error(`${outDir} exists and is not a folder.`);
    const entries = readdirSync(outDir);
    if (entries.length > 0) {
      const ours = existsSync(join(outDir, 'index.html')) && existsSync(join(outDir, 'static', 'css', 'crr.css'));
      if (!ours) throw new Error(`${outDir} is not empty and does not hold a site built by crr; choose an empty or new folder.`);
      for (const entry of entries) rmSync(join(outDir, entry), { recursive: true, force: true });
    }
  } else {
    mkdirSync(outDir, { recursive: true });
  }
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

  prepareOutDir(outDir);

  // --- The JSON exports first: the export page lists their sizes.
  mkdirSync(join(outDir, 'export'), { recursive: true });
  const exportFiles: { name: string; bytes: number }[] = [];
  for (const [name, value] of Object.keys(exportsIn).sort().map((n) => [n, exportsIn[n]] as const)) {
    exportFiles.push({ name, bytes: writeJsonFile(join(outDir, 'export', name), value) });
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

  const hb = Handlebars.create();
  const helpers = createHelpers(report);
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  const extras = siteExtras(report, exportFiles);
  const search = options.search ?? true;

  // Eleventy holds every page it renders until the run ends; a large register is rendered in
  // batches of records, one Eleventy run each, so memory stays bounded.
  for (const batch of batches(report, BATCH_PAGES)) {
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
        eleventyConfig.addTransform('crr-progress', function (this: { page?: { outputPath?: unknown } }, content: string) {
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
    await elev.write();
  }
  if (done !== total) progress(true);

  // --- Static files.
  writeStaticFiles(outDir);

  // --- Search index.
  if (search) await writeSearchIndex(outDir, report);

  const files = listFiles(outDir);
  return { pages: files.filter((f) => f.endsWith('.html')).length, files: files.length, outDir };
}

/** Pagefind over hazards, assets, sites and suppliers, from the report's own words (see search.ts). */
async function writeSearchIndex(outDir: string, report: ReportData): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true, forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const r of searchRecords(report)) {
      const added = await index.addCustomRecord({ url: r.url, content: r.content, language: 'en', meta: { title: r.title, kind: r.kind } });
      if (added.errors.length) throw new Error(`Pagefind could not index ${r.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}
