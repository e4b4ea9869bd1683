import { describe, expect, it } from 'vitest';
import { contentFingerprint } from '../report/content-fingerprint.js';
import { baseManifest, codes, findings, hazardYaml, lineOf, validateSnippet, yaml } from './test-register.js';

const CODE = 'CRR-W077';

const hazards = (fields: Record<string, string | undefined> = {}) => yaml`
  hazards:
    ${hazardYaml(fields)}
`;
const approval = (version: string, fingerprint: string, date: string) =>
  `  - { version: ${version}, fingerprint: "${fingerprint}", by: Dr Asha Patel, role: Clinical Safety Officer, date: ${date} }`;
const approvals = (...lines: string[]) => ['approvals:', ...lines].join('\n');

/** The content fingerprint of the test register holding `snippet` (approvals are not content). */
const fingerprintOf = (snippet: string) => contentFingerprint(validateSnippet(snippet).register);

describe('approval-stale (CRR-W077)', () => {
  it('says nothing when the latest approval is of the register\'s content now', () => {
    const snippet = hazards();
    const manifest = approvals(approval('1.0.0', fingerprintOf(snippet), '2026-11-04'));
    expect(codes(snippet, { manifest })).toEqual([]);
  });

  it('warns when the register changed since, at the latest approval\'s fingerprint', () => {
    const approved = fingerprintOf(hazards());
    const changed = hazards({ owner: 'CSU network team' });
    const manifest = approvals(approval('1.0.0', approved, '2026-11-04'));
    const found = findings(CODE, changed, { manifest });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'warning', file: 'register.yaml', line: lineOf(baseManifest(manifest), approved), field: 'approvals.fingerprint' });
    expect(found[0]!.message).toBe(
      `The register has changed since version 1.0.0 was approved by Dr Asha Patel on 2026-11-04: the approval is of content \`${approved}\`, and the register's content is now \`${fingerprintOf(changed)}\`.`,
    );
    expect(found[0]!.hint).toContain('crr fingerprint');
    expect(codes(changed, { manifest })).toEqual([CODE]);
  });

  it('judges the latest approval by date, not an older one that matched', () => {
    const snippet = hazards();
    const now = fingerprintOf(snippet);
    const manifest = approvals(approval('1.0.0', now, '2026-06-01'), approval('1.1.0', '0123456789abcdef', '2026-11-04'));
    const found = findings(CODE, snippet, { manifest });
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(lineOf(baseManifest(manifest), '0123456789abcdef'));
    // And the other way round: the latest matches, an older one does not.
    expect(codes(snippet, { manifest: approvals(approval('1.0.0', '0123456789abcdef', '2026-06-01'), approval('1.1.0', now, '2026-11-04')) })).toEqual([]);
  });

  it('says nothing for a register without approvals, or with only the older `approved` date', () => {
    expect(codes(hazards())).toEqual([]);
    expect(codes(hazards(), { manifest: 'approved: 2026-11-04' })).toEqual([]);
  });

  it('refuses a fingerprint that is not 16 hex digits as a shape error, not a stale approval', () => {
    const found = validateSnippet(hazards(), { manifest: approvals(approval('1.0.0', 'ABC', '2026-11-04')) }).diagnostics;
    expect(found.map((d) => d.code)).toEqual(['CRR-E021']);
    expect(found[0]!.hint).toContain('16 hex digits');
  });
});
