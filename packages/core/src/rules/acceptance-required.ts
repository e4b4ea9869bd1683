import { hazardRisk } from '../risk/hazard-risk.js';
import { describeRating } from '../risk/rating.js';
import type { Hazard } from '../model/hazard.js';
import type { RiskScheme } from '../risk/scheme.js';
import { acceptanceLapsed } from './acceptance-ending.js';
import { defineRule } from './rule.js';

/**
 * Whether a hazard needs a recorded acceptance, recorded or not: its residual risk is
 * unacceptable, or it is transferred. The one test the rule and the report share.
 */
export function needsAcceptance(scheme: RiskScheme, hazard: Pick<Hazard, 'status' | 'initialRisk' | 'residualRisk'>): boolean {
  return hazard.status === 'transferred' || hazardRisk(scheme, hazard).residual?.acceptability === 'unacceptable';
}

export const acceptanceRequired = defineRule({
  code: 'CRR-E043',
  name: 'acceptance-required',
  severity: 'error',
  title: 'A residual risk that needs top-management acceptance has none',
  explanation:
    'DCB0160 requires top management of the deploying organisation to accept residual risk. crr requires a recorded acceptance for every unacceptable residual rating (4 or 5 in the DCB example) and for every transferred hazard, whose remaining controls the deployer now owns. An acceptance given `until` a day that has passed no longer counts.',
  *check({ register, asOf }) {
    const accepted = new Set(register.acceptances.filter((a) => !acceptanceLapsed(a, asOf)).map((a) => a.hazard));
    const lapsed = new Map<string, string[]>();
    for (const a of register.acceptances) if (acceptanceLapsed(a, asOf)) lapsed.set(a.hazard, [...(lapsed.get(a.hazard) ?? []), `\`${a.id}\` ended on ${a.until}`]);
    for (const h of register.hazards) {
      if (accepted.has(h.id) || !needsAcceptance(register.scheme, h)) continue;
      const { residual } = hazardRisk(register.scheme, h);
      const reasons: string[] = [];
      if (residual?.acceptability === 'unacceptable') reasons.push(`its residual risk is unacceptable (${describeRating(residual)})`);
      if (h.status === 'transferred') reasons.push('it is transferred, so its remaining controls are now the deployer\'s');
      if (!reasons.length) continue;
      yield {
        at: h.source,
        below: h.status === 'transferred' && !reasons[1] ? ['status'] : ['residualRisk'],
        record: h.id,
        message: `Hazard \`${h.id}\` needs a recorded acceptance because ${reasons.join(', and ')}; ${lapsed.has(h.id) ? `its acceptance ${lapsed.get(h.id)!.join(' and ')}` : 'there is none'}.`,
        hint: lapsed.has(h.id)
          ? 'Record a new acceptance under `acceptances:` (who, their role, the date, and a new `until` if it is time-limited), or reduce the risk so that none is needed.'
          : 'Add an acceptance under `acceptances:` naming the hazard, who accepted it, their role and the date.',
      };
    }
  },
});
