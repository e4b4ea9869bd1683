import { defineRule } from './rule.js';

export const incidentDates = defineRule({
  code: 'CRR-E053',
  name: 'incident-dates',
  severity: 'error',
  title: 'An incident ends before it starts',
  explanation: 'An end date before the start date is a typing error in one of the two.',
  *check({ register }) {
    for (const i of register.incidents) {
      if (i.end === undefined || i.end >= i.start) continue;
      yield {
        at: i.source,
        below: ['end'],
        record: i.id,
        message: `Incident \`${i.id}\` ends on ${i.end}, before it starts on ${i.start}.`,
        hint: 'Correct one of the two dates.',
      };
    }
  },
});
