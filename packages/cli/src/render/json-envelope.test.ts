import { fileURLToPath } from 'node:url';
import { loadRegister } from '@crr/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/support/run-cli.js';
import { MINIMAL_MANIFEST, tempRegister } from '../../../../test/support/temp-register.js';
import { CLI_VERSION } from '../version.js';
import { jsonEnvelope, registerEnvelope, registerHead } from './json-envelope.js';

const example = fileURLToPath(new URL('../../../../registers/example-icb', import.meta.url));

describe('jsonEnvelope', () => {
  it('puts the format version and the tool first, then the body in its order', () => {
    const doc = jsonEnvelope({ verdict: 'pass', guards: [] });
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'verdict', 'guards']);
    expect(doc).toEqual({ schemaVersion: 2, tool: { name: 'crr', version: CLI_VERSION }, verdict: 'pass', guards: [] });
  });

  it('names the register by its manifest: id, title, version and nothing else', () => {
    const { register } = loadRegister([{ path: 'register.yaml', bytes: new TextEncoder().encode(MINIMAL_MANIFEST) }]);
    expect(registerHead(register)).toEqual({ id: 'test', title: 'Test register', version: '1.0' });
    const doc = registerEnvelope(register, { asOf: '2026-11-21' });
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'register', 'asOf']);
  });

  it('writes null for a register with no manifest', () => {
    const { register } = loadRegister([]);
    expect(registerHead(register)).toBeNull();
    expect(registerEnvelope(register, {}).register).toBeNull();
  });
});

describe('every JSON output of the CLI has the same envelope', () => {
  const broken = tempRegister({ 'register.yaml': MINIMAL_MANIFEST, 'hazards/h.yaml': 'hazards:\n  - id: [\n' });
  // A diff analyses both sides: two small registers keep it quick.
  const small = tempRegister({ 'base/register.yaml': MINIMAL_MANIFEST, 'head/register.yaml': MINIMAL_MANIFEST });
  afterAll(() => {
    broken.cleanup();
    small.cleanup();
  });
  const asOf = ['--as-of', '2026-11-21'];
  const head = `{\n  "schemaVersion": 2,\n  "tool": {\n    "name": "crr",\n    "version": "${CLI_VERSION}"\n  },\n`;

  it.each([
    ['validate', ['validate', example, '--format', 'json', ...asOf], 0, 'asOf'],
    ['analyse', ['analyse', example, '--format', 'json', ...asOf], 0, 'asOf'],
    ['analyse, with errors', ['analyse', broken.dir, '--format', 'json', ...asOf], 1, 'asOf'],
    ['what-if', ['what-if', example, '--fail', 'vpn-a', '--format', 'json', ...asOf], 0, 'asOf'],
    ['diff', ['diff', `${small.dir}/base`, `${small.dir}/head`, '--format', 'json', ...asOf], 0, 'verdict'],
  ] as const)('%s', async (_name, argv, code, afterHead) => {
    const r = await runCli([...argv]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(code);
    expect(r.stdout.startsWith(head)).toBe(true);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    const keys = Object.keys(doc);
    // About one register: it comes right after the head; a diff is about two, named in its body.
    const body = keys[2] === 'register' ? keys.slice(3) : keys.slice(2);
    expect(body[0]).toBe(afterHead);
    if (argv[0] !== 'diff') expect(doc.register).toMatchObject({ id: expect.any(String), title: expect.any(String), version: expect.any(String) });
  });
});
