/**
 * The document-control view: the approval in force, whether the register is its content, the one
 * line that says what is known of the changes since, and the version history in date order.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../analysis/analyse.js';
import { approvalChanges } from '../../diff/approval-changes.js';
import { diffAnalysis } from '../../diff/diff-analysis.js';
import { diffRegisters } from '../../diff/register-diff.js';
import type { Register } from '../../model/register.js';
import { AS_OF, hazardYaml, validateSnippet, yaml } from '../../rules/test-register.js';
import { buildReport } from '../build-report.js';
import { contentFingerprint } from '../content-fingerprint.js';
import type { ChangesSinceApproval } from './document-control-view.js';

const hazards = (fields: Record<string, string | undefined> = {}) => yaml`
  hazards:
    ${hazardYaml(fields)}
`;
const approval = (version: string, fingerprint: string, date: string, comment = '') =>
  `  - { version: ${version}, fingerprint: "${fingerprint}", by: Dr Asha Patel, role: Clinical Safety Officer, date: ${date}${comment ? `, comment: ${comment}` : ''} }`;
const registerOf = (snippet: string, manifest = '') => validateSnippet(snippet, { manifest }).register;
const NOW = contentFingerprint(registerOf(hazards()));
const OLD = '0123456789abcdef';
const view = (register: Register, changes?: ChangesSinceApproval) =>
  buildReport(register, { asOf: AS_OF, tool: 'test', ...(changes ? { changesSinceApproval: changes } : {}) }).report.documentControl;

describe('documentControlView', () => {
  it('shows the latest approval by date and the history in date order, and no changes when the content is the approved', () => {
    const dc = view(registerOf(hazards(), ['approvals:', approval('1.0.0', OLD, '2026-06-01', 'First issue.'), approval('1.1.0', NOW, '2026-11-04')].join('\n')));
    expect(dc).toMatchObject({ fingerprint: NOW, version: '1.0.0', matches: true, approval: { version: '1.1.0', by: 'Dr Asha Patel', date: '2026-11-04', isContentNow: true } });
    expect(dc.changes).toBeUndefined();
    expect(dc.history.map((a) => [a.version, a.comment ?? null, a.isContentNow])).toEqual([
      ['1.0.0', 'First issue.', false],
      ['1.1.0', null, true],
    ]);
  });

  it('says in one line what is known of the changes when the content is not the approved', () => {
    const register = registerOf(hazards(), ['approvals:', approval('1.0.0', OLD, '2026-11-04')].join('\n'));
    const line = (changes?: ChangesSinceApproval) => view(register, changes).changes!.line;
    expect(view(register).matches).toBe(false);
    expect(line()).toBe('What changed since is not listed: this report was built without reading the register\'s git history.');
    expect(line({ kind: 'no-git', why: 'not-a-repository' })).toBe('What changed since cannot be listed: the register is not in a git repository.');
    expect(line({ kind: 'no-git', why: 'git-missing' })).toBe('What changed since cannot be listed: git could not be run to read the register\'s history.');
    expect(line({ kind: 'not-found', searched: 200, limit: 200, shallow: false })).toBe(
      'What changed since cannot be listed: the approved content is not in the last 200 commits that changed the register, where the search stops.',
    );
    expect(line({ kind: 'not-found', searched: 12, limit: 200, shallow: true })).toBe(
      'What changed since cannot be listed: the approved content is not in any of the 12 commits that changed the register (this is a shallow clone: fetch the full history).',
    );
    expect(line({ kind: 'not-found', searched: 0, limit: 200, shallow: false })).toBe('What changed since cannot be listed: no commit in the git history has changed the register yet.');
    const found = view(register, { kind: 'found', commit: 'abcdef0123456789abcdef0123456789abcdef01', date: '2026-11-01', changes: [{ text: 'Hazard HAZ-001 changed: owner.', hazard: 'HAZ-001' }, { text: 'Hazard removed: HAZ-009, Gone.', hazard: 'HAZ-009' }] });
    expect(found.changes).toMatchObject({ line: 'The approved content is that of commit abcdef012345 (2026-11-01). Changed since:', commit: 'abcdef012345' });
    // A hazard with a page is linked; one without (removed) is not.
    expect(found.changes!.items[0]!.hazard).toMatchObject({ id: 'HAZ-001' });
    expect(found.changes!.items[1]!.hazard).toBeUndefined();
  });

  it('keeps the older `approved` date when no approval is recorded', () => {
    const dc = view(registerOf(hazards(), 'approved: 2026-10-01'));
    expect(dc).toMatchObject({ approvedDate: '2026-10-01', matches: false, history: [] });
    expect(dc.approval).toBeUndefined();
    expect(dc.changes).toBeUndefined();
  });
});

describe('approvalChanges', () => {
  it('words the register diff: hazards, ratings, acceptances, then every part of the register that changed', () => {
    const side = (label: string, register: Register) => ({ label, register, analysis: diffAnalysis(analyse(register, { asOf: AS_OF })) });
    const approved = registerOf(hazards());
    const now = registerOf(
      yaml`
        hazards:
          ${hazardYaml({ owner: 'CSU network team', residualRisk: '{ severity: minor, likelihood: medium }', justification: 'Further reduction needs a third data centre.' })}
          ${hazardYaml({ id: 'HAZ-002', title: 'Telephony lost' })}
      `,
    );
    const diff = diffRegisters(side('approved', approved), side('now', now), { asOf: AS_OF });
    expect(approvalChanges(diff, approved, now).map((c) => c.text)).toEqual([
      'Hazard added: HAZ-002, Telephony lost.',
      'Hazard HAZ-001 changed: justification, owner, residualRisk.likelihood.',
      'Hazard HAZ-001\'s residual rating rose from 1 to 2.',
      'Parts of the register changed: hazards.',
    ]);
  });
});

describe('meta.approved, which the pages\' "Approved" rows show', () => {
  const meta = (manifest: string) => buildReport(registerOf(hazards(), manifest), { asOf: AS_OF, tool: 'test' }).report.meta;
  it('is the approval in force\'s date while the register is its content, and absent once it has changed', () => {
    expect(meta(['approvals:', approval('1.0.0', NOW, '2026-11-04')].join('\n')).approved).toBe('2026-11-04');
    expect(meta(['approvals:', approval('1.0.0', OLD, '2026-11-04')].join('\n')).approved).toBeUndefined();
  });
  it('is the older `approved` date when no approval is recorded', () => {
    expect(meta('approved: 2026-10-01').approved).toBe('2026-10-01');
  });
});
