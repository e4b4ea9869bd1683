/**
 * Handlebars helpers for the report site. Every helper returns plain strings (escaped by `{{…}}`)
 * or plain data for the templates; none returns a SafeString, so register text is always escaped.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';
import type { Graph, ReportData } from '@crr/core';
import { diagramView } from './diagram.js';
import { slugPattern } from './paths.js';

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
  const sign = n < 0 ? '-' : '';
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac ? `.${frac}` : '');
}

export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** The root-relative prefix of the page being rendered (`../../` on a detail page). */
function rootOf(options: HelperOptions | undefined): string {
  const root = (options?.data as { root?: { root?: unknown } } | undefined)?.root?.root;
  return typeof root === 'string' ? root : '';
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
  { key: 'pcns', label: 'PCNs', path: 'pcns/index.html' },
  { key: 'suppliers', label: 'Suppliers', path: 'suppliers/index.html' },
  { key: 'services', label: 'Services', path: 'services/index.html' },
  { key: 'incidents', label: 'Incidents', path: 'incidents/index.html' },
  { key: 'safety-case', label: 'Safety case', path: 'safety-case/index.html' },
  { key: 'search', label: 'Search', path: 'search/index.html' },
  { key: 'export', label: 'Data', path: 'export/index.html' },
] as const;

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
};

/** 2583393 → `2.5 MB`; exact below 1 kB. */
export function fileSize(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The helpers, bound to one report. */
export function createHelpers(report: ReportData): Record<string, HelperDelegate> {
  const ratings = report.meta.scheme.ratings.map((r) => r.rating);
  const pages = new Map<string, Set<string>>(
    (['hazards', 'assets', 'sites', 'pcns', 'suppliers', 'services', 'scenarios'] as const).map((k) => [k, new Set((report[k] as { slug: string }[]).map((r) => r.slug))]),
  );

  /** Strips Handlebars' trailing options argument. */
  const args = (a: unknown[]): unknown[] => a.slice(0, -1);

  return {
    navItems: (current: unknown, here: unknown) => NAV.map((n) => ({ ...n, current: n.key === current, here: n.key === current && here === true })),
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
    plural: (n: unknown, one: unknown, many: unknown) => plural(Number(n), String(one), String(many)),
    /** `{{href "hazards" slug}}` → `../../hazards/HAZ-1/index.html` from a detail page. */
    href: (...a: unknown[]) => {
      const options = a[a.length - 1] as HelperOptions;
      const parts = args(a).map(String);
      for (const p of parts.slice(1)) if (!slugPattern.test(p)) throw new Error(`Not a safe path segment: ${JSON.stringify(p)}`);
      return `${rootOf(options)}${parts.length ? parts.join('/') + '/' : ''}index.html`;
    },
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
    diagram: (graph: unknown) => diagramView(graph as Graph),
  };
}
