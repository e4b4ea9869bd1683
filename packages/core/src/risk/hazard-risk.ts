import type { Hazard } from '../model/hazard.js';
import type { RiskScheme } from './scheme.js';
import { rate, type RiskRating } from './rating.js';

/** A hazard's derived ratings; either is absent when its levels are not the scheme's words. */
export interface HazardRisk {
  initial?: RiskRating;
  residual?: RiskRating;
}

export function hazardRisk(scheme: RiskScheme, hazard: Pick<Hazard, 'initialRisk' | 'residualRisk'>): HazardRisk {
  const initial = rate(scheme, hazard.initialRisk.likelihood, hazard.initialRisk.severity);
  const residual = rate(scheme, hazard.residualRisk.likelihood, hazard.residualRisk.severity);
  return { ...(initial ? { initial } : {}), ...(residual ? { residual } : {}) };
}
