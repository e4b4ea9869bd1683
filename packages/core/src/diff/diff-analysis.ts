import type { Analysis } from '../analysis/analyse.js';
import type { AssetImpact } from '../analysis/failure-points.js';
import type { Reach } from '../analysis/reach.js';

/**
 * What `diffRegisters` reads of an asset's blast radius: its patients and where they are. A
 * national register has ~18,000 assets, each with a full reach (sites, PCNs, services): about a
 * quarter of what an analysis holds, and none of it compared.
 */
export interface DiffAssetImpact extends Pick<AssetImpact, 'id' | 'name' | 'hazards'> {
  reach: Pick<Reach, 'patients' | 'byIcb' | 'byRegion'>;
}

/** An analysis as a diff reads it: all of it but the assets' reaches, cut to their figures. A full `Analysis` is one. */
export interface DiffAnalysis extends Omit<Analysis, 'assets'> {
  assets: DiffAssetImpact[];
}

/**
 * The analysis of one side, cut to what the diff compares, so that `crr diff` does not hold the
 * base's full analysis while it analyses the head (peak memory on a national register): the
 * reaches' site, PCN and service lists are left behind to be collected.
 */
export function diffAnalysis(analysis: Analysis): DiffAnalysis {
  return {
    ...analysis,
    assets: analysis.assets.map((a) => ({ id: a.id, name: a.name, hazards: a.hazards, reach: { patients: a.reach.patients, byIcb: a.reach.byIcb, byRegion: a.reach.byRegion } })),
  };
}
