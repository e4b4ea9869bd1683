/**
 * Handlebars helpers for the report site. Every helper returns plain strings (escaped by `{{…}}`)
 * or plain data for the templates; none returns a SafeString, so register text is always escaped.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { amountOf, countOf, groupDigits, type Graph, type ReportData } from '@crr/core';
import { diagramView } from './diagram.js';
import { SECTIONS, slugPattern } from './paths.js';
import { FINDINGS_IN_FULL, LIST_PAGE_ROWS } from './list-page.js';

const pageSize = (kind: unknown): number => (kind === 'findings' ? FINDINGS_IN_FULL : LIST_PAGE_ROWS);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-11-04` → `4 November 2026` (NHS style); anything else unchanged. Never depends on the locale or time zone. */
export function formatDate(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** 450923 → `450,923`, without Intl (the same bytes on every machine). */
export function formatNumber(n: unknown): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return String(n ?? '');
  return groupDigits(n);
}

/** `{{plural n "site" "sites"}}` → "1 site", "1,234 sites": core's one pluralising helper (`countOf`). */
export function plural(n: number, one: string, many?: string): string {
  return countOf(n, one, many);
}

/** Each page's root prefix, by its data object. */
const roots = new WeakMap<object, string>();

/**
 * The root-relative prefix of the page being rendered (`../../` on a detail page). Read once per
 * page: the page's data is an Eleventy Proxy, and a large page links hundreds of times.
 */
function rootOf(options: HelperOptions | undefined): string {
  const data = (options?.data as { root?: { root?: unknown } } | undefined)?.root;
  if (!data) return '';
  let root = roots.get(data);
  if (root === undefined) {
    root = typeof data.root === 'string' ? data.root : '';
    roots.set(data, root);
  }
  return root;
}

/** Text with `code` spans (as the analysis writes ids) as segments, for `<code>` without HTML in the data. */
export function codeSpans(text: string): { text: string; code: boolean }[] {
  const out: { text: string; code: boolean }[] = [];
  const parts = text.split('`');
  // An unmatched backtick stays as text.
  if (parts.length % 2 === 0) return [{ text, code: false }];
  parts.forEach((p, i) => {
    if (p) out.push({ text: p, code: i % 2 === 1 });
  });
  return out;
}

/** Colour bucket (1–5) of a rating in its scheme: lowest rating green, highest red. */
export function riskBucket(rating: number, ratings: readonly number[]): number {
  if (!ratings.length) return 3;
  let min = Infinity;
  let max = -Infinity;
  for (const r of ratings) {
    min = Math.min(min, r);
    max = Math.max(max, r);
  }
  if (max === min) return 3;
  return 1 + Math.round(((rating - min) / (max - min)) * 4);
}

/** The header's navigation: section key, label, index page. */
export const NAV = [
  { key: 'overview', label: 'Overview', path: 'index.html' },
  { key: 'hazards', label: 'Hazard log', path: 'hazards/index.html' },
  { key: 'matrices', label: 'Risk matrices', path: 'matrices/index.html' },
  { key: 'findings', label: 'Findings', path: 'findings/index.html' },
  { key: 'capacity', label: 'Capacity', path: 'capacity/index.html' },
  { key: 'scenarios', label: 'Scenarios', path: 'scenarios/index.html' },
  { key: 'assets', label: 'Assets', path: 'assets/index.html' },
  { key: 'sites', label: 'Sites', path: 'sites/index.html' },
  { key: 'places', label: 'Places', path: 'regions/index.html' },
  { key: 'pcns', label: 'PCNs', path: 'pcns/index.html' },
  { key: 'suppliers', label: 'Suppliers', path: 'suppliers/index.html' },
  { key: 'services', label: 'Services', path: 'services/index.html' },
  { key: 'incidents', label: 'Incidents', path: 'incidents/index.html' },
  { key: 'safety-case', label: 'Safety case', path: 'safety-case/index.html' },
  { key: 'search', label: 'Search', path: 'search/index.html' },
  { key: 'export', label: 'Data', path: 'export/index.html' },
] as const;

/** What a page of the navigation needs to have anything to show; a page not named always has. */
const NAV_CONTENT: Partial<Record<(typeof NAV)[number]['key'], (report: ReportData) => boolean>> = {
  findings: (r) => r.findings.length > 0 || r.meta.describesInfrastructure,
  capacity: (r) => r.capacity.assets.length > 0,
  scenarios: (r) => r.scenarios.length > 0,
  assets: (r) => r.assets.length > 0,
  sites: (r) => r.sites.length > 0,
  places: (r) => r.regions.length + r.icbs.length > 0,
  pcns: (r) => r.pcns.length > 0,
  suppliers: (r) => r.suppliers.length > 0,
  services: (r) => r.services.length > 0,
  incidents: (r) => r.incidents.length > 0,
};

/** Whether a page of the navigation has anything to show for this report. */
export function navHasContent(report: ReportData, key: (typeof NAV)[number]['key']): boolean {
  return NAV_CONTENT[key]?.(report) ?? true;
}

