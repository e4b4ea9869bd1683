import { hazardRisk } from '../risk/hazard-risk.js';
import { describeRating } from '../risk/rating.js';
import { defineRule } from './rule.js';

export const unacceptableWithoutControls = defineRule({
  code: 'CRR-E041',
  name: 'unacceptable-without-controls',
  severity: 'error',
  title: 'An unacceptable residual risk has no additional controls',
  explanation:
    'A residual rating the scheme calls unacceptable (4 or 5 in the DCB example) obliges the organisation to eliminate the hazard or add controls to bring the risk down. A hazard in that state with no additional controls has had nothing done about it.',
  *check({ register }) {
    for (const h of register.hazards) {
      const { residual } = hazardRisk(register.scheme, h);
      if (!residual || residual.acceptability !== 'unacceptable') continue;
      if ((h.additionalControls ?? []).length > 0) continue;
      yield {
        at: h.source,
        below: ['residualRisk'],
        record: h.id,
        message: `Hazard \`${h.id}\` has an unacceptable residual risk (${describeRating(residual)}) but no additional controls.`,
        hint: 'Add the controls that will bring the risk down under `additionalControls`, or eliminate the hazard.',
      };
    }
  },
});
