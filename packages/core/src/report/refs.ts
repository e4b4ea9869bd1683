import type { Ref } from './report-data.js';
import { slugOf } from './slug.js';

export { findingSlug, isSafeSlug, slugIndex, slugOf, SLUG_MAX_LENGTH } from './slug.js';

/**
 * A link to a record's page. `slugs` is the record's section's `slugIndex`: a slug may depend on
 * the other ids of the section, so it is looked up, never recomputed. An id the section does not
 * hold (a reference to a record with no page) gets its own slug; the site does not link it.
 */
export function refOf(record: { id: string; name?: string; title?: string }, slugs: ReadonlyMap<string, string>): Ref {
  return { id: record.id, slug: slugs.get(record.id) ?? slugOf(record.id), name: record.name ?? record.title ?? record.id };
}

/** Sort refs by id, with code-point order, so output never depends on the locale. */
export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