/** Tag colour of a capacity status (`CapacityStatus`), worst red. */
const CAPACITY_COLOURS: Record<string, string> = {
  over: 'red',
  'n-1-shortfall': 'orange',
  unknown: 'grey',
  warning: 'yellow',
  ok: 'green',
};

/** A capacity meter's fill: over the limit, at or above the warning threshold, or below it. */
export function meterState(load: number, limit: number, warningAt: number): 'over' | 'warning' | 'ok' {
  return load > limit ? 'over' : load >= limit * warningAt ? 'warning' : 'ok';
}

const STATUS_COLOURS: Record<string, string> = {
  open: 'blue',
  transferred: 'purple',
  closed: 'grey',
  proposed: 'grey',
  implemented: 'blue',
  verified: 'green',
};

const EXPORT_DESCRIPTIONS: Record<string, string> = {
  'register.json': 'The register as authored: every record, with site-local assets expanded.',
  'analysis.json': 'The full analysis: failure points, common causes, reach of every finding, with every site listed.',
  'hazard-log.xlsx': 'The hazard log as a spreadsheet in the NHS hazard-log template\'s columns, ratings coloured by acceptability, with sheets of controls, incidents, acceptances, assets, sites and findings.',
  'hazard-log-hazards.csv': 'The Hazards sheet as CSV (UTF-8, for other tools): one row per hazard.',
  'hazard-log-controls.csv': 'The Controls sheet as CSV: every control, with the hazards that use it.',
  'hazard-log-incidents.csv': 'The Incidents sheet as CSV.',
  'hazard-log-acceptances.csv': 'The Acceptances sheet as CSV: who accepted which residual risk, when.',
  'hazard-log-assets.csv': 'The Assets sheet as CSV: every asset, including each site\'s own.',
  'hazard-log-sites.csv': 'The Sites sheet as CSV, with ODS codes, PCN, ICB and list sizes.',
  'hazard-log-findings.csv': 'The Findings sheet as CSV: the analysis\' findings, in ranking order.',
};

/** 2583393 → `2.5 MB`; exact below 1 kB. */
export function fileSize(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Where each asset is shown (D1): a shared asset has its own page; a site-local asset (one with
 * `site`) is a section of its site's page, anchor `asset-<slug>`. This map and `assetPath` are
 * the one place that knows it: templates use `href`/`hasPage`, diagrams and search ask here.
 */
export function assetPlaces(report: Pick<ReportData, 'assets'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of report.assets) if (a.site) out.set(a.slug, a.site.slug);
  return out;
}

/** The path from the site root of an asset's page, or of its section on its site's page. */
export function assetPath(places: Map<string, string>, slug: string): string {
  const site = places.get(slug);
  return site === undefined ? `assets/${slug}/index.html` : `sites/${site}/index.html#asset-${slug}`;
}

/** Whether an asset is shown on its site's page rather than on a page of its own. */
export const isSiteLocal = (asset: { site?: unknown }): boolean => Boolean(asset.site);

function localAssetsBySite(report: Pick<ReportData, 'assets'>): Map<string, ReportData['assets']> {
  const out = new Map<string, ReportData['assets']>();
  for (const a of report.assets) {
    if (!a.site) continue;
    const list = out.get(a.site.slug);
    if (list) list.push(a);
    else out.set(a.site.slug, [a]);
  }
  return out;
}

