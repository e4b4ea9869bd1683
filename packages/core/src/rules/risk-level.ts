import { didYouMeanSentence } from '../diagnostics/did-you-mean.js';
import { defineRule, type Finding } from './rule.js';

export const riskLevel = defineRule({
  code: 'CRR-E036',
  name: 'risk-level',
  severity: 'error',
  title: 'A severity or likelihood is not a level of the register\'s risk scheme',
  explanation:
    'Severity and likelihood are words from the risk scheme (by default the DCB guidance example: likelihood very low, low, medium, high, very high; severity minor, significant, considerable, major, catastrophic). Any other word cannot be rated.',
  *check({ register }) {
    const likelihoods = register.scheme.likelihoods.map((l) => l.level);
    const severities = register.scheme.severities.map((l) => l.level);
    const levels = (what: 'likelihood' | 'severity', value: string, allowed: string[]) =>
      allowed.includes(value) ? undefined : { value, what, allowed };
    for (const h of register.hazards) {
      const checks: [string[], { severity: string; likelihood: string }][] = [
        [['initialRisk'], h.initialRisk],
        [['residualRisk'], h.residualRisk],
      ];
      for (const [path, risk] of checks) {
        for (const p of [levels('severity', risk.severity, severities), levels('likelihood', risk.likelihood, likelihoods)]) {
          if (!p) continue;
          yield {
            at: h.source,
            below: [...path, p.what],
            record: h.id,
            message: `The ${p.what} \`${p.value}\` of hazard \`${h.id}\` is not a ${p.what} level of the risk scheme.${didYouMeanSentence(p.value, p.allowed)}`,
            hint: `Use one of: ${p.allowed.map((v) => `\`${v}\``).join(', ')}.`,
          } satisfies Finding;
        }
      }
    }
    for (const a of register.acceptances) {
      if (!a.residualRisk) continue;
      for (const p of [levels('severity', a.residualRisk.severity, severities), levels('likelihood', a.residualRisk.likelihood, likelihoods)]) {
        if (!p) continue;
        yield {
          at: a.source,
          below: ['residualRisk', p.what],
          record: a.id,
          message: `The ${p.what} \`${p.value}\` in acceptance \`${a.id}\` is not a ${p.what} level of the risk scheme.${didYouMeanSentence(p.value, p.allowed)}`,
          hint: `Use one of: ${p.allowed.map((v) => `\`${v}\``).join(', ')}.`,
        };
      }
    }
  },
});
