/**
 * A risk scheme: ordered likelihood and severity levels, a matrix that maps each (likelihood,
 * severity) cell to a rating, and what each rating means for acceptability. The rating is a
 * table lookup, never a product of scores.
 */

/** What a rating obliges the deploying organisation to do. */
export type Acceptability = 'acceptable' | 'acceptable-with-justification' | 'unacceptable';

export interface RiskLevel {
  /** The word authors write, e.g. `very low`. */
  level: string;
  description: string;
}

export interface RatingMeaning {
  rating: number;
  /** Short label, e.g. `undesirable`. */
  label: string;
  acceptability: Acceptability;
  /** The scheme's own words for what the rating means. */
  text: string;
}

export interface RiskScheme {
  name: string;
  /** Lowest first. */
  likelihoods: readonly RiskLevel[];
  /** Lowest first. */
  severities: readonly RiskLevel[];
  /** `matrix[likelihoodIndex][severityIndex]`, both indices lowest first. */
  matrix: readonly (readonly number[])[];
  ratings: readonly RatingMeaning[];
}

/**
 * The example scheme of the DCB0129/DCB0160 implementation guidance, exactly as published.
 * Rows below are written highest likelihood first, as the guidance prints them, then reversed
 * so that indices run lowest first like the level lists.
 */
const dcbRowsAsPrinted: readonly (readonly number[])[] = [
  // minor, significant, considerable, major, catastrophic
  [3, 4, 4, 5, 5], // very high
  [2, 3, 3, 4, 5], // high
  [2, 2, 3, 3, 4], // medium
  [1, 2, 2, 3, 4], // low
  [1, 1, 2, 2, 3], // very low
];

export const DCB_EXAMPLE_SCHEME: RiskScheme = Object.freeze({
  name: 'DCB0129/DCB0160 implementation guidance example (5×5)',
  likelihoods: [
    { level: 'very low', description: 'Negligible or nearly negligible possibility of occurring.' },
    { level: 'low', description: 'Could occur, but in the great majority of occasions will not.' },
    { level: 'medium', description: 'Possible.' },
    { level: 'high', description: 'Not certain but very possible; reasonably expected in the majority of cases.' },
    { level: 'very high', description: 'Certain or almost certain; highly likely to occur.' },
  ],
  severities: [
    {
      level: 'minor',
      description:
        'Minor injury with short-term recovery, minor upset, inconvenience or any negligible consequence (one patient).',
    },
    {
      level: 'significant',
      description:
        'Minor injury without short-term recovery or significant psychological trauma (one patient); minor injury with short-term recovery or minor upset/inconvenience (several patients).',
    },
    {
      level: 'considerable',
      description:
        'Severe injury with short-term recovery or severe psychological trauma (one patient); minor injury without short-term recovery or significant psychological trauma (several patients).',
    },
    {
      level: 'major',
      description:
        'Death or permanent life-changing incapacity (one patient); severe injury with short-term recovery or severe psychological trauma (several patients).',
    },
    {
      level: 'catastrophic',
      description: 'Death or permanent life-changing incapacity (several patients).',
    },
  ],
  matrix: [...dcbRowsAsPrinted].reverse(),
  ratings: [
    { rating: 1, label: 'acceptable', acceptability: 'acceptable', text: 'Acceptable, no further action required.' },
    {
      rating: 2,
      label: 'acceptable where further reduction is impractical',
      acceptability: 'acceptable-with-justification',
      text: 'Acceptable where further risk reduction costs more than it gains or is impractical.',
    },
    {
      rating: 3,
      label: 'undesirable',
      acceptability: 'acceptable-with-justification',
      text: 'Undesirable; acceptable only where further risk reduction is impractical, with a justification.',
    },
    {
      rating: 4,
      label: 'unacceptable',
      acceptability: 'unacceptable',
      text: 'Unacceptable; the hazard must be eliminated or a control added to bring the risk down.',
    },
    { rating: 5, label: 'unacceptable', acceptability: 'unacceptable', text: 'Unacceptable.' },
  ],
} satisfies RiskScheme);

export function likelihoodIndex(scheme: RiskScheme, level: string): number {
  return scheme.likelihoods.findIndex((l) => l.level === level);
}

export function severityIndex(scheme: RiskScheme, level: string): number {
  return scheme.severities.findIndex((l) => l.level === level);
}

export function ratingMeaning(scheme: RiskScheme, rating: number): RatingMeaning | undefined {
  return scheme.ratings.find((r) => r.rating === rating);
}
