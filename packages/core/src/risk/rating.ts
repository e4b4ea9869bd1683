import { likelihoodIndex, ratingMeaning, severityIndex, type Acceptability, type RiskScheme } from './scheme.js';

/** A derived rating that explains itself: which scheme, which cell, what it means. */
export interface RiskRating {
  scheme: string;
  likelihood: string;
  severity: string;
  /** 0-based cell, lowest likelihood and lowest severity first. */
  cell: { likelihood: number; severity: number };
  rating: number;
  label: string;
  acceptability: Acceptability;
  acceptabilityText: string;
}

/**
 * Look a rating up in the scheme's matrix. Returns undefined when either level is not one of the
 * scheme's words; the `risk-level` rule reports that, so callers need not.
 */
export function rate(scheme: RiskScheme, likelihood: string, severity: string): RiskRating | undefined {
  const li = likelihoodIndex(scheme, likelihood);
  const si = severityIndex(scheme, severity);
  if (li < 0 || si < 0) return undefined;
  const rating = scheme.matrix[li]?.[si];
  if (rating === undefined) return undefined;
  const meaning = ratingMeaning(scheme, rating);
  return {
    scheme: scheme.name,
    likelihood,
    severity,
    cell: { likelihood: li, severity: si },
    rating,
    label: meaning?.label ?? `rating ${rating}`,
    acceptability: meaning?.acceptability ?? 'unacceptable',
    acceptabilityText: meaning?.text ?? '',
  };
}

/** One line for people: "likelihood low × severity major → 3 (undesirable)". */
export function describeRating(r: RiskRating): string {
  return `likelihood ${r.likelihood} × severity ${r.severity} → ${r.rating} (${r.label})`;
}
