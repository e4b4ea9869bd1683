import { latestApproval } from '../model/approval.js';
import { contentFingerprint } from '../report/content-fingerprint.js';
import { defineRule } from './rule.js';

/**
 * The CSO approves content, not a file: an approval names the content fingerprint it approved
 * (`crr fingerprint`). When the latest approval's fingerprint is not the register's content now,
 * the register says something nobody has approved, and the safety case must not read as if it had
 * been. A warning, not an error: a register is edited between approvals, and it is this warning
 * that keeps the change from passing unnoticed.
 */
export const approvalStale = defineRule({
  code: 'CRR-W077',
  name: 'approval-stale',
  severity: 'warning',
  title: 'The register has changed since its latest approval',
  explanation:
    'An approval records the content fingerprint the Clinical Safety Officer approved (`crr fingerprint` prints it). When the register\'s content is no longer that, the approval is for other content: the version in use has not been approved (DCB0129/DCB0160 document control). Have the changes approved and record a new approval with the new fingerprint, or revert them.',
  *check({ register }) {
    const m = register.manifest;
    const latest = latestApproval(m?.approvals);
    if (!m || !latest) return;
    const now = contentFingerprint(register);
    if (latest.fingerprint === now) return;
    yield {
      at: m.source,
      below: ['approvals', m.approvals!.indexOf(latest), 'fingerprint'],
      message: `The register has changed since version ${latest.version} was approved by ${latest.by} on ${latest.date}: the approval is of content \`${latest.fingerprint}\`, and the register's content is now \`${now}\`.`,
      hint: `Run \`crr fingerprint\` on the register and, once the CSO has approved the changes, record a new approval with that fingerprint and a new version; or revert the changes.`,
    };
  },
});
