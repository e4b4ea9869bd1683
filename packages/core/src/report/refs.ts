import type { Ref } from './report-data.js';

/**
 * A record's id as a URL path segment. Authored ids are `[A-Za-z0-9._-]`; site-local assets add
 * one `/`, which becomes `~` (a character no authored id can contain, so no two slugs collide).
 */
export function slugOf(id: string): string {
  return id.replace(/\//g, '~');
}

export function refOf(record: { id: string; name?: string; title?: string }): Ref {
  return { id: record.id, slug: slugOf(record.id), name: record.name ?? record.title ?? record.id };
}

/** A finding id (`common-cause:software train=Cisco Meraki MX 18`) as a path segment. */
export function findingSlug(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Sort refs by id, with code-point order, so output never depends on the locale. */
export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
