import { defineRule } from './rule.js';

export const acceptanceDates = defineRule({
  code: 'CRR-E072',
  name: 'acceptance-dates',
  severity: 'error',
  title: 'An acceptance ends before it was given',
  explanation: 'An acceptance `until` a day before its own `date` never held: one of the two dates is a typing error.',
  *check({ register }) {
    for (const a of register.acceptances) {
      if (a.until === undefined || a.until >= a.date) continue;
      yield {
        at: a.source,
        below: ['until'],
        record: a.id,
        message: `Acceptance \`${a.id}\` of hazard \`${a.hazard}\` was given on ${a.date} but ends earlier, on ${a.until}.`,
        hint: 'Correct one of the two dates.',
      };
    }
  },
});
