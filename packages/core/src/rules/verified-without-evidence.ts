import { defineRule } from './rule.js';

export const verifiedWithoutEvidence = defineRule({
  code: 'CRR-E045',
  name: 'verified-without-evidence',
  severity: 'error',
  title: 'A control is marked verified with no evidence',
  explanation:
    'Verified means implemented and shown to work. The standards require evidence of that: a test report, an exercise of the continuity plan, a training record.',
  *check({ register }) {
    for (const c of register.controls) {
      if (c.status !== 'verified' || (c.evidence ?? []).length > 0) continue;
      yield {
        at: c.source,
        below: ['status'],
        record: c.id,
        message: `Control \`${c.id}\` is marked verified, but records no evidence that it works.`,
        hint: 'Add `evidence:` (what shows it works, its date and where to find it), or set the status to `implemented`.',
      };
    }
  },
});
