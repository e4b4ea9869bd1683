/**
 * The report as the templates read it: core's summary view and the files this build publishes.
 * The site computes nothing of the register (see core's `report/views/`).
 */
import { isSafeSlug, type ReportData, type Ref, type SummaryView } from '@crr/core';
import { SECTIONS } from './paths.js';

/** A deep copy made only of plain objects, arrays and primitives (class getters would render empty). */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * An invariant, not a check of the register: the core gives every record a safe slug, unique in
 * its section letter case aside (`slugIndex`), so this throws only on a bug or a report not made
 * by `buildReport`. It runs before anything is written, so a bad slug never reaches the disk.
 */
export function checkSlugs(report: ReportData): void {
  const unique = (label: string, records: readonly { id: string; slug: string }[]) => {
    const seen = new Map<string, string>();
    for (const record of records) {
      if (!isSafeSlug(record.slug)) throw new Error(`The ${label} of ${JSON.stringify(record.id)} would be ${JSON.stringify(record.slug)}, which is not a safe path segment.`);
      const folded = record.slug.toLowerCase();
      const other = seen.get(folded);
      if (other !== undefined) throw new Error(`The ${label}s of ${JSON.stringify(other)} and ${JSON.stringify(record.id)} would both be ${JSON.stringify(record.slug)} (letter case aside).`);
      seen.set(folded, record.id);
    }
  };
  for (const key of Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]) unique(`${key} page`, report[key] as Ref[]);
  unique('finding anchor', report.findings);
  unique('control anchor', report.controls);
  unique('incident anchor', report.incidents);
}

/** What the overview, safety-case and data pages read as `extras`. */
export interface SiteExtras extends SummaryView {
  exportFiles: { name: string; bytes: number }[];
}

export function siteExtras(report: ReportData, exportFiles: { name: string; bytes: number }[]): SiteExtras {
  return { ...report.summary, exportFiles };
}
