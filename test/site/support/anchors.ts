/**
 * Reading a report page's anchors in Chromium, and what is wrong with them: ids that repeat or
 * were not derived from a record, id references and `#fragment` links with no target on their
 * page, and links to another page of the site whose fragment is not an id there. Used by
 * `anchors.browser.test.ts`; the checks are plain functions of a scan, so a planted page proves
 * each can fail.
 */
import { settle, waitInPage, type OpenedPage } from './browser.js';

/** What a page holds, read from its DOM once its scripts have run. */
export interface PageScan {
  status: number;
  /** Every id in the document, SVGs included, in document order (repeats kept). */
  ids: string[];
  /** Every link (`a`/`area`, HTML or SVG): its `href` as written and resolved. */
  links: { raw: string; url: string }[];
  /** Every id reference: `label[for]`, ARIA id lists, `headers`, SVG `url(#…)` and `use` hrefs. */
  refs: { from: string; id: string }[];
}

/**
 * Collected inside the page (a string: the repo's type-check has no DOM lib). Links are resolved
 * against the document, so `../../findings/index.html#finding-x` becomes an absolute URL.
 */
export const SCAN = `(() => {
  const XLINK = 'http://www.w3.org/1999/xlink';
  const hrefOf = (el) => el.getAttribute('href') ?? el.getAttributeNS(XLINK, 'href');
  const where = (el) => {
    const cls = (el.getAttribute('class') || '').trim().split(/\\s+/)[0];
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (cls ? '.' + cls : '');
  };
  const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
  const links = [];
  for (const el of document.querySelectorAll('a, area')) {
    const raw = hrefOf(el);
    if (raw === null) continue;
    links.push({ raw, url: new URL(raw, document.baseURI).href });
  }
  const refs = [];
  const ID_LISTS = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-flowto', 'aria-details', 'aria-errormessage', 'aria-activedescendant', 'headers'];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of ID_LISTS) {
      const value = el.getAttribute(attr);
      if (value) for (const id of value.trim().split(/\\s+/)) refs.push({ from: where(el) + '[' + attr + ']', id });
    }
    if ((el.tagName === 'LABEL' || el.tagName === 'OUTPUT') && el.getAttribute('for')) refs.push({ from: where(el) + '[for]', id: el.getAttribute('for') });
    if (el instanceof SVGElement) {
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) || '';
        for (const m of value.matchAll(/url\\(\\s*['"]?#([^'")\\s]+)['"]?\\s*\\)/g)) refs.push({ from: where(el) + '[' + attr + ']', id: m[1] });
      }
      if (el.tagName.toLowerCase() === 'use') {
        const href = hrefOf(el);
        if (href && href.startsWith('#')) refs.push({ from: where(el) + '[href]', id: href.slice(1) });
      }
    }
  }
  return { ids, links, refs };
})()`;

/**
 * Done when every diagram has its SVG, or its "could not be drawn" note, and mermaid's scratch
 * elements (`dmermaid-…`, `imermaid-…`: removed once a drawing is done) are gone. (mermaid marks
 * a block `data-processed` before it draws it, so that alone would scan a half-drawn page.)
 */
export const DIAGRAMS_DONE = `[...document.querySelectorAll('pre.mermaid')].every((p) => p.querySelector(':scope > svg') || p.closest('.crr-diagram__canvas')?.nextElementSibling?.classList.contains('crr-note'))
  && !document.querySelector('[id^="dmermaid"], [id^="imermaid"]')`;

/**
 * Loads `url` in the fixture's one watched page, waits for its diagrams (15 s at most) and scans
 * it. One page for every navigation: a fresh context per page costs more than the page itself.
 */
export async function scanPage(opened: OpenedPage, url: string): Promise<PageScan> {
  const { page } = opened;
  const response = await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
  await settle(page);
  if (!(await waitInPage(page, DIAGRAMS_DONE, 15_000))) throw new Error(`${url}: the diagrams were still drawing after 15 s, so its ids cannot be read yet.`);
  await settle(page);
  const scan = (await page.evaluate(SCAN)) as Omit<PageScan, 'status'>;
  return { status: response?.status() ?? 0, ...scan };
}

