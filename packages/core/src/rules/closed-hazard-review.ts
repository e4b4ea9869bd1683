import { defineRule } from './rule.js';

/**
 * Closed hazards leave the review cycle (CRR-W047 skips them, and the report shows their
 * closure instead of a review date), so a `nextReview` on one is never acted on: a reader
 * would take it for a review that will happen.
 */
export const closedHazardReview = defineRule({
  code: 'CRR-W074',
  name: 'closed-hazard-review',
  severity: 'warning',
  title: 'A closed hazard names a next review',
  explanation:
    'A closed hazard is not reviewed again; if something changes, it is reopened and reassessed. A `nextReview` date on a closed hazard promises a review nobody will be asked for.',
  *check({ register }) {
    for (const h of register.hazards) {
      if (h.status !== 'closed' || !h.nextReview) continue;
      yield {
        at: h.source,
        below: ['nextReview'],
        record: h.id,
        message: `Hazard \`${h.id}\` is closed but names a next review on ${h.nextReview}.`,
        hint: 'Remove `nextReview`. If the hazard still needs watching, keep it open.',
      };
    }
  },
});
