/**
 * Helpers of the `crr import ods` tests: where the shared data is (found from the repository
 * root, never an absolute path), scratch folders, an independent count of the published files
 * (a simple parse, not the importer's reader), and small hand-written files of each quirk.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const KM = join(SHARED, 'ods-kent-medway');
export const ENGLAND = join(SHARED, 'ods-england');
export const KM_FILES = { practices: join(KM, 'epraccur-QKS-2025-04.csv'), pcns: join(KM, 'gp-practice-pcn-map-QKS-2022-01.csv'), listSizes: join(KM, 'gp-list-size-QKS-2021-01.csv') };
export const ENGLAND_FILES = { practices: join(ENGLAND, 'epraccur-2025-04.csv'), pcns: join(ENGLAND, 'gp-practice-pcn-map-2022-01.csv'), listSizes: join(ENGLAND, 'gp-list-size-2021-01.csv') };
/** The hand-written rest of a register: manifest, the `standard-practice` profile, services, assets. */
export const REGISTER_REST = fileURLToPath(new URL('../fixtures/ods-register/', import.meta.url));

export function useScratch(name: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), `crr-${name}-`));
    dirs.push(d);
    return d;
  };
}

/** Arguments of an import of these files. */
export function importArgs(files: { practices: string; pcns: string; listSizes: string }, out: string, ...rest: string[]): string[] {
  return ['import', 'ods', '--practices', files.practices, '--pcns', files.pcns, '--list-sizes', files.listSizes, '--out', out, ...rest];
}

/** Every file under a folder, by relative path, with its text. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Copy the hand-written rest of a register beside an import, so the folder is a whole register. */
export function completeRegister(dir: string): void {
  cpSync(REGISTER_REST, dir, { recursive: true });
}

// --- An independent count: a simple line-by-line CSV split (the published files have no line breaks inside fields).

function splitLine(line: string): string[] {
  const out: string[] = [];
  const re = /(?:"((?:[^"]|"")*)"|([^,]*))(,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
    if (m[3] === '') break;
  }
  return out;
}

function lines(file: string): string[][] {
  return readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '').map(splitLine);
}

/** What the published files hold, counted without the importer. */
export function independentCount(files: { practices: string; pcns: string; listSizes: string }, icb?: string) {
  const epraccur = lines(files.practices);
  const active = epraccur.filter((r) => r[12] === 'A' && r[25] === '4' && r[2] !== 'W00');
  const [mapHead, ...mapRows] = lines(files.pcns);
  const col = (h: string[], name: string) => h.indexOf(name);
  const map = new Map(mapRows.map((r) => [r[col(mapHead!, 'PRACTICE_CODE')]!, { pcn: r[col(mapHead!, 'PCN_CODE')]!, stp: r[col(mapHead!, 'STP_CODE')]! }]));
  const [listHead, ...listRows] = lines(files.listSizes);
  const lists = new Set(listRows.map((r) => r[col(listHead!, 'CODE')]!));
  // A PCN's ICB: where most of its active practices are.
  const votes = new Map<string, Map<string, number>>();
  for (const r of active) {
    const pcn = map.get(r[0]!)?.pcn;
    if (!pcn || pcn === 'U') continue;
    const v = votes.get(pcn) ?? new Map<string, number>();
    v.set(r[3]!, (v.get(r[3]!) ?? 0) + 1);
    votes.set(pcn, v);
  }
  const home = (pcn: string) => [...votes.get(pcn)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  const selected = active.filter((r) => icb === undefined || r[3] === icb);
  const count = (test: (r: string[]) => boolean) => selected.filter(test).length;
  return {
    rows: epraccur.length,
    practices: selected.length,
    codes: selected.map((r) => r[0]!).sort(),
    icbs: new Set(selected.map((r) => r[3])).size,
    wales: epraccur.filter((r) => r[12] === 'A' && r[25] === '4' && r[2] === 'W00').length,
    notInMap: count((r) => !map.has(r[0]!)),
    unallocated: count((r) => map.get(r[0]!)?.pcn === 'U'),
    pcnInOtherIcb: count((r) => { const p = map.get(r[0]!)?.pcn; return !!p && p !== 'U' && home(p) !== r[3]; }),
    icbChangedKept: count((r) => { const m = map.get(r[0]!); return !!m && m.pcn !== 'U' && home(m.pcn) === r[3] && m.stp !== r[3]; }),
    noListSize: count((r) => !lists.has(r[0]!)),
  };
}

// --- Small hand-written files.

/** An epraccur row: 27 quoted fields. */
export function epraccurRow(code: string, name: string, o: { region?: string; icb?: string; subIcb?: string; status?: string; setting?: string; postcode?: string } = {}): string {
  const f = Array<string>(27).fill('');
  f[0] = code;
  f[1] = name;
  f[2] = o.region ?? 'Y59';
  f[3] = o.icb ?? 'QKS';
  f[6] = 'TOWN';
  f[9] = o.postcode ?? 'ME1 1AA';
  f[10] = '19740401';
  f[12] = o.status ?? 'A';
  f[13] = 'B';
  f[14] = o.subIcb ?? '91Q';
  f[25] = o.setting ?? '4';
  return f.map((v) => `"${v.replace(/"/g, '""')}"`).join(',');
}

export const MAP_HEADER = 'PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_CCG_CODE,CCG_CODE,CCG_NAME,ONS_STP_CODE,STP_CODE,STP_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME';
export function mapRow(practice: string, pcn: string, pcnName: string, o: { stp?: string; stpName?: string; ccg?: string; name?: string } = {}): string {
  return ['GP_PRAC_PAT_LIST', '01Jan2022', practice, o.name ?? '', 'ME1 1AA', pcn, pcnName, 'E38000237', o.ccg ?? '91Q', 'NHS Kent and Medway CCG', 'E54000032', o.stp ?? 'QKS', o.stpName ?? 'Kent and Medway', 'E40000005', 'Y59', 'South East'].join(',');
}
export const LIST_HEADER = 'PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS';
export function listRow(code: string, n: number | string): string {
  return `GP_PRAC_PAT_LIST,01JAN2021,GP,91Q,E38000237,${code},ME1 1AA,ALL,ALL,${n}`;
}
