import { describeRating, rate } from '../risk/rating.js';
import { defineRule } from './rule.js';

export const storedRating = defineRule({
  code: 'CRR-E039',
  name: 'stored-rating',
  severity: 'error',
  title: 'A written rating disagrees with the risk matrix',
  explanation:
    'Ratings are always derived from the register\'s matrix. A `rating` may be written for readers of the YAML, but it must be the matrix\'s; a hand-typed rating that differs is a transcription error.',
  *check({ register }) {
    for (const h of register.hazards) {
      for (const key of ['initialRisk', 'residualRisk'] as const) {
        const risk = h[key];
        if (risk.rating === undefined) continue;
        const derived = rate(register.scheme, risk.likelihood, risk.severity);
        if (!derived || derived.rating === risk.rating) continue;
        yield {
          at: h.source,
          below: [key, 'rating'],
          record: h.id,
          message: `Hazard \`${h.id}\` gives its ${key === 'initialRisk' ? 'initial' : 'residual'} rating as ${risk.rating}, but the matrix gives ${describeRating(derived)}.`,
          hint: `Write \`rating: ${derived.rating}\`, or remove \`rating\` and let it be derived.`,
        };
      }
    }
    for (const a of register.acceptances) {
      const risk = a.residualRisk;
      if (risk?.rating === undefined) continue;
      const derived = rate(register.scheme, risk.likelihood, risk.severity);
      if (!derived || derived.rating === risk.rating) continue;
      yield {
        at: a.source,
        below: ['residualRisk', 'rating'],
        record: a.id,
        message: `Acceptance \`${a.id}\` records the accepted residual rating as ${risk.rating}, but the matrix gives ${describeRating(derived)}.`,
        hint: `Write \`rating: ${derived.rating}\`, or remove \`rating\` and let it be derived.`,
      };
    }
  },
});
