import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { canonical } from '../diff/fingerprint.js';
import { validateFolder } from '../index.js';
import type { Register } from '../model/register.js';
import { contentFingerprint } from './content-fingerprint.js';

const example = fileURLToPath(new URL('../../../../registers/example-icb', import.meta.url));
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

async function fingerprintOf(edit?: (dir: string) => void, asOf = '2026-11-21'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'crr-fingerprint-'));
  temps.push(dir);
  cpSync(example, dir, { recursive: true });
  edit?.(dir);
  const { register } = await validateFolder(dir, { asOf });
  return contentFingerprint(register);
}

/** One of the example's hazard files, to edit. */
function hazardsFile(dir: string): string {
  return join(dir, 'hazards', 'network.yaml');
}

describe('contentFingerprint', () => {
  it('is 16 hex digits, the same for the same content whatever the as-of date, comments or layout', async () => {
    const plain = await fingerprintOf();
    expect(plain).toMatch(/^[0-9a-f]{16}$/);
    expect(await fingerprintOf(undefined, '2027-06-01')).toBe(plain);
    // A comment and blank lines move every record's source line, not its content.
    expect(await fingerprintOf((d) => writeFileSync(hazardsFile(d), `# a comment\n\n${readFileSync(hazardsFile(d), 'utf8')}`))).toBe(plain);
  });

  it('changes when a record changes', async () => {
    const plain = await fingerprintOf();
    const edited = await fingerprintOf((d) => writeFileSync(hazardsFile(d), readFileSync(hazardsFile(d), 'utf8').replace(/owner: ([^\n]+)/, 'owner: Someone else')));
    expect(edited).not.toBe(plain);
  });
});

describe('contentFingerprint and approvals', () => {
  const manifestFile = (d: string) => join(d, 'register.yaml');
  const approval = (fingerprint: string) =>
    `\n  approvals:\n    - { version: 9.9.9, fingerprint: "${fingerprint}", by: Dr Test, role: Clinical Safety Officer, date: 2026-11-20 }\n`;
  const withoutApprovals = (d: string) => {
    // The example's own approvals and `approved` date removed: the content alone.
    const text = readFileSync(manifestFile(d), 'utf8').replace(/\n  approved: [^\n]*/, '').replace(/\n  approvals:\n(    [^\n]*\n|      [^\n]*\n)*/, '\n');
    writeFileSync(manifestFile(d), text);
  };

  it('leaves out the approvals and the `approved` date: recording an approval does not change what it approves', async () => {
    const bare = await fingerprintOf(withoutApprovals);
    expect(await fingerprintOf()).toBe(bare);
    const approved = await fingerprintOf((d) => {
      withoutApprovals(d);
      writeFileSync(manifestFile(d), readFileSync(manifestFile(d), 'utf8').replace(/\n  reviewPolicy:/, `${approval(bare)}  approved: 2026-11-20\n  reviewPolicy:`));
    });
    expect(approved).toBe(bare);
  });

  it('still changes with the rest of the manifest (its version)', async () => {
    const bare = await fingerprintOf(withoutApprovals);
    expect(await fingerprintOf((d) => writeFileSync(manifestFile(d), readFileSync(manifestFile(d), 'utf8').replace(/version: [^\s#]+/, 'version: 9.9.9')))).not.toBe(bare);
  });
});

describe('contentFingerprint\'s text', () => {
  it('is diff/fingerprint.ts\'s canonical JSON (keys sorted at every level, `source` left out)', () => {
    const manifest = { b: [1, { d: 2, c: undefined, source: { line: 3 } }], a: 'x', source: { file: 'f' } };
    const approvals = [{ version: '1', fingerprint: '0123456789abcdef', by: 'x', role: 'y', date: '2026-01-01' }];
    const expected = createHash('sha256');
    for (const key of ['manifest', 'scheme', 'organisations', 'sites', 'services', 'assets', 'profiles', 'hazards', 'controls', 'incidents', 'acceptances', 'scenarios'])
      expected.update(`${JSON.stringify(key)}:${key === 'manifest' ? canonical(manifest) : key === 'assets' ? '[]' : 'null'}\n`);
    const digest = expected.digest('hex').slice(0, 16);
    expect(contentFingerprint({ manifest, assets: [] } as unknown as Register)).toBe(digest);
    // Approvals and the `approved` date are not content.
    expect(contentFingerprint({ manifest: { ...manifest, approvals, approved: '2026-01-01' }, assets: [] } as unknown as Register)).toBe(digest);
  });
});
