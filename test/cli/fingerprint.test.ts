/**
 * `crr fingerprint`: prints the content fingerprint an approval records, and the version; JSON
 * for tools; the diagnostics (exit 1) for a register with errors, never a stack trace; and it
 * writes nothing, to the register or anywhere else.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentFingerprint, validateFolder } from '@crr/core';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STALE = 'test/fixtures/rules/CRR-W077-approval-stale';
const AS_OF = '2026-11-21';

/** Every file below `dir` with its bytes' hash and modification time: to show nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[p] = `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${statSync(p).mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

describe('crr fingerprint', () => {
  it('prints the content fingerprint, the version and the latest approval, and writes nothing', async () => {
    const dir = join(root, STALE);
    const { register } = await validateFolder(dir, { asOf: AS_OF });
    const now = contentFingerprint(register);
    const before = snapshot(dir);
    const r = await runCli(['fingerprint', STALE, '--as-of', AS_OF], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      `Content fingerprint: ${now}\nVersion: 1.0.0\n` +
        'Approved: version 1.0.0, by Dr Asha Patel (Clinical Safety Officer) on 2026-11-04, as content 1aca7b6ced780516. The register has changed since (CRR-W077): once the changes are approved, record a new approval with this fingerprint.\n',
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('gives the same in JSON, in the register envelope', async () => {
    const r = await runCli(['fingerprint', STALE, '--format', 'json', '--as-of', AS_OF], { cwd: root });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      schemaVersion: 2,
      tool: { name: 'crr' },
      register: { id: 'north-downs-gp-it', version: '1.0.0' },
      version: '1.0.0',
      latestApproval: { version: '1.0.0', fingerprint: '1aca7b6ced780516', by: 'Dr Asha Patel', role: 'Clinical Safety Officer', date: '2026-11-04', matches: false },
    });
    expect(json.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(json.fingerprint).not.toBe('1aca7b6ced780516');
  });

  it('says when no approval is recorded, and when the latest approval is of this content', async () => {
    const reg = tempRegister({ 'register.yaml': MINIMAL_MANIFEST });
    try {
      const first = await runCli(['fingerprint', reg.dir, '--as-of', AS_OF]);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('Approved: no approval is recorded.');
      const fingerprint = /Content fingerprint: ([0-9a-f]{16})/.exec(first.stdout)![1]!;
      // Recording the approval does not change the fingerprint it records.
      const approved = MINIMAL_MANIFEST.replace(
        'organisations:',
        `  approvals:\n    - { version: "1.0", fingerprint: "${fingerprint}", by: Dr Test, role: Clinical Safety Officer, date: 2026-11-20 }\norganisations:`,
      );
      const reg2 = tempRegister({ 'register.yaml': approved });
      try {
        const second = await runCli(['fingerprint', reg2.dir, '--as-of', AS_OF]);
        expect(second.stdout).toBe(`Content fingerprint: ${fingerprint}\nVersion: 1.0\nApproved: version 1.0, by Dr Test (Clinical Safety Officer) on 2026-11-20. The register is the content approved.\n`);
        expect((await runCli(['validate', reg2.dir, '--as-of', AS_OF])).code).toBe(0);
      } finally {
        reg2.cleanup();
      }
    } finally {
      reg.cleanup();
    }
  });

  it('reports bad input as positioned diagnostics and exits 1, with no fingerprint and no stack trace', async () => {
    const reg = tempRegister({ 'register.yaml': MINIMAL_MANIFEST.replace('version: "1.0"', 'version: [1.0') });
    try {
      const r = await runCli(['fingerprint', reg.dir, '--as-of', AS_OF]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/register\.yaml:\d+:\d+ CRR-E0\d\d error /);
      expect(r.stdout).toContain('so it has no fingerprint to approve');
      expect(r.stdout).not.toContain('Content fingerprint');
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
      const json = await runCli(['fingerprint', reg.dir, '--format', 'json', '--as-of', AS_OF]);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ fingerprint: null, summary: { errors: 1 } });
    } finally {
      reg.cleanup();
    }
  });

  it('refuses a folder that does not exist (exit 2, with a hint)', async () => {
    const r = await runCli(['fingerprint', 'no/such/register'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no folder `no/such/register`.');
    expect(r.stderr).toContain('hint:');
  });
});