/** The helpers, bound to one report. */
export function createHelpers(report: ReportData): Record<string, HelperDelegate> {
  const ratings = report.meta.scheme.ratings.map((r) => r.rating);
  const pages = new Map<string, Set<string>>(
    (Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]).map((k) => [k, new Set((report[k] as { slug: string }[]).map((r) => r.slug))]),
  );
  const places = assetPlaces(report);
  const localBySite = localAssetsBySite(report);

  /** Strips Handlebars' trailing options argument. */
  const args = (a: unknown[]): unknown[] => a.slice(0, -1);

  return {
    // Only the pages with something to show: a manufacturer's log of its software has no assets,
    // sites or suppliers, and seven empty links would say the report is missing them.
    navItems: (current: unknown, here: unknown) =>
      NAV.filter((n) => navHasContent(report, n.key)).map((n) => ({ ...n, current: n.key === current, here: n.key === current && here === true })),
    /** `{{term "severity"}}` → the scheme's word for it ("consequence"), lower case; `{{Term …}}` capitalised. */
    term: (name: unknown) => report.meta.terms[name as 'severity' | 'likelihood'] ?? String(name),
    Term: (name: unknown) => {
      const t = report.meta.terms[name as 'severity' | 'likelihood'] ?? String(name);
      return t.charAt(0).toUpperCase() + t.slice(1);
    },
    eq: (a: unknown, b: unknown) => a === b,
    ne: (a: unknown, b: unknown) => a !== b,
    gt: (a: unknown, b: unknown) => (a as number) > (b as number),
    not: (a: unknown) => !a,
    and: (...a: unknown[]) => args(a).every(Boolean),
    or: (...a: unknown[]) => args(a).find(Boolean) ?? false,
    concat: (...a: unknown[]) => args(a).map((x) => (x === undefined || x === null ? '' : String(x))).join(''),
    len: (a: unknown) => (Array.isArray(a) ? a.length : 0),
    first: (a: unknown, n: unknown) => (Array.isArray(a) ? a.slice(0, Number(n)) : []),
    num: (n: unknown) => formatNumber(n),
    fmtDate: (iso: unknown) => formatDate(iso),
    percent: (x: unknown) => (typeof x === 'number' ? `${formatNumber(Math.round(x * 100))}%` : ''),
    plural: (n: unknown, one: unknown, many: unknown) => plural(Number(n), String(one), typeof many === 'string' ? many : undefined),
    /** `{{amount load unit}}` → "1 tunnel", "48 tunnels": an amount in a capacity unit (core `amountOf`). */
    amount: (n: unknown, unit: unknown) => (typeof n === 'number' ? amountOf(n, String(unit ?? '')) : ''),
    /** `{{href "hazards" slug}}` → `../../hazards/HAZ-1/index.html` from a detail page. */
    href: (...a: unknown[]) => {
      const options = a[a.length - 1] as HelperOptions;
      const parts = args(a).map(String);
      for (const p of parts.slice(1)) if (!slugPattern.test(p)) throw new Error(`Not a safe path segment: ${JSON.stringify(p)}`);
      if (parts.length === 2 && parts[0] === 'assets') return `${rootOf(options)}${assetPath(places, parts[1]!)}`;
      return `${rootOf(options)}${parts.length ? parts.join('/') + '/' : ''}index.html`;
    },
    /** The rows of a long list its page renders (list-data.ts has them all); `{{pageRows list "findings"}}` for the findings in full. */
    pageRows: (...a: unknown[]) => {
      const [list, kind] = args(a);
      return Array.isArray(list) ? list.slice(0, pageSize(kind)) : [];
    },
    /** Whether a list is longer than its page (its page then loads `data.js`). */
    paged: (...a: unknown[]) => {
      const [list, kind] = args(a);
      return Array.isArray(list) && list.length > pageSize(kind);
    },
    pageSize: (...a: unknown[]) => pageSize(args(a)[0]),
    /** How many of a list are left after the first `n`, plus any already left out (for "and 38 more"). */
    beyond: (...a: unknown[]) => {
      const [list, n, already] = args(a);
      return (Array.isArray(list) ? Math.max(0, list.length - Number(n)) : 0) + (typeof already === 'number' ? already : 0);
    },
    /** A site's own assets (D1: sections of its page, not pages), in the report's order. */
    localAssets: (siteSlug: unknown) => localBySite.get(String(siteSlug)) ?? [],
    /** A path from the site root (already built from safe segments) made relative to this page. */
    rel: (path: unknown, options: HelperOptions) => `${rootOf(options)}${String(path ?? '')}`,
    riskClass: (rating: unknown) => (typeof rating === 'number' ? `crr-risk-${riskBucket(rating, ratings)}` : 'crr-risk-none'),
    statusColour: (status: unknown) => STATUS_COLOURS[String(status)] ?? 'white',
    capacityColour: (status: unknown) => CAPACITY_COLOURS[String(status)] ?? 'white',
    meterState: (load: unknown, limit: unknown, warningAt: unknown) => meterState(Number(load), Number(limit), Number(warningAt)),
    capitalise: (s: unknown) => {
      const t = String(s ?? '');
      return t.charAt(0).toUpperCase() + t.slice(1);
    },
    isNumber: (x: unknown) => typeof x === 'number' && Number.isFinite(x),
    /** Whether the site has a page for this record (a reference may name a record without one). */
    hasPage: (section: unknown, slug: unknown) => pages.get(String(section))?.has(String(slug)) ?? false,
    reverse: (a: unknown) => (Array.isArray(a) ? [...a].reverse() : []),
    fileSize: (n: unknown) => fileSize(Number(n)),
    exportDescription: (name: unknown) => EXPORT_DESCRIPTIONS[String(name)] ?? 'Published with the register.',
    codeSpans: (text: unknown) => codeSpans(String(text ?? '')),
    /** Width class (0–100 in steps of 5) of a bar showing `n` of `total`; a bar never overflows (48 of 30 is full). */
    bar: (n: unknown, total: unknown) => {
      const t = Number(total);
      if (!(t > 0)) return 0;
      return Math.min(100, Math.max(0, Math.round((Number(n) / t) * 20) * 5));
    },
    diagram: (graph: unknown) => diagramView(graph as Graph, (graph as Graph).direction ? { direction: (graph as Graph).direction! } : {}, (node) => (node.section === 'assets' && node.slug ? assetPath(places, node.slug) : undefined)),
  };
}
