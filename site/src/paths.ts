/**
 * Where pages go. Every path segment taken from the report must match `slugPattern`, so no record
 * can write outside its folder or break a relative link. The core's slugs (`slugIndex`) are
 * stricter still (`isSafeSlug`: bounded, no reserved names, unique letter case aside), and
 * `checkSlugs` holds the report to that before a page is written.
 */
export const slugPattern = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

/** The paginated sections: report key → folder. */
export const SECTIONS = {
  hazards: 'hazards',
  assets: 'assets',
  sites: 'sites',
  pcns: 'pcns',
  suppliers: 'suppliers',
  services: 'services',
  scenarios: 'scenarios',
  regions: 'regions',
  icbs: 'icbs',
} as const;
export type Section = keyof typeof SECTIONS;

/** Pages that are not paginated, one each. */
export const SINGLE_PAGES = [
  'index.html',
  'hazards/index.html',
  'matrices/index.html',
  'assets/index.html',
  'sites/index.html',
  'pcns/index.html',
  'regions/index.html',
  'suppliers/index.html',
  'services/index.html',
  'incidents/index.html',
  'findings/index.html',
  'faults/index.html',
  'capacity/index.html',
  'scenarios/index.html',
  'what-if/index.html',
  'safety-case/index.html',
  'search/index.html',
  'export/index.html',
] as const;

/** A file name for the export folder: one plain segment ending in `.json`. */
export const exportNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/;

/** A file name for the export folder's ready-made files (the spreadsheets): one plain segment. */
export const exportFileNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(xlsx|csv)$/;
