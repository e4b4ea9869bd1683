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
      if (residual.rating > initial.rating) worse.push(`its residual rating ${residual.rating} is above its initial rating ${initial.rating}`);
      if (residual.cell.severity > initial.cell.severity) worse.push(`its residual severity \`${residual.severity}\` is above its initial severity \`${initial.severity}\``);
      if (residual.cell.likelihood > initial.cell.likelihood) worse.push(`its residual likelihood \`${residual.likelihood}\` is above its initial likelihood \`${initial.likelihood}\``);
      if (!worse.length) continue;
      yield {
        at: h.source,
        below: ['residualRisk'],
        record: h.id,
        message: `Hazard \`${h.id}\` is riskier after its controls than before: ${worse.join('; ')} (initial ${describeRating(initial)}; residual ${describeRating(residual)}).`,
        hint: 'Check whether initial and residual were swapped; if the risk has grown, reassess the initial risk.',
      };
    }
  },
});
