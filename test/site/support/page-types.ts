/**
 * One page of every type of the report site, for the browser tests that walk them all.
 *
 * To cover a new page type (regions, ICBs…), add one entry: its name and how to find the path
 * of one such page in the example's report. `path` returns undefined when the report has no
 * page of that type; the test then fails unless the entry says `optional` (a page type that only
 * some registers have).
 */
import type { ReportData } from '@crr/core';

export interface PageType {
  name: string;
  /** The page's path under the site root ('' is the overview); may end in `#anchor`. */
  path(report: ReportData): string | undefined;
  /** The example may have no page of this type (e.g. regions, which only national registers have). */
  optional?: boolean;
}

const first = <T extends { slug: string }>(list: readonly T[] | undefined): string | undefined => list?.[0]?.slug;

export const PAGE_TYPES: readonly PageType[] = [
  { name: 'overview', path: () => '' },
  { name: 'hazard log', path: () => 'hazards/' },
  {
    name: 'hazard',
    // The richest hazard: controls of several kinds and incidents, so every section is drawn.
    path: (r) => {
      const h = r.hazards.find((x) => x.existingControls.length + x.additionalControls.length > 0 && x.incidents.length > 0) ?? r.hazards[0];
      return h && `hazards/${h.slug}/`;
    },
  },
  { name: 'risk matrices', path: () => 'matrices/' },
  { name: 'fault grid', path: () => 'faults/' },
  { name: 'asset index', path: () => 'assets/' },
  {
    name: 'shared asset',
    path: (r) => {
      const a = r.assets.find((x) => !x.site && x.id === 'vpn-a') ?? r.assets.find((x) => !x.site);
      return a && `assets/${a.slug}/`;
    },
  },
  {
    // A site-local asset is a section of its site's page (issue 12, decision D1), not a page.
    name: 'site-local asset',
    path: (r) => {
      const a = r.assets.find((x) => x.site);
      return a?.site && `sites/${a.site.slug}/#asset-${a.slug}`;
    },
  },
  { name: 'site index', path: () => 'sites/' },
  {
    name: 'site',
    path: (r) => {
      const s = r.sites.find((x) => x.type === 'practice') ?? r.sites[0];
      return s && `sites/${s.slug}/`;
    },
  },
  { name: 'PCN index', path: () => 'pcns/' },
  { name: 'PCN', path: (r) => first(r.pcns) && `pcns/${first(r.pcns)}/` },
  // Places: the example is one ICB in one region, so both kinds have a page.
  { name: 'places', path: () => 'regions/' },
  { name: 'region', path: (r) => first(r.regions) && `regions/${first(r.regions)}/` },
  { name: 'ICB', path: (r) => first(r.icbs) && `icbs/${first(r.icbs)}/` },
  { name: 'supplier index', path: () => 'suppliers/' },
  { name: 'supplier', path: (r) => first(r.suppliers) && `suppliers/${first(r.suppliers)}/` },
  { name: 'service index', path: () => 'services/' },
  { name: 'service', path: (r) => first(r.services) && `services/${first(r.services)}/` },
  { name: 'incidents', path: () => 'incidents/' },
  { name: 'findings', path: () => 'findings/' },
  { name: 'capacity', path: () => 'capacity/' },
  { name: 'scenario index', path: () => 'scenarios/' },
  { name: 'scenario', path: (r) => first(r.scenarios) && `scenarios/${first(r.scenarios)}/` },
  { name: 'what if', path: () => 'what-if/' },
  { name: 'safety case', path: () => 'safety-case/' },
  { name: 'search', path: () => 'search/' },
  { name: 'exports', path: () => 'export/' },
];

/** `sites/x/#a` → `sites/x/index.html#a`: a page opened from disk has no directory index. */
export function onDisk(path: string): string {
  const [page, anchor] = path.split('#') as [string, string | undefined];
  const file = page === '' || page.endsWith('/') ? `${page}index.html` : page;
  return anchor === undefined ? file : `${file}#${anchor}`;
}
