import { addMonths } from '../dates.js';
import type { Hazard } from '../model/hazard.js';
import type { Register } from '../model/register.js';
import { defineRule } from './rule.js';

/** The default review interval when the manifest's review policy names none. */
export const DEFAULT_REVIEW_MONTHS = 12;

/** When a hazard is next due for review: its own date, or the policy interval after its last review. */
export function reviewDue(hazard: Pick<Hazard, 'nextReview' | 'reviewed' | 'raised'>, months: number): { due: string; basis: string } {
  if (hazard.nextReview) return { due: hazard.nextReview, basis: 'its `nextReview` date' };
  const last = hazard.reviewed ?? hazard.raised;
  return { due: addMonths(last, months), basis: `${months} months after its ${hazard.reviewed ? 'last review' : 'raising'} on ${last}` };
}

/** The review interval in months: the manifest's policy, or the default. */
export function reviewMonths(register: Pick<Register, 'manifest'>): number {
  return register.manifest?.reviewPolicy?.hazardReviewMonths ?? DEFAULT_REVIEW_MONTHS;
}

/**
 * Whether a hazard is overdue for review as of `asOf`: open or transferred, and its due date
 * passed. The one test the rule and the report share.
 */
export function isReviewOverdue(hazard: Pick<Hazard, 'status' | 'nextReview' | 'reviewed' | 'raised'>, months: number, asOf: string): boolean {
  return hazard.status !== 'closed' && reviewDue(hazard, months).due < asOf;
}

export const reviewOverdue = defineRule({
  code: 'CRR-W047',
  name: 'review-overdue',
  severity: 'warning',
  title: 'A hazard is overdue for review',
  explanation:
    'Every hazard is reviewed by its `nextReview` date, or within the review policy\'s interval (12 months unless the manifest says otherwise) of its last review. Closed hazards are not reviewed.',
  *check({ register, asOf }) {
    const months = reviewMonths(register);
    for (const h of register.hazards) {
      if (!isReviewOverdue(h, months, asOf)) continue;
      const { due, basis } = reviewDue(h, months);
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
