import { defineRule } from './rule.js';

export const evidenceDates = defineRule({
  code: 'CRR-E054',
  name: 'evidence-dates',
  severity: 'error',
  title: 'Evidence expires before it was dated',
  explanation: 'An expiry before the evidence\'s own date is a typing error in one of the two dates.',
  *check({ register }) {
    for (const c of register.controls) {
      for (const [i, e] of (c.evidence ?? []).entries()) {
        if (e.expires === undefined || e.expires >= e.date) continue;
        yield {
          at: c.source,
          below: ['evidence', i, 'expires'],
          record: c.id,
          message: `Evidence for control \`${c.id}\` is dated ${e.date} but expires earlier, on ${e.expires}.`,
          hint: 'Correct one of the two dates.',
        };
      }
    }
  },
});
