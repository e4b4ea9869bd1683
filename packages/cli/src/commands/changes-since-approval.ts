import {
  analyse,
  approvalChanges,
  contentFingerprint,
  diffAnalysis,
  diffRegisters,
  findApprovedRevision,
  latestApproval,
  validateRead,
  type ChangesSinceApproval,
  type Register,
} from '@crr/core';
import { collectGarbage } from './collect-garbage.js';

/**
 * What changed since the approval in force, for the report's document control: the edge that
 * reads git, so that the core's report stays pure. Nothing when no approval is recorded or the
 * register is the content approved. Otherwise the newest commit (of the last
 * APPROVAL_SEARCH_LIMIT that changed the register folder) whose register has the approved
 * fingerprint is compared with the register now, as `crr diff` compares two revisions; or the
 * report says why it cannot be (no git, or the approved content not found). Reads only.
 */
export async function changesSinceApproval(register: Register, registerDir: string, asOf: string): Promise<ChangesSinceApproval | undefined> {
  const approval = latestApproval(register.manifest?.approvals);
  if (!approval || approval.fingerprint === contentFingerprint(register)) return undefined;
  // Loaded without the rules: only the content is compared, and the rules are the slow part.
  const load = (read: Parameters<typeof validateRead>[0]) => validateRead(read, { asOf, rules: [] }).register;
  const found = await findApprovedRevision({ cwd: registerDir, folder: '.', isApproved: (read) => contentFingerprint(load(read)) === approval.fingerprint });
  if (found.kind !== 'found') return found;
  const approved = load(found.read);
  const side = (label: string, r: Register) => ({ label, register: r, analysis: diffAnalysis(analyse(r, { asOf })) });
  const base = side(found.commit, approved);
  collectGarbage();
  const diff = diffRegisters(base, side('now', register), { asOf });
  return { kind: 'found', commit: found.commit, date: found.date, changes: approvalChanges(diff, approved, register) };
}
