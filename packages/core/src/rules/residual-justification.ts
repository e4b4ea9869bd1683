import { hazardRisk } from '../risk/hazard-risk.js';
import { describeRating } from '../risk/rating.js';
import { defineRule } from './rule.js';

export const residualJustification = defineRule({
  code: 'CRR-E042',
  name: 'residual-justification',
  severity: 'error',
  title: 'A residual risk that needs a justification has none',
  explanation:
    'Ratings the scheme accepts only with a justification (2 and 3 in the DCB example) need a written reason why further reduction is impractical or would cost more than it gains.',
  *check({ register }) {
    for (const h of register.hazards) {
      const { residual } = hazardRisk(register.scheme, h);
      if (!residual || residual.acceptability !== 'acceptable-with-justification' || h.justification) continue;
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
