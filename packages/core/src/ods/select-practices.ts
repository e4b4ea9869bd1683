import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean, editDistance } from '../diagnostics/did-you-mean.js';
import { makeDiagnostic } from '../diagnostics/make-diagnostic.js';
import type { Organisation } from '../model/organisation.js';
import type { Site } from '../model/site.js';
import { placeRecords } from './ods-records.js';
import { cmp, mostCommon } from './most-common.js';
import { isActiveEnglishPractice, type Epraccur, type EpraccurRecord } from './epraccur.js';
import type { ListSizes } from './list-sizes.js';
import { odsCodes } from './ods-codes.js';
import { UNALLOCATED, type PcnMap, type PcnMapRow } from './pcn-map.js';

/**
 * From the three published files to register records: the active GP practices of the ICBs asked
 * for, each with its ODS code, name as published (capitals kept: the ODS spelling is the one
 * other systems search for), postcode, PCN, list size and profile, and the places above them
 * (PCN → sub-ICB location → ICB → NHS England region).
 *
 * The files are of different vintages (epraccur April 2025, the PCN map January 2022, list sizes
 * January 2021), so some practices cannot be given everything, and what is done is counted:
 * - not in the PCN map, or filed there as `U` ("Unallocated"): the practice goes into its ICB's
 *   stand-in PCN `pcn-<icb>-unmapped` (crr requires a PCN of every practice, CRR-E052), a PCN
 *   organisation whose description says it is none, and names its own sub-ICB location;
 * - its PCN's practices are now mostly in another ICB: likewise into the stand-in, with a comment
 *   naming the PCN and the ICB it is in;
 * - in another ICB than the map says, but its whole PCN moved with it (the 2022 boundary changes):
 *   it keeps its PCN, written under its current ICB;
 * - its PCN's practices are in more than one sub-ICB location: the PCN sits straight under its
 *   ICB and each practice names its own sub-ICB location;
 * - no list size: `listSize: 0` (CRR-E052 requires one), with a comment saying it was not published.
 */

export interface OdsImportOptions {
  /** ICB codes, or every ICB in England. */
  icbs: 'all' | readonly string[];
  /** The profile id written on every practice. */
  profile: string;
}

export type NoPcn = 'not-in-map' | 'unallocated' | 'pcn-in-other-icb';

export interface ImportedPractice {
  code: string;
  name: string;
  region: string;
  icb: string;
  subIcb: string;
  town: string;
  postcode: string;
  listSize?: number;
  /** The PCN it is written in (its ODS code), when it has a real one. */
  pcn?: string;
  noPcn?: NoPcn;
  /** For `pcn-in-other-icb`: the PCN the map gives and the ICB most of that PCN's practices are now in. */
  mappedPcn?: { pcn: string; icb: string };
  /** The ICB (STP) the map gave, when it is not the practice's ICB now and its PCN moved with it. */
  mapIcb?: string;
  /** The name the PCN map gave, when epraccur's differs (epraccur's, the newer, is written). */
  mapName?: string;
}

export interface IcbPart {
  code: string;
  /** Lower-case code: the folder its files go in. */
  slug: string;
  name: string;
  /** The ICB, its sub-ICB locations and PCNs (the stand-in PCN last). */
  organisations: Organisation[];
  sites: Site[];
  /** Per site id, what the importer did that a reader of the YAML should see beside it. */
  remarks: Map<string, string>;
  practices: ImportedPractice[];
}

export interface ImportCounts {
  epraccurRows: number;
  epraccurBlank: number;
  epraccurRepeated: number;
  /** Rows with prescribing setting 4 (GP practice) by status, England and Wales. */
  gpByStatus: Record<string, number>;
  otherSettings: number;
  wales: number;
  englandActive: number;
  icbsInEngland: number;
  selected: number;
  notInMap: number;
  unallocated: number;
  pcnInOtherIcb: number;
  icbChangedKept: number;
  noListSize: number;
  nameDiffers: number;
  pcnsUnderIcb: number;
  practicesNamingSubIcb: number;
  mapRowsNotActive: number;
  listSizesNotActive: number;
  listSizeBreakdownRows: number;
  unnamedIcbs: string[];
  unnamedSubIcbs: string[];
  unnamedRegions: string[];
  regions: number;
  icbs: number;
  subIcbs: number;
  pcns: number;
  standInPcns: number;
  patients: number;
}

