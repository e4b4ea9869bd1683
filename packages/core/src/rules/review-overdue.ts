import { addMonths } from '../dates.js';
import type { Hazard } from '../model/hazard.js';
import { defineRule } from './rule.js';

/** The default review interval when the manifest's review policy names none. */
export const DEFAULT_REVIEW_MONTHS = 12;

/** When a hazard is next due for review: its own date, or the policy interval after its last review. */
export function reviewDue(hazard: Pick<Hazard, 'nextReview' | 'reviewed' | 'raised'>, months: number): { due: string; basis: string } {
  if (hazard.nextReview) return { due: hazard.nextReview, basis: 'its `nextReview` date' };
  const last = hazard.reviewed ?? hazard.raised;
  return { due: addMonths(last, months), basis: `${months} months after its ${hazard.reviewed ? 'last review' : 'raising'} on ${last}` };
}

export const reviewOverdue = defineRule({
  code: 'CRR-W047',
  name: 'review-overdue',
  severity: 'warning',
  title: 'A hazard is overdue for review',
  explanation:
    'Every hazard is reviewed by its `nextReview` date, or within the review policy\'s interval (12 months unless the manifest says otherwise) of its last review. Closed hazards are not reviewed.',
  *check({ register, asOf }) {
    const months = register.manifest?.reviewPolicy?.hazardReviewMonths ?? DEFAULT_REVIEW_MONTHS;
    for (const h of register.hazards) {
      if (h.status === 'closed') continue;
      const { due, basis } = reviewDue(h, months);
      if (due >= asOf) continue;
      yield {
        at: h.source,
        below: h.nextReview ? ['nextReview'] : h.reviewed ? ['reviewed'] : ['raised'],
        record: h.id,
        message: `Hazard \`${h.id}\` was due for review on ${due} (${basis}) and is overdue as of ${asOf}.`,
        hint: 'Review the hazard with the CSO, then update `reviewed` (and `nextReview` if it has one).',
      };
    }
  },
});
