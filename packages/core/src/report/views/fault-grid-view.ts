/**
 * The fault grid page: for every asset type the register has, each known fault of the type and
 * how the hazard log answers it (covered by which hazards, not applicable and why, or a gap with
 * the catalogue's hazard wording). The grid is computed by the analysis (analysis/fault-gaps.ts);
 * this view only words and links it.
 */
import { faultGrid, type FaultState } from '../../analysis/fault-gaps.js';
import { ASSET_TYPE_WORDS } from '../../words/selector-phrase.js';
import type { Ref } from '../report-data.js';
import type { ReportContext } from './report-context.js';

export interface FaultCellView {
  fault: { id: string; title: string; description: string; hazard: string; origin: 'catalogue' | 'register' };
  state: FaultState;
  /** The state in words, shown beside its tag, so it never rests on colour alone. */
  stateLabel: string;
  /** Hazards that name the fault and have a page in this site. */
  hazards: Ref[];
  /** Hazards that name it but have no page here (a scoped site). */
  otherHazards: number;
  reason?: string;
  /** The gap's anchor on the findings page, when the findings list it. */
  finding?: string;
}

export interface FaultRowView {
  assetType: string;
  /** The type in words, capitalised: "VPN concentrator". */
  label: string;
  assets: number;
  cells: FaultCellView[];
}

export interface FaultGridView {
  rows: FaultRowView[];
  counts: { pairs: number; covered: number; notApplicable: number; gaps: number };
}

export const FAULT_STATE_LABELS: Record<FaultState, string> = { covered: 'Covered', 'not-applicable': 'Not applicable', gap: 'Gap: no hazard names it' };

export function faultGridView(rc: ReportContext, hazardsWithPages: ReadonlySet<string>): FaultGridView {
  const rows = faultGrid(rc.ctx.register, rc.ctx.graph);
  const counts = { pairs: 0, covered: 0, notApplicable: 0, gaps: 0 };
  const view = rows.map((row): FaultRowView => {
    const words = row.assetType === 'other' ? 'other' : (ASSET_TYPE_WORDS[row.assetType] ?? row.assetType);
    return {
      assetType: row.assetType,
      label: words.charAt(0).toUpperCase() + words.slice(1),
      assets: row.assets.length,
      cells: row.cells.map((c): FaultCellView => {
        counts.pairs++;
        if (c.state === 'covered') counts.covered++;
        else if (c.state === 'gap') counts.gaps++;
        else counts.notApplicable++;
        const shown = c.hazards.filter((h) => hazardsWithPages.has(h));
        const finding = c.state === 'gap' ? rc.findingSlugs.get(`fault-gap:${row.assetType}:${c.fault.id}`) : undefined;
        const { id, title, description, hazard, origin } = c.fault;
        return {
          fault: { id, title, description, hazard, origin },
          state: c.state,
          stateLabel: FAULT_STATE_LABELS[c.state],
          hazards: shown.map(rc.links.hazard),
          otherHazards: c.hazards.length - shown.length,
          ...(c.reason !== undefined ? { reason: c.reason } : {}),
          ...(finding !== undefined ? { finding } : {}),
        };
      }),
    };
  });
  return { rows: view, counts };
}
