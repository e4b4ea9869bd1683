import { MAX_SCENARIOS } from '../load/load-limits.js';
import { defineRule } from './rule.js';

export const tooManyScenarios = defineRule({
  code: 'CRR-E067',
  name: 'too-many-scenarios',
  severity: 'error',
  title: 'The register names more scenarios than are evaluated',
  explanation: `Each named scenario costs a whole evaluation of the register: what is cut, what is degraded, where the load goes. At national scale that is a fraction of a second each, so a register is limited to ${MAX_SCENARIOS} scenarios, far more than a CSO plans for (one per planned outage, defect or carrier worth a decision). Only the first ${MAX_SCENARIOS}, in file order, are evaluated. Keep the scenarios that stand for a decision; fail anything else ad hoc with \`crr what-if\`.`,
  *check({ register }) {
    if (register.scenarios.length <= MAX_SCENARIOS) return;
    const first = register.scenarios[MAX_SCENARIOS]!;
    const rest = register.scenarios.length - MAX_SCENARIOS - 1;
    yield {
      at: first.source,
      below: ['id'],
      record: first.id,
      message: `The register names ${register.scenarios.length.toLocaleString('en-GB')} scenarios, more than the ${MAX_SCENARIOS} that are evaluated: \`${first.id}\`${rest ? ` and the ${rest.toLocaleString('en-GB')} after it` : ''} would be left out.`,
      hint: `Keep at most ${MAX_SCENARIOS} scenarios, the ones that stand for a decision (planned maintenance, a known defect, a carrier outage); use \`crr what-if --fail …\` for the rest.`,
    };
  },
});
