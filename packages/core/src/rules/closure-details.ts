import { defineRule } from './rule.js';

/**
 * A closed hazard leaves the review cycle and the safety case's open work, so the log must say
 * when it was closed and on what grounds: a reviewer reads the reason, not the status alone.
 */
export const closureDetails = defineRule({
  code: 'CRR-E073',
  name: 'closure-details',
  severity: 'error',
  title: 'A hazard\'s closure is missing or contradicts it',
  explanation:
    'A hazard is closed only when all its actions are complete and its controls are shown to work, and the log records when and why (`closure: { date, reason }`). A closure on a hazard that is not closed, or dated before the hazard was raised or after the as-of date, is a contradiction the safety case cannot rest on.',
  *check({ register, asOf }) {
    for (const h of register.hazards) {
      const { closure } = h;
      if (h.status === 'closed' && !closure) {
        yield {
          at: h.source,
          below: ['status'],
          record: h.id,
          message: `Hazard \`${h.id}\` is closed but does not record when or why.`,
          hint: 'Add `closure: { date: …, reason: … }`: the day it was closed, and the actions done and controls verified that let it close.',
        };
      } else if (closure && h.status !== 'closed') {
        yield {
          at: h.source,
          below: ['closure'],
          record: h.id,
          message: `Hazard \`${h.id}\` records a closure on ${closure.date}, but its status is \`${h.status}\`.`,
          hint: 'If it was reopened, remove `closure` and record why in an action; if it is closed, set `status: closed`.',
        };
      } else if (closure && closure.date < h.raised) {
        yield {
          at: h.source,
          below: ['closure', 'date'],
          record: h.id,
          message: `Hazard \`${h.id}\` was closed on ${closure.date}, before it was raised on ${h.raised}.`,
          hint: 'Correct one of the two dates.',
        };
      } else if (closure && closure.date > asOf) {
        yield {
          at: h.source,
          below: ['closure', 'date'],
          record: h.id,
          message: `Hazard \`${h.id}\` was closed on ${closure.date}, after the as-of date ${asOf}.`,
          hint: 'A hazard is closed once its actions are done: keep it open until then, or correct the date.',
        };
      }
    }
  },
});
