/** The risk matrices and the risk profile: where the hazards sit in the scheme's grid. */
import type { RiskScheme } from '../../risk/scheme.js';
import type { HazardView, MatrixView, ReportData } from '../report-data.js';

/** What each acceptability means, in words. */
export const ACCEPTABILITY_TEXT: Record<string, string> = {
  acceptable: 'Acceptable',
  'acceptable-with-justification': 'Acceptable only with a justification',
  unacceptable: 'Unacceptable',
};

/** The grid of `which` ratings: rows highest likelihood first, as printed. */
export function matrixView(scheme: RiskScheme, hazards: readonly HazardView[], which: 'initial' | 'residual'): MatrixView {
  return {
    severities: scheme.severities.map((s) => s.level),
    rows: [...scheme.likelihoods.keys()].reverse().map((li) => ({
      likelihood: scheme.likelihoods[li]!.level,
      cells: scheme.severities.map((sv, si) => {
        const rating = scheme.matrix[li]?.[si] ?? 0;
        const meaning = scheme.ratings.find((r) => r.rating === rating);
        return {
          severity: sv.level,
          rating,
          label: meaning?.label ?? '',
          acceptability: meaning?.acceptability ?? 'unacceptable',
          hazards: hazards.filter((h) => h[which].cell?.likelihood === li && h[which].cell?.severity === si).map((h) => ({ id: h.id, slug: h.slug, name: h.name })),
        };
      }),
    })),
  };
}

/** How many hazards have each rating, initial and residual, lowest rating first. */
export function riskProfile(scheme: RiskScheme, hazards: readonly HazardView[]): ReportData['riskProfile'] {
  const ratings = [...new Set(scheme.ratings.map((r) => r.rating))].sort((a, b) => a - b);
  return ratings.map((rating) => ({
    rating,
    label: scheme.ratings.find((r) => r.rating === rating)?.label ?? '',
    initial: hazards.filter((h) => h.initial.rating === rating).length,
    residual: hazards.filter((h) => h.residual.rating === rating).length,
  }));
}
