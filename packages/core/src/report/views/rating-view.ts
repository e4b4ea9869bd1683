import type { RiskAssessment } from '../../model/hazard.js';
import { rate } from '../../risk/rating.js';
import type { RiskScheme } from '../../risk/scheme.js';
import type { RatingView } from '../report-data.js';

/** A recorded severity and likelihood, with the scheme's rating of them when they are its words. */
export function ratingView(scheme: RiskScheme, r: RiskAssessment): RatingView {
  const rated = rate(scheme, r.likelihood, r.severity);
  return {
    severity: r.severity,
    likelihood: r.likelihood,
    ...(rated ? { rating: rated.rating, label: rated.label, acceptability: rated.acceptability, acceptabilityText: rated.acceptabilityText, cell: rated.cell } : {}),
  };
}