/**
 * The ids a page is written with, read from its HTML as served (no browser, no scripts): what a
 * link from another page can land on. Scripts add ids only inside mermaid's drawings, which no
 * link targets; a target that needed a script for its id would fail here, never pass wrongly.
 */
export async function scanTarget(url: string): Promise<PageScan> {
  const response = await fetch(url);
  const html = response.ok ? await response.text() : '';
  const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
  return { status: response.status, ids, links: [], refs: [] };
}

/** The few character references the templates' escaping writes into an attribute. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|#39);/gi, (whole, ref: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
    if (named[ref.toLowerCase()]) return named[ref.toLowerCase()]!;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });
}

/** A page's address without its fragment, `…/index.html` folded into its folder. */
export function pageKey(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.search = '';
  u.pathname = u.pathname.replace(/\/index\.html$/, '/');
  return u.href;
}

/** The id a fragment names: as written, or percent-decoded (HTML tries both, in that order). */
function fragmentIds(hash: string): string[] {
  const raw = hash.replace(/^#/, '');
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed escape can only match as written.
  }
  return decoded === raw ? [raw] : [raw, decoded];
}

/** `object-object` (`[object Object]` slugified), `undefined`, or a record prefix with nothing after it. */
const NOT_FROM_A_RECORD = /object-object|\[object |\bundefined\b|^(?:finding|incident|control)-$/i;

/** `#` and `#top` scroll to the top of any page (HTML's "indicated part of the document"). */
function isTopOfPage(ids: string[]): boolean {
  return ids.some((id) => id === '' || id.toLowerCase() === 'top');
}

/** What is wrong with a page's anchors, one line each; `scanOf` gives (and caches) other pages. */
export async function anchorProblems(
  path: string,
  scan: PageScan,
  siteRoot: string,
  scanOf: (url: string) => Promise<PageScan>,
): Promise<string[]> {
  const problems: string[] = [];
  const here = `/${path}`;
  if (scan.status !== 200) problems.push(`${here}: HTTP ${scan.status}`);

  const seen = new Map<string, number>();
  for (const id of scan.ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const [id, count] of seen) {
    if (count > 1) problems.push(`${here}: id ${JSON.stringify(id)} appears ${count} times`);
    if (id.trim() === '' || /\s/.test(id)) problems.push(`${here}: id ${JSON.stringify(id)} is empty or holds a space`);
    // What a template writes when it reaches for a record's field and misses (issue 9's defect).
    if (NOT_FROM_A_RECORD.test(id)) problems.push(`${here}: id ${JSON.stringify(id)} is not derived from its record`);
  }
  const ids = new Set(scan.ids);

  for (const ref of scan.refs) {
    if (!ids.has(ref.id)) problems.push(`${here}: ${ref.from} refers to missing id ${JSON.stringify(ref.id)}`);
  }

  const self = pageKey(`${siteRoot}${path}`);
  for (const link of scan.links) {
    const url = new URL(link.url);
    if (!link.raw.includes('#')) continue;
    const wanted = fragmentIds(url.hash);
    if (isTopOfPage(wanted)) continue;
    const target = pageKey(link.url);
    if (target === self) {
      if (!wanted.some((id) => ids.has(id))) problems.push(`${here}: link ${JSON.stringify(link.raw)} has no target on its page`);
      continue;
    }
    // Only the site's own pages: anything else is another test's business (none exists offline).
    if (!target.startsWith(siteRoot)) continue;
    const other = await scanOf(target);
    if (other.status !== 200) problems.push(`${here}: link ${JSON.stringify(link.raw)} goes to a page that answers HTTP ${other.status}`);
    else if (!wanted.some((id) => other.ids.includes(id))) problems.push(`${here}: link ${JSON.stringify(link.raw)} finds no such id on ${target.slice(siteRoot.length - 1)}`);
  }
  return problems;
}
