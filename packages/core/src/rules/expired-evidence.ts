import { defineRule } from './rule.js';

export const expiredEvidence = defineRule({
  code: 'CRR-W046',
  name: 'expired-evidence',
  severity: 'warning',
  title: 'A control\'s evidence has all expired',
  explanation:
    'Evidence can expire: a failover test must be repeated, a continuity plan re-exercised. When every piece of a control\'s evidence has expired as of the as-of date, the control is no longer shown to work. Renew the evidence.',
  *check({ register, asOf }) {
    for (const c of register.controls) {
      const evidence = c.evidence ?? [];
      if (!evidence.length) continue;
      const current = evidence.some((e) => e.expires === undefined || e.expires >= asOf);
      if (current) continue;
      let latest = 0;
      evidence.forEach((e, i) => {
        if ((e.expires ?? '') > (evidence[latest]!.expires ?? '')) latest = i;
      });
      yield {
        at: c.source,
        below: ['evidence', latest, 'expires'],
        record: c.id,
        message: `All the evidence for control \`${c.id}\` has expired; the latest expired on ${evidence[latest]!.expires} (as of ${asOf}).`,
        hint: `Repeat the verification and record the new evidence${c.status === 'verified' ? ', or set the status back to `implemented`' : ''}.`,
      };
    }
  },
});
