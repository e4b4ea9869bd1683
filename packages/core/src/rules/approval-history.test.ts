import { describe, expect, it } from 'vitest';
import { contentFingerprint } from '../report/content-fingerprint.js';
import { baseManifest, codes, findings, hazardYaml, lineOf, validateSnippet, yaml } from './test-register.js';

const CODE = 'CRR-E078';

const snippet = yaml`
  hazards:
    ${hazardYaml()}
`;
const NOW = contentFingerprint(validateSnippet(snippet).register);
const OLD = '0123456789abcdef';
const approval = (version: string, fingerprint: string, date: string) =>
  `  - { version: ${version}, fingerprint: "${fingerprint}", by: Dr Asha Patel, role: Clinical Safety Officer, date: ${date} }`;
const approvals = (...lines: string[]) => ['approvals:', ...lines].join('\n');

describe('approval-history (CRR-E078)', () => {
  it('passes approvals in date order, each version once', () => {
    expect(codes(snippet, { manifest: approvals(approval('1.0.0', OLD, '2026-06-01'), approval('1.1.0', NOW, '2026-11-04')) })).toEqual([]);
    // The same version approved again as the same content (a re-approval at review) is no contradiction.
    expect(codes(snippet, { manifest: approvals(approval('1.1.0', NOW, '2026-06-01'), approval('1.1.0', NOW, '2026-11-04')) })).toEqual([]);
  });

  it('reports an approval written after a later-dated one, at its date', () => {
    const manifest = approvals(approval('1.1.0', NOW, '2026-11-04'), approval('1.0.0', OLD, '2026-06-01'));
    const found = findings(CODE, snippet, { manifest });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'error', file: 'register.yaml', line: lineOf(baseManifest(manifest), 'version: 1.0.0, fingerprint'), field: 'approvals.date' });
    expect(found[0]!.message).toBe(
      'The approval of version 1.0.0 is dated 2026-06-01, but is written after the approval of version 1.1.0 dated 2026-11-04: the approvals are not in date order.',
    );
    // The latest by date (1.1.0) is the content now: nothing is stale.
    expect(codes(snippet, { manifest })).toEqual([CODE]);
  });

  it('reports one version approved twice as different content, at the second fingerprint', () => {
    const manifest = approvals(approval('1.0.0', OLD, '2026-06-01'), approval('1.0.0', NOW, '2026-11-04'));
    const found = findings(CODE, snippet, { manifest });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(baseManifest(manifest), NOW), field: 'approvals.fingerprint' });
    expect(found[0]!.message).toBe(`Version 1.0.0 is approved twice as different content: \`${OLD}\` on 2026-06-01, and \`${NOW}\` on 2026-11-04.`);
  });

  it('reports an approval dated after the as-of date', () => {
    const found = findings(CODE, snippet, { manifest: approvals(approval('1.0.0', NOW, '2026-12-01')) });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('The approval of version 1.0.0 is dated 2026-12-01, after the as-of date 2026-11-21.');
  });

  it('reports an older `approved` date that is not the latest approval\'s, at `approved`', () => {
    const manifest = `approved: 2026-06-01\n${approvals(approval('1.0.0', NOW, '2026-11-04'))}`;
    const found = findings(CODE, snippet, { manifest });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(baseManifest(manifest), 'approved:'), field: 'approved' });
    expect(found[0]!.message).toBe('`approved` says the register was approved on 2026-06-01, but the latest approval (version 1.0.0) is dated 2026-11-04.');
    // The same date is the same fact, said twice.
    expect(codes(snippet, { manifest: `approved: 2026-11-04\n${approvals(approval('1.0.0', NOW, '2026-11-04'))}` })).toEqual([]);
  });
});
