import { z } from 'zod';
import { dateField, field, Text, textField } from './field.js';

/** A content fingerprint as `crr fingerprint` prints it: 16 lower-case hex digits. */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{16}$/;

/**
 * One approval of a version of the register by the CSO (DCB0129/DCB0160 document control): who,
 * in which role, when, and which content, by its fingerprint (`crr fingerprint`), so that a page
 * or a check can tell whether the register still says what was approved.
 */
export const Approval = z
  .strictObject({
    version: field(Text, 'The version of the register approved (the manifest\'s `version` when it was approved).', '2.1.0'),
    fingerprint: field(
      z.string().regex(FINGERPRINT_PATTERN, 'Write the 16 hex digits `crr fingerprint` prints, e.g. `3f9a1c0e7b2d4a65`.'),
      'The content fingerprint of the register approved, as `crr fingerprint` printed it (16 hex digits). Approvals and the old `approved` date are not part of the content, so recording this approval does not change it.',
      '3f9a1c0e7b2d4a65',
    ),
    by: textField('Who approved it: the Clinical Safety Officer, by name.', 'Dr Asha Patel'),
    role: textField('The approver\'s role.', 'Clinical Safety Officer'),
    date: dateField('The day it was approved.', '2026-06-01'),
    comment: textField('What this version changed, for the version history.', 'Concentrator migration and firewall firmware upgrade after the April 2026 incident.').optional(),
  })
  .meta({ description: 'An approval of one version of the register: who, role, date and the content fingerprint approved.' });
export type Approval = z.infer<typeof Approval>;

/**
 * The approvals in date order (the version history): by date, and in the order written for the
 * same date. The last is the one in force.
 */
export function approvalsInDateOrder<T extends { date: string }>(approvals: readonly T[] | undefined): T[] {
  return (approvals ?? []).map((a, i) => ({ a, i })).sort((x, y) => (x.a.date < y.a.date ? -1 : x.a.date > y.a.date ? 1 : x.i - y.i)).map(({ a }) => a);
}

/** The approval in force: the latest by date (the last written, among the same date), if any. */
export function latestApproval<T extends { date: string }>(approvals: readonly T[] | undefined): T | undefined {
  return approvalsInDateOrder(approvals).at(-1);
}
