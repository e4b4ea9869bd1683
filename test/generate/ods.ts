/**
 * Reading the national NHS organisation data the national generator is built from:
 * `../shared/data/ods-england` (found from the repository root, never an absolute path).
 *
 * Contains public sector information licensed under the Open Government Licence v3.0 (source:
 * NHS England / NHS Digital Organisation Data Service and GP registration publications). Any copy
 * of these files, or register generated from them, must keep this attribution.
 *
 * A thin adapter over the importer's reader (`readOds` of @crr/core, packages/core/src/ods/):
 * real data is never clean; what the reader does with each kind of untidiness is counted in
 * `OdsEngland.notes`, so the generator can say so:
 * - the PCN map (January 2022) is older than the practice list (April 2025): a practice with no
 *   PCN in it (or filed as `U`, "Unallocated"), or whose PCN now sits in another ICB, is counted
 *   and left without a PCN here;
 * - a practice with no list size (walk-in and extended-access services mostly) gets none here.
 */
import { readFileSync } from 'node:fs';
import { ODS_ATTRIBUTION, parseCsv, readOds } from '@crr/core';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/data/ods-england`, relative to the repository root. */
export const ODS_ENGLAND = fileURLToPath(new URL('../../../shared/data/ods-england/', import.meta.url));

/** The attribution every copy of the data, and every register written from it, keeps. */
export { ODS_ATTRIBUTION };
/** The one CSV reader, the core's: re-exported for the tests that used it from here. */
export { parseCsv };

export interface OdsPractice {
  code: string;
  name: string;
  postcode: string;
  town: string;
  region: string;
  icb: string;
  subIcb: string;
  /** PCN code in the 2022 map, when the practice is in it and its PCN sits in the same ICB. */
  pcn?: string;
  /** Why there is no `pcn`: not in the map (or `Unallocated`), or its PCN is now mostly in another ICB. */
  noPcn?: 'unmapped' | 'moved';
  /** Registered patients, January 2021, when published. */
  listSize?: number;
}

export interface OdsEngland {
  /** Active GP practices in England (status A, prescribing setting 4, region not W00), by code. */
  practices: OdsPractice[];
  pcnNames: Map<string, string>;
  icbNames: Map<string, string>;
  regionNames: Map<string, string>;
  subIcbNames: Map<string, string>;
  notes: { noPcn: number; movedIcb: number; noListSize: number };
}

/**
 * The national data, read by the importer's own reader (`readOds` of @crr/core, as
 * `crr import ods --all` reads it), so the generator and the importer cannot read the files
 * differently. A file the reader refuses is a broken checkout: thrown, with its diagnostics.
 */
export function readOdsEngland(dir: string = ODS_ENGLAND): OdsEngland {
  const file = (name: string) => ({ file: name, text: readFileSync(join(dir, name), 'utf8') });
  const read = readOds(
    { practices: file('epraccur-2025-04.csv'), pcns: file('gp-practice-pcn-map-2022-01.csv'), listSizes: file('gp-list-size-2021-01.csv') },
    { icbs: 'all', profile: 'standard-practice' },
  );
  if (!read.result) throw new Error(`cannot read ${dir}:\n${read.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join('\n')}`);
  const { practices, names } = read.result;
  const notes = { noPcn: 0, movedIcb: 0, noListSize: 0 };
  return {
    practices: practices.map((p) => {
      if (p.noPcn === 'pcn-in-other-icb') notes.movedIcb++;
      else if (p.noPcn) notes.noPcn++;
      if (p.listSize === undefined) notes.noListSize++;
      return {
        code: p.code,
        name: p.name,
        postcode: p.postcode,
        town: p.town,
        region: p.region,
        icb: p.icb,
        subIcb: p.subIcb,
        pcn: p.pcn,
        noPcn: p.noPcn === undefined ? undefined : p.noPcn === 'pcn-in-other-icb' ? 'moved' : 'unmapped',
        listSize: p.listSize,
      };
    }),
    pcnNames: names.pcn,
    icbNames: names.icb,
    regionNames: names.region,
    subIcbNames: names.subIcb,
    notes,
  };
}