/** Names by code, as the PCN map gives them (of its vintage): PCNs, ICBs (its STPs), regions, sub-ICB locations (its CCGs). */
export interface OdsNames {
  pcn: Map<string, string>;
  icb: Map<string, string>;
  region: Map<string, string>;
  subIcb: Map<string, string>;
}

export interface OdsImport {
  regions: Organisation[];
  names: OdsNames;
  icbs: IcbPart[];
  practices: ImportedPractice[];
  counts: ImportCounts;
  /** Every active English practice in the file by code (for a comparison), and every record. */
  active: Map<string, EpraccurRecord>;
  all: Map<string, EpraccurRecord>;
  diagnostics: Diagnostic[];
}

/** Names by code from the map (the most frequent spelling of each). */
function namesBy(rows: Iterable<PcnMapRow>, code: (r: PcnMapRow) => string, name: (r: PcnMapRow) => string): Map<string, string> {
  const all = new Map<string, string[]>();
  for (const r of rows) {
    const list = all.get(code(r));
    if (list) list.push(name(r));
    else all.set(code(r), [name(r)]);
  }
  return new Map([...all].map(([k, v]) => [k, mostCommon(v.filter(Boolean)) ?? '']));
}

export function importOds(epraccur: Epraccur, map: PcnMap, lists: ListSizes, options: OdsImportOptions, files: { practices: string }): OdsImport {
  const diagnostics: Diagnostic[] = [];
  const all = new Map(epraccur.records.map((r) => [r.code, r]));
  const gpByStatus: Record<string, number> = {};
  let otherSettings = 0;
  let wales = 0;
  for (const r of epraccur.records) {
    if (r.setting !== '4') otherSettings++;
    else {
      gpByStatus[r.status || '(none)'] = (gpByStatus[r.status || '(none)'] ?? 0) + 1;
      if (r.status === 'A' && r.region === 'W00') wales++;
    }
  }
  const activeList = epraccur.records.filter(isActiveEnglishPractice).sort((a, b) => cmp(a.code, b.code));
  const active = new Map(activeList.map((r) => [r.code, r]));
  const icbsInEngland = [...new Set(activeList.map((r) => r.icb))].sort(cmp);

  const counts: ImportCounts = {
    epraccurRows: epraccur.records.length + epraccur.repeated,
    epraccurBlank: epraccur.blank,
    epraccurRepeated: epraccur.repeated,
    gpByStatus,
    otherSettings,
    wales,
    englandActive: activeList.length,
    icbsInEngland: icbsInEngland.length,
    selected: 0,
    notInMap: 0,
    unallocated: 0,
    pcnInOtherIcb: 0,
    icbChangedKept: 0,
    noListSize: 0,
    nameDiffers: 0,
    pcnsUnderIcb: 0,
    practicesNamingSubIcb: 0,
    mapRowsNotActive: [...map.byPractice.keys()].filter((c) => !active.has(c)).length,
    listSizesNotActive: [...lists.byPractice.keys()].filter((c) => !active.has(c)).length,
    listSizeBreakdownRows: lists.breakdown,
    unnamedIcbs: [],
    unnamedSubIcbs: [],
    unnamedRegions: [],
    regions: 0,
    icbs: 0,
    subIcbs: 0,
    pcns: 0,
    standInPcns: 0,
    patients: 0,
  };
  const empty: OdsImport = { regions: [], names: { pcn: new Map(), icb: new Map(), region: new Map(), subIcb: new Map() }, icbs: [], practices: [], counts, active, all, diagnostics };

  if (activeList.length === 0) {
    diagnostics.push(
      makeDiagnostic(odsCodes.noPractices, {
        file: files.practices,
        message: `Of its ${epraccur.records.length} rows, none is an active GP practice in England (status \`A\`, prescribing setting \`4\`, region not \`W00\`), so there is nothing to import.`,
        hint: 'Name the epraccur CSV of the Organisation Data Service with `--practices`.',
      }),
    );
    return empty;
  }
  const wanted = options.icbs === 'all' ? icbsInEngland : [...new Set(options.icbs.map((c) => c.trim().toUpperCase()))].sort(cmp);
  const unknown = wanted.filter((c) => !icbsInEngland.includes(c));
  for (const code of unknown) {
    const guess = didYouMean(code, icbsInEngland);
    const near = icbsInEngland
      .map((c) => [c, editDistance(code, c)] as const)
      .filter(([, d]) => d <= 1)
      .map(([c]) => c)
      .slice(0, 5);
    const known = all.get(code);
    diagnostics.push(
      makeDiagnostic(odsCodes.unknownIcb, {
        file: files.practices,
        message:
          `No active GP practice in England is in ICB \`${code.slice(0, 20)}\`` +
          (known ? ` (\`${code}\` is the code of ${known.name}, not of an ICB)` : '') +
          `.${guess ? ` Did you mean \`${guess}\`?` : near.length ? ` Near codes: ${near.join(', ')}.` : ''}`,
        hint: `The file's ${icbsInEngland.length} ICBs are: ${icbsInEngland.join(', ')}. Or use \`--all\` for every ICB.`,
      }),
    );
  }
  if (unknown.length) return empty;

  // Names from the map (of its vintage): regions, ICBs (then STPs) and sub-ICB locations (then CCGs).
  const mapRows = [...map.byPractice.values()];
  const regionNames = namesBy(mapRows, (r) => r.region, (r) => r.regionName);
  const icbNames = namesBy(mapRows, (r) => r.stp, (r) => r.stpName);
  const subIcbNames = namesBy(mapRows, (r) => r.ccg, (r) => r.ccgName);

  // A PCN belongs to the ICB most of its practices active now are in (over the whole file, not
  // only the ICBs asked for, so that `--icb` and `--all` agree).
  const members = new Map<string, string[]>();
  for (const r of activeList) {
    const pcn = map.byPractice.get(r.code)?.pcn;
    if (pcn && pcn !== UNALLOCATED) {
      const list = members.get(pcn);
      if (list) list.push(r.icb);
      else members.set(pcn, [r.icb]);
    }
  }
  const pcnIcb = new Map([...members].map(([pcn, icbs]) => [pcn, mostCommon(icbs)!]));

  const practices: ImportedPractice[] = [];
  for (const r of activeList) {
    if (!wanted.includes(r.icb)) continue;
    const m = map.byPractice.get(r.code);
    const p: ImportedPractice = { code: r.code, name: r.name, region: r.region, icb: r.icb, subIcb: r.subIcb, town: r.town, postcode: r.postcode };
    const size = lists.byPractice.get(r.code);
    if (size !== undefined) p.listSize = size;
    else counts.noListSize++;
    if (!m) {
      p.noPcn = 'not-in-map';
      counts.notInMap++;
    } else if (m.pcn === UNALLOCATED) {
      p.noPcn = 'unallocated';
      counts.unallocated++;
    } else if (pcnIcb.get(m.pcn) !== r.icb) {
      p.noPcn = 'pcn-in-other-icb';
      p.mappedPcn = { pcn: m.pcn, icb: pcnIcb.get(m.pcn)! };
      counts.pcnInOtherIcb++;
    } else {
      p.pcn = m.pcn;
      if (m.stp !== r.icb) {
        p.mapIcb = m.stp;
        counts.icbChangedKept++;
      }
    }
    if (m && m.practiceName && m.practiceName !== r.name) {
      p.mapName = m.practiceName;
      counts.nameDiffers++;
    }
    practices.push(p);
  }
  counts.selected = practices.length;

  const pcnNames = namesBy(mapRows.filter((r) => r.pcn !== UNALLOCATED), (r) => r.pcn, (r) => r.pcnName);
  const names: OdsNames = { pcn: pcnNames, icb: icbNames, region: regionNames, subIcb: subIcbNames };
  const { regions, icbs } = placeRecords(practices, wanted, names, options.profile, counts);
  return { regions, names, icbs, practices, counts, active, all, diagnostics };
}
