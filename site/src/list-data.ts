/**
 * The long lists (findings, sites, shared assets) as compact data for the browser (D2).
 *
 * At national size these lists have thousands of rows: rendered whole they made pages of 19 MB
 * (findings) and 4.6 MB (sites). Their pages render the first `LIST_PAGE_ROWS` rows only; the
 * whole list is written beside the page as a classic script, `<folder>/data.js`, that calls
 * `crrList(name, { columns, rows })`, and static/js/tables.js filters, sorts and pages it. A
 * classic script, not JSON through fetch(): fetch fails over file://. Rows are arrays (no
 * repeated keys). A link cell is `[text, slug, note?]`; its column's `href` holds `*` for the
 * slug, relative to the list's page.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportData } from '@crr/core';
import { assetPath, assetPlaces } from './helpers.js';
import { FINDINGS_IN_FULL, LIST_PAGE_ROWS } from './list-page.js';

export { FINDINGS_IN_FULL, LIST_PAGE_ROWS };

export interface ListColumn {
  label: string;
  sort: 'text' | 'number';
  /** A select of the column's values filters the rows. */
  filter?: boolean;
  /** Link cells: the target, `*` standing for the slug, relative to the list's page. */
  href?: string;
  /** How a link cell's note shows: an id after the text, or a paragraph under it. */
  note?: 'id' | 'text';
  /**
   * A row whose target (`#finding-<slug>`) is not on the page (the detailed first page holds
   * only the first rows) carries that id itself, so links from other pages still land on it.
   */
  anchor?: string;
}

export type ListCell = string | number | [string, string] | [string, string, string];

export interface ListData {
  columns: ListColumn[];
  rows: ListCell[][];
}

/** The lists this site pages: name → the folder of its page and its data. */
export function listData(report: ReportData): Record<'findings' | 'sites' | 'assets', { folder: string; data: ListData }> {
  const places = assetPlaces(report);
  return {
    findings: {
      folder: 'findings',
      data: {
        columns: [
          { label: 'Rank', sort: 'number' },
          { label: 'Finding', sort: 'text', href: '#finding-*', note: 'text', anchor: 'finding-*' },
          { label: 'Kind', sort: 'text', filter: true },
          { label: 'Patients', sort: 'number' },
          { label: 'Sites', sort: 'number' },
          { label: 'Named by a hazard', sort: 'text', filter: true },
        ],
        rows: report.findings.map((f) => [f.rank, [plainText(f.title), f.slug, plainText(f.explanation)], f.kindLabel, f.reach.patients, f.reach.sites, coverageWords(f.coverage)]),
      },
    },
    sites: {
      folder: 'sites',
      data: {
        columns: [
          { label: 'Site', sort: 'text', href: '*/index.html' },
          { label: 'ODS code', sort: 'text' },
          { label: 'Type', sort: 'text', filter: true },
          { label: 'PCN', sort: 'text', filter: true, href: '../pcns/*/index.html' },
          { label: 'Patients', sort: 'number' },
          { label: 'Failure points', sort: 'number' },
          { label: 'Hazards', sort: 'number' },
        ],
        rows: report.sites.map((s) => [[s.name, s.slug], s.ods ?? '', s.type, s.pcn ? [s.pcn.name, s.pcn.slug] : '', s.patients, s.failurePointCount, s.hazardCount]),
      },
    },
    assets: {
      folder: 'assets',
      data: {
        columns: [
          { label: 'Asset', sort: 'text', href: '*/index.html', note: 'id' },
          { label: 'Type', sort: 'text', filter: true },
          { label: 'Sites using it', sort: 'number' },
          { label: 'Failure point for (sites)', sort: 'number' },
          { label: 'Patients cut off if it fails', sort: 'number' },
          { label: 'Hazards', sort: 'number' },
        ],
        // Shared assets only: a site-local asset is on its site's page.
        rows: report.assets
          .filter((a) => !a.site && assetPath(places, a.slug).startsWith('assets/'))
          .map((a) => [[a.name, a.slug, a.id], a.type, a.usedBy.sites, a.failurePointSiteCount, a.reach.patients, a.hazardCount]),
      },
    },
  };
}

/** The analysis writes ids in backticks (`code` spans); a table cell shows them as plain text. */
function plainText(text: string): string {
  return text.replace(/`/g, '');
}

function coverageWords(coverage: string | undefined): string {
  return coverage === 'gap' ? 'No' : coverage === 'partial' ? 'Partly' : coverage ? 'Yes' : '';
}

/**
 * `crrList("sites", {...});` as a classic script. JSON is valid JavaScript here: `<`, U+2028 and
 * U+2029 are escaped so the text can never end a script element or break an old parser.
 */
export function listScript(name: string, data: ListData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `crrList(${JSON.stringify(name)}, ${json});\n`;
}

/** Writes `<folder>/data.js` for each list longer than a page (a shorter list is whole in its page). */
export function writeListScripts(outDir: string, report: ReportData): string[] {
  const written: string[] = [];
  for (const [name, { folder, data }] of Object.entries(listData(report))) {
    if (data.rows.length <= (name === 'findings' ? FINDINGS_IN_FULL : LIST_PAGE_ROWS)) continue;
    mkdirSync(join(outDir, folder), { recursive: true });
    writeFileSync(join(outDir, folder, 'data.js'), listScript(name, data));
    written.push(`${folder}/data.js`);
  }
  return written;
}
