import { checkScheme } from '../risk/check-scheme.js';
import { defineRule } from './rule.js';

export const riskSchemeIncomplete = defineRule({
  code: 'CRR-E037',
  name: 'risk-scheme-incomplete',
  severity: 'error',
  title: 'The custom risk scheme leaves cells or ratings undefined',
  explanation:
    'A custom scheme must give a rating for every likelihood and severity pair, and say what every rating means. Without a complete matrix some hazards could not be rated.',
  *check({ register }) {
    const m = register.manifest;
    if (!m?.riskScheme) return;
    for (const p of checkScheme(m.riskScheme))
      // A missing row or rating has no node of its own: point at the key that should hold it.
      if (p.kind === 'incomplete') yield { at: m.source, below: ['riskScheme', ...p.path], atKey: p.path.length === 1, message: p.message, hint: 'Complete the matrix: one row per likelihood level, one rating per severity level, and a meaning for every rating.' };
  },
});

export const riskSchemeNotMonotone = defineRule({
  code: 'CRR-E038',
  name: 'risk-scheme-not-monotone',
  severity: 'error',
  title: 'The custom risk scheme rates a worse cell lower',
  explanation:
    'Ratings must never fall as likelihood or severity rises; otherwise judging a hazard more severe could make it look more acceptable. The scheme is refused.',
  *check({ register }) {
    const m = register.manifest;
    if (!m?.riskScheme) return;
    for (const p of checkScheme(m.riskScheme))
      if (p.kind === 'not-monotone') yield { at: m.source, below: ['riskScheme', ...p.path], message: `The risk scheme is not monotone. ${p.message}`, hint: 'Raise the rating of this cell to at least that of its less severe and less likely neighbours.' };
  },
});
