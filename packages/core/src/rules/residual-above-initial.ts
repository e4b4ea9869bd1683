import { hazardRisk } from '../risk/hazard-risk.js';
import { describeRating } from '../risk/rating.js';
import { defineRule } from './rule.js';

export const residualAboveInitial = defineRule({
  code: 'CRR-E040',
  name: 'residual-above-initial',
  severity: 'error',
  title: 'Residual risk is higher than initial risk',
  explanation:
    'Residual risk is the risk after the additional controls; controls lower likelihood or severity, never raise them. A residual above the initial usually means the two were swapped, or the initial assessment is out of date.',
  *check({ register }) {
    for (const h of register.hazards) {
      const { initial, residual } = hazardRisk(register.scheme, h);
      if (!initial || !residual) continue;
      const worse: string[] = [];
      if (residual.rating > initial.rating) worse.push(`the rating rises from ${initial.rating} to ${residual.rating}`);
      if (residual.cell.severity > initial.cell.severity) worse.push(`severity rises from \`${initial.severity}\` to \`${residual.severity}\``);
      if (residual.cell.likelihood > initial.cell.likelihood) worse.push(`likelihood rises from \`${initial.likelihood}\` to \`${residual.likelihood}\``);
      if (!worse.length) continue;
      yield {
        at: h.source,
        below: ['residualRisk'],
        record: h.id,
        message: `Hazard \`${h.id}\` is riskier after its controls than before: ${worse.join(', and ')}. Initial: ${describeRating(initial)}. Residual: ${describeRating(residual)}.`,
        hint: 'Check whether initial and residual were swapped; if the risk has grown, reassess the initial risk.',
      };
    }
  },
});
