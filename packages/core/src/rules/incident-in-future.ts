import { defineRule } from './rule.js';

export const incidentInFuture = defineRule({
  code: 'CRR-E048',
  name: 'incident-in-future',
  severity: 'error',
  title: 'An incident is dated after the as-of date',
  explanation: 'An incident log records what has happened. A start date after the as-of date is a typing error (often the year).',
  *check({ register, asOf }) {
    for (const i of register.incidents) {
      if (i.start <= asOf) continue;
      yield {
        at: i.source,
        below: ['start'],
        record: i.id,
        message: `Incident \`${i.id}\` starts on ${i.start}, after the as-of date ${asOf}.`,
        hint: 'Correct the date; to judge the register at another date, pass `--as-of`.',
      };
    }
  },
});
