import { hazardRisk } from '../risk/hazard-risk.js';
import { describeRating } from '../risk/rating.js';
import type { Hazard } from '../model/hazard.js';
import type { RiskScheme } from '../risk/scheme.js';
import { defineRule } from './rule.js';

/**
 * Whether a hazard's residual rating is one the scheme accepts only with a justification, and
 * the hazard has none. The one test the rule and the hazard page share.
 */
export function needsJustification(scheme: RiskScheme, hazard: Pick<Hazard, 'residualRisk' | 'initialRisk' | 'justification'>): boolean {
  return hazardRisk(scheme, hazard).residual?.acceptability === 'acceptable-with-justification' && !hazard.justification;
}

export const residualJustification = defineRule({
  code: 'CRR-E042',
  name: 'residual-justification',
  severity: 'error',
  title: 'A residual risk that needs a justification has none',
  explanation:
    'Ratings the scheme accepts only with a justification (2 and 3 in the DCB example) need a written reason why further reduction is impractical or would cost more than it gains.',
  *check({ register }) {
    for (const h of register.hazards) {
      if (!needsJustification(register.scheme, h)) continue;
      const residual = hazardRisk(register.scheme, h).residual!;
      yield {
        at: h.source,
        below: ['residualRisk'],
        record: h.id,
        message: `Hazard \`${h.id}\` has a residual risk of ${describeRating(residual)}, which is acceptable only with a justification, and it has none.`,
        hint: 'Add `justification:` saying why further risk reduction is impractical or would cost more than it gains.',
      };
    }
  },
});
