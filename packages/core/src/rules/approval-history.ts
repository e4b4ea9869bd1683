import { latestApproval } from '../model/approval.js';
import { defineRule } from './rule.js';

/**
 * The approvals are the register's version history (DCB0129/DCB0160 configuration control), so
 * they must read as one: written in date order, none in the future, each version approved as one
 * content, and an older `approved` date that agrees with them.
 */
export const approvalHistory = defineRule({
  code: 'CRR-E078',
  name: 'approval-history',
  severity: 'error',
  title: 'The approvals do not make a version history',
  explanation:
    'The approvals are the audit trail of the register\'s versions. An approval written after a later-dated one, an approval dated after the as-of date, one version approved twice as different content, or an `approved` date that is not the latest approval\'s, leaves the reader unable to tell which content was approved when.',
  *check({ register, asOf }) {
    const m = register.manifest;
    const approvals = m?.approvals;
    if (!m || !approvals?.length) return;
    const firstOfVersion = new Map<string, { fingerprint: string; date: string }>();
    for (const [i, a] of approvals.entries()) {
      const before = approvals[i - 1];
      const first = firstOfVersion.get(a.version);
      if (!first) firstOfVersion.set(a.version, { fingerprint: a.fingerprint, date: a.date });
      if (before && a.date < before.date) {
        yield {
          at: m.source,
          below: ['approvals', i, 'date'],
          message: `The approval of version ${a.version} is dated ${a.date}, but is written after the approval of version ${before.version} dated ${before.date}: the approvals are not in date order.`,
          hint: 'Write the approvals oldest first, as the version history reads; or correct the date.',
        };
      } else if (a.date > asOf) {
        yield {
          at: m.source,
          below: ['approvals', i, 'date'],
          message: `The approval of version ${a.version} is dated ${a.date}, after the as-of date ${asOf}.`,
          hint: 'Record an approval once it is given; or correct the date.',
        };
      } else if (first && first.fingerprint !== a.fingerprint) {
        yield {
          at: m.source,
          below: ['approvals', i, 'fingerprint'],
          message: `Version ${a.version} is approved twice as different content: \`${first.fingerprint}\` on ${first.date}, and \`${a.fingerprint}\` on ${a.date}.`,
          hint: 'Content that changed is a new version: give this approval a new `version`, and the manifest the same.',
        };
      }
    }
    const latest = latestApproval(approvals)!;
    if (m.approved !== undefined && m.approved !== latest.date) {
      yield {
        at: m.source,
        below: ['approved'],
        message: `\`approved\` says the register was approved on ${m.approved}, but the latest approval (version ${latest.version}) is dated ${latest.date}.`,
        hint: 'Remove `approved`: the approvals say who approved which version, and when. Or make the two dates agree.',
      };
    }
  },
});
