import type { ReportData } from '@crr/core';

/** One entry of the search index: a page, its title, its kind, and the words it is found by. */
export interface SearchRecord {
  url: string;
  title: string;
  kind: 'hazard' | 'asset' | 'site' | 'supplier';
  content: string;
}

const words = (parts: readonly (string | number | undefined | null)[]) => parts.filter((p) => p !== undefined && p !== null && p !== '').join('. ');

/**
 * What search finds: hazards, shared assets, sites and suppliers, by the words that name and describe
 * them. Built from the report data rather than by re-reading the pages: the same words, without
 * parsing hundreds of megabytes of HTML (at 1,600 practices that took longer than building the
 * pages). URLs are from the site root; the search page makes them relative.
 */
export function searchRecords(report: ReportData): SearchRecord[] {
  const out: SearchRecord[] = [];
  for (const h of report.hazards)
    out.push({
      url: `/hazards/${h.slug}/index.html`,
      title: `${h.id}: ${h.title}`,
      kind: 'hazard',
      // One array, not spread arguments: a spread of a very long list overflows the stack.
      content: words([h.id, h.title, h.description, ...h.causes.map((c) => c.description), ...h.effects, ...h.harms, ...h.services.map((s) => s.name), `Status ${h.status}`, `Owner ${h.owner}`]),
    });
  // Shared assets only: a site-local asset is a section of its site's page (D1), found through
  // the site; at national size indexing each practice's firewall, link and line tripled the index.
  for (const a of report.assets) {
    if (a.site) continue;
    out.push({
      url: `/assets/${a.slug}/index.html`,
      title: `${a.name} (${a.id})`,
      kind: 'asset',
      content: words([a.id, a.name, ...a.attributes.map((x) => `${x.label} ${x.value}`)]),
    });
  }
  for (const s of report.sites)
    out.push({
      url: `/sites/${s.slug}/index.html`,
      title: `${s.name} (${s.id})`,
      kind: 'site',
      // Found by name, ODS code and PCN: small records keep the index small at national size.
      content: words([s.name, s.ods ?? s.id, s.pcn?.name]),
    });
  for (const o of report.suppliers)
    out.push({
      url: `/suppliers/${o.slug}/index.html`,
      title: o.name,
      kind: 'supplier',
      content: words([o.id, o.name, o.type, o.safetyCase, ...o.assets.slice(0, 20).map((a) => a.asset.name)]),
    });
  return out;
}
