import type { Control } from '../model/control.js';
import type { Hazard } from '../model/hazard.js';
import type { RiskScheme } from '../risk/scheme.js';
import { hazardRisk } from '../risk/hazard-risk.js';
import { describeRating } from '../risk/rating.js';
import { defineRule } from './rule.js';

/**
 * The additional controls a hazard's lower residual risk rests on that are only proposed, in
 * the hazard's order; empty when the residual is not below the initial (in rating, likelihood or
 * severity) or every additional control is in place. The report says so on the hazard's page.
 */
export function proposedControlsUnderResidual(scheme: RiskScheme, hazard: Pick<Hazard, 'initialRisk' | 'residualRisk' | 'additionalControls'>, controls: ReadonlyMap<string, Pick<Control, 'status'>>): string[] {
  const { initial, residual } = hazardRisk(scheme, hazard);
  if (!initial || !residual) return [];
  const lower = residual.rating < initial.rating || residual.cell.likelihood < initial.cell.likelihood || residual.cell.severity < initial.cell.severity;
  if (!lower) return [];
  return [...new Set(hazard.additionalControls ?? [])].filter((id) => controls.get(id)?.status === 'proposed');
}

export const residualOnProposedControls = defineRule({
  code: 'CRR-W070',
  name: 'residual-on-proposed-controls',
  severity: 'warning',
  title: 'A residual risk below the initial rests on controls that are not in place',
  explanation:
    'The residual risk is the risk with the additional controls working. While a control is only proposed, patients carry the initial risk, not the residual: a safety case signed on that residual overstates the position. Rate the residual as things stand, or keep the hazard open and track the control until it is implemented.',
  *check({ register }) {
    const controls = new Map(register.controls.map((c) => [c.id, c] as const));
    for (const h of register.hazards) {
      const proposed = proposedControlsUnderResidual(register.scheme, h, controls);
      if (!proposed.length) continue;
      const { initial, residual } = hazardRisk(register.scheme, h);
      // The rating can stay the same while the likelihood or severity falls (medium to low at 3).
      const lowered = residual!.rating < initial!.rating ? 'a residual risk below its initial risk' : residual!.cell.likelihood < initial!.cell.likelihood ? 'a residual likelihood below its initial likelihood' : 'a residual severity below its initial severity';
      const which = proposed.map((id) => `\`${id}\``).join(', ');
      yield {
        at: h.source,
        below: ['residualRisk'],
        record: h.id,
        message: `Hazard \`${h.id}\` has ${lowered}, but ${proposed.length === 1 ? `its control ${which} is` : `its controls ${which} are`} only proposed. Initial: ${describeRating(initial!)}. Residual: ${describeRating(residual!)}.`,
        hint:
          proposed.length === 1
            ? "Until the control is implemented, patients carry the initial risk: rate the residual as things stand, or keep the hazard open and set the control's status to `implemented` once it is in place."
            : "Until the controls are implemented, patients carry the initial risk: rate the residual as things stand, or keep the hazard open and set each control's status to `implemented` once it is in place.",
      };
    }
  },
});
