import type { Organisation } from '../model/organisation.js';
import type { Site } from '../model/site.js';
import type { EpraccurRecord } from './epraccur.js';
import { pcnId, standInPcnId } from './ods-records.js';
import type { OdsImport } from './select-practices.js';

/**
 * What an existing register says of its practices against the published data, for a refresh:
 * practices new in ODS, practices closed (in the register, no longer active), practices now in
 * another ICB than the ones imported, practices whose PCN changed, and list sizes changed by more
 * than a share. Practices are matched by ODS code (the site's `ods`, else its id); only the
 * ICBs imported are looked at for "new". Every list is sorted by practice code.
 */

export interface PracticeRef {
  code: string;
  name: string;
  /** Site id in the register (for the register's side). */
  site?: string;
}

export interface ClosedPractice extends PracticeRef {
  /** What epraccur says now: status (C closed, D dormant, P proposed), close date, setting; absent when the code is not in the file at all. */
  status?: string;
  closeDate?: string;
  setting?: string;
}

export interface MovedPractice extends PracticeRef {
  from: string;
  to: string;
}

export interface ListSizeChange extends PracticeRef {
  from: number | undefined;
  to: number;
  /** (to − from) / from; undefined when there was none (or 0) before. */
  share: number | undefined;
}

export interface OdsComparison {
  /** Practices in the register that the comparison could match (with an ODS code). */
  compared: number;
  added: PracticeRef[];
  closed: ClosedPractice[];
  otherIcb: MovedPractice[];
  pcnChanged: MovedPractice[];
  listSizeChanged: ListSizeChange[];
  /** Practices the register has with no ODS code (by id), not compared. */
  withoutOds: string[];
}

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The register's records this needs: practices and organisations (read only). */
export interface RegisterSide {
  sites: readonly Site[];
  organisations: readonly Organisation[];
}

export function compareWithOds(register: RegisterSide, imported: OdsImport, listSizeShare: number): OdsComparison {
  const out: OdsComparison = { compared: 0, added: [], closed: [], otherIcb: [], pcnChanged: [], listSizeChanged: [], withoutOds: [] };
  const orgs = new Map(register.organisations.map((o) => [o.id, o]));
  const importedBy = new Map(imported.practices.map((p) => [p.code, p]));
  const selectedIcbs = new Set(imported.icbs.map((i) => i.code));
  const seen = new Set<string>();
  // The register's PCN of a practice, as a PCN code where the organisation has one, else its id.
  const pcnOf = (s: Site) => {
    if (!s.pcn) return '(none)';
    const o = orgs.get(s.pcn);
    return o?.ods ?? s.pcn;
  };
  for (const s of register.sites) {
    if (s.type !== 'practice') continue;
    const code = s.ods ?? (/^[A-Z0-9]{3,6}$/.test(s.id) ? s.id : undefined);
    if (!code) {
      out.withoutOds.push(s.id);
      continue;
    }
    if (seen.has(code)) continue;
    seen.add(code);
    out.compared++;
    const ref: PracticeRef = { code, name: s.name, site: s.id };
    const now = imported.active.get(code);
    if (!now) {
      const record: EpraccurRecord | undefined = imported.all.get(code);
      out.closed.push({ ...ref, ...(record ? { status: record.status, closeDate: record.closeDate || undefined, setting: record.setting } : {}) });
      continue;
    }
    if (!selectedIcbs.has(now.icb)) {
      const registerIcb = icbOf(s, orgs);
      out.otherIcb.push({ ...ref, from: registerIcb ?? '(not known)', to: now.icb });
      continue;
    }
    const p = importedBy.get(code)!;
    const to = p.pcn ?? 'no PCN';
    const from = pcnOf(s);
    const fromId = s.pcn ?? '';
    const same = p.pcn ? from === p.pcn || fromId === pcnId(p.pcn) : fromId === standInPcnId(p.icb);
    if (!same) out.pcnChanged.push({ ...ref, from, to });
    if (p.listSize !== undefined) {
      const before = s.listSize;
      if (!before) {
        if (before !== p.listSize) out.listSizeChanged.push({ ...ref, from: before, to: p.listSize, share: undefined });
      } else {
        const share = (p.listSize - before) / before;
        if (Math.abs(share) > listSizeShare) out.listSizeChanged.push({ ...ref, from: before, to: p.listSize, share });
      }
    }
  }
  for (const p of imported.practices) if (!seen.has(p.code)) out.added.push({ code: p.code, name: p.name });
  out.added.sort(byCode);
  out.closed.sort(byCode);
  out.otherIcb.sort(byCode);
  out.pcnChanged.sort(byCode);
  out.listSizeChanged.sort(byCode);
  out.withoutOds.sort();
  return out;
}

/** The ICB code a register places a practice in: its `icb`, else up its PCN and sub-ICB chain. */
function icbOf(s: Site, orgs: Map<string, Organisation>): string | undefined {
  const start = s.icb ?? s.subIcb ?? s.pcn;
  let o = start ? orgs.get(start) : undefined;
  for (let depth = 0; o && depth < 6; depth++) {
    if (o.type === 'icb') return o.ods ?? o.id;
    o = o.parent ? orgs.get(o.parent) : undefined;
  }
  return undefined;
}
