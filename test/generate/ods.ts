/**
 * Reading the national NHS organisation data the national generator is built from:
 * `../shared/data/ods-england` (found from the repository root, never an absolute path).
 *
 * Contains public sector information licensed under the Open Government Licence v3.0 (source:
 * NHS England / NHS Digital Organisation Data Service and GP registration publications). Any copy
 * of these files, or register generated from them, must keep this attribution.
 *
 * Real data is never clean; what this reader does with each kind of untidiness is counted in
 * `OdsEngland.notes`, so the importer can say so:
 * - the PCN map (January 2022) is older than the practice list (April 2025): a practice with no
 *   PCN in it (or filed as `U`, "Unallocated"), or whose PCN now sits in another ICB, is counted
 *   and left without a PCN here;
 * - a practice with no list size (walk-in and extended-access services mostly) gets none here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/data/ods-england`, relative to the repository root. */
export const ODS_ENGLAND = fileURLToPath(new URL('../../../shared/data/ods-england/', import.meta.url));

export const ODS_ATTRIBUTION =
  'Contains public sector information licensed under the Open Government Licence v3.0 (source: NHS England / NHS Digital ' +
  'Organisation Data Service and GP registration publications).';

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

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. Slices, not
 * character-by-character concatenation: the national files are 16,000 rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let value: string;
    if (text[i] === '"') {
      let j = i + 1;
      value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          value += text.slice(j);
          i = n;
          break;
        }
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      value = text.slice(i, j);
      i = j;
    }
    row.push(value);
    if (text[i] === '\r') i++;
    if (i >= n || text[i] === '\n') {
      rows.push(row);
      row = [];
      i++;
    } else if (++i >= n) row.push(''); // the comma; a comma last ends with an empty field
  }
  if (row.length) rows.push(row);
  return rows;
}

/** A CSV with a header row, as records keyed by column name. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/** The most frequent value (ties: the first in sort order), so names are stable. */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

export function readOdsEngland(dir: string = ODS_ENGLAND): OdsEngland {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  // epraccur columns (1-based, see ../ods-kent-medway/README.md): 1 code, 2 name, 3 region,
  // 4 ICB, 7 town, 10 postcode, 13 status, 15 sub-ICB location, 26 prescribing setting.
  const active = parseCsv(read('epraccur-2025-04.csv')).filter((r) => r[12] === 'A' && r[25] === '4' && r[2] !== 'W00');
  const map = records(read('gp-practice-pcn-map-2022-01.csv'));
  const lists = records(read('gp-list-size-2021-01.csv')).filter((r) => r.SEX === 'ALL' && r.AGE === 'ALL');

  // The map files practices in no PCN under the code `U`, "Unallocated": not a PCN.
  const byPractice = new Map(map.filter((r) => /^U\d{5}$/.test(r.PCN_CODE!)).map((r) => [r.PRACTICE_CODE!, r]));
  const listSizes = new Map(lists.map((r) => [r.CODE!, Number(r.NUMBER_OF_PATIENTS)]));
  const pcnNames = new Map(map.map((r) => [r.PCN_CODE!, r.PCN_NAME!]));
  const nameBy = (code: keyof (typeof map)[number], name: string) => {
    const names = new Map<string, string[]>();
    for (const r of map) {
      const list = names.get(r[code]!) ?? [];
      list.push(r[name]!);
      names.set(r[code]!, list);
    }
    return new Map([...names].map(([k, v]) => [k, mostCommon(v)!]));
  };

  const practices: OdsPractice[] = active.map((r) => ({
    code: r[0]!,
    name: r[1]!,
    region: r[2]!,
    icb: r[3]!,
    town: r[6]!,
    postcode: r[9]!,
    subIcb: r[14]!,
    listSize: listSizes.get(r[0]!),
  }));
  // A PCN belongs to the ICB most of its current practices are in; a practice elsewhere moved.
  const pcnIcb = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const p of practices) {
    const pcn = byPractice.get(p.code)?.PCN_CODE;
    if (pcn) members.set(pcn, [...(members.get(pcn) ?? []), p.icb]); // a few practices each
  }
  for (const [pcn, icbs] of members) pcnIcb.set(pcn, mostCommon(icbs)!);
  const notes = { noPcn: 0, movedIcb: 0, noListSize: 0 };
  for (const p of practices) {
    const pcn = byPractice.get(p.code)?.PCN_CODE;
    if (!pcn) {
      notes.noPcn++;
      p.noPcn = 'unmapped';
    } else if (pcnIcb.get(pcn) !== p.icb) {
      notes.movedIcb++;
      p.noPcn = 'moved';
    } else p.pcn = pcn;
    if (p.listSize === undefined) notes.noListSize++;
  }
  practices.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    practices,
    pcnNames,
    icbNames: nameBy('STP_CODE', 'STP_NAME'),
    regionNames: nameBy('COMM_REGION_CODE', 'COMM_REGION_NAME'),
    subIcbNames: nameBy('CCG_CODE', 'CCG_NAME'),
    notes,
  };
}
