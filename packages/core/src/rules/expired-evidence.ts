import { defineRule } from './rule.js';

/** The part of a piece of evidence the expiry test reads. */
type Dated = { readonly expires?: string };

/** Whether one piece of evidence has expired as of `asOf` (evidence with no expiry never does). */
export function isEvidenceItemExpired(evidence: Dated, asOf: string): boolean {
  return evidence.expires !== undefined && evidence.expires < asOf;
}

/**
 * Whether a control's evidence has all expired as of `asOf`: it has some, and none is current.
 * The one test the rule, the report and the diff share, so they never disagree on a control.
 */
export function isEvidenceExpired(evidence: readonly Dated[] | undefined, asOf: string): boolean {
  const list = evidence ?? [];
  return list.length > 0 && list.every((e) => isEvidenceItemExpired(e, asOf));
}

/** The index of the piece that expired last (the first of equals), or -1 with no expiry at all. */
export function latestExpiryIndex(evidence: readonly Dated[] | undefined): number {
  let latest = -1;
  (evidence ?? []).forEach((e, i) => {
    if (e.expires !== undefined && (latest < 0 || e.expires > evidence![latest]!.expires!)) latest = i;
  });
  return latest;
}

/** The date a control's evidence last expired on, when any piece has an expiry. */
export function latestExpiry(evidence: readonly Dated[] | undefined): string | undefined {
  const i = latestExpiryIndex(evidence);
  return i < 0 ? undefined : evidence![i]!.expires;
}

export const expiredEvidence = defineRule({
  code: 'CRR-W046',
  name: 'expired-evidence',
  severity: 'warning',
  title: 'A control\'s evidence has all expired',
  explanation:
    'Evidence can expire: a failover test must be repeated, a continuity plan re-exercised. When every piece of a control\'s evidence has expired as of the as-of date, the control is no longer shown to work. Renew the evidence.',
  *check({ register, asOf }) {
    for (const c of register.controls) {
      if (!isEvidenceExpired(c.evidence, asOf)) continue;
      const evidence = c.evidence!;
      const latest = latestExpiryIndex(evidence);
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
