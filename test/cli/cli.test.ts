import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue } from '@crr/core';
import { commands, generatedSections, main } from '@crr/cli';
import { runCli } from '../support/run-cli.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';
import { readmeExamples } from '../../scripts/readme-examples.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const badHazard = `${MINIMAL_MANIFEST}hazards:
  - id: HAZ-1
    title: Clinicians cannot open the patient record
    description: The VPN path fails.
    causes: [{ description: Concentrator saturates. }]
    effects: [No record]
    harms: [Wrong prescribing]
    initialRisk: { severity: major, likelihood: low }
    residualRisk: { severity: major, likelihood: high }
    additionalControls: []
    status: open
    owner: ICB
    raised: 2026-01-05
    nextReview: 2027-01-05
`;

describe('crr --help and --version', () => {
  it('lists every command from the option table', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of Object.keys(commands)) expect(r.stdout).toContain(`  ${name} `);
    expect(r.stdout).toContain('Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run.');
  });

  it('shows a command\'s options', async () => {
    const r = await runCli(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--format <pretty|json|github|sarif>');
    expect(r.stdout).toContain('--as-of <YYYY-MM-DD>');
  });

  it('prints the version of the package', async () => {
    const pkg = JSON.parse(readFileSync(`${root}/packages/cli/package.json`, 'utf8')) as { version: string };
    expect((await runCli(['--version'])).stdout).toBe(`crr ${pkg.version}\n`);
  });
});

describe('crr usage errors exit 2 with a hint', () => {
  it.each([
    [['valdate'], /`valdate` is not a crr command. Did you mean `validate`\?/],
    [['validate', '--fromat', 'json'], /has no option `--fromat`. Did you mean `--format`\?/],
    [['validate', '--format', 'xml'], /must be one of `pretty`, `json`, `github`, `sarif`, not `xml`/],
    [['validate', '--as-of', '21/11/2026'], /must be a real date written YYYY-MM-DD/],
    [['validate', '--as-of'], /needs a value/],
    [['validate', 'a', 'b'], /takes at most 1 argument/],
    [['validate', 'no/such/folder'], /There is no folder `no\/such\/folder`/],
  ])('%j', async (argv, message) => {
    const r = await runCli(argv, { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^crr: /);
  });
});

describe('crr validate', () => {
  it('exits 1 on errors, prints file:line:col CODE, a code frame, a hint and a summary', async () => {
    const reg = tempRegister({ 'register.yaml': badHazard });
    try {
      const r = await runCli(['validate', '.'], { cwd: reg.dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('register.yaml:19:19 CRR-E040 error Hazard `HAZ-1` is riskier after its controls than before');
      expect(r.stdout).toContain('> 19 |     residualRisk: { severity: major, likelihood: high }');
      expect(r.stdout).toMatch(/\n {2}hint: /);
      expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✖ \d+ errors?, \d+ warnings? in 1 file, 2 records \(as of 2026-11-21\)$/);
      expect(r.stdout).not.toMatch(/\u001b\[/);
    } finally {
      reg.cleanup();
    }
  });

  it('uses colour only when asked or on a terminal, never with NO_COLOR', async () => {
    const reg = tempRegister({ 'register.yaml': badHazard });
    try {
      expect((await runCli(['validate', reg.dir], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[31m/);
      expect((await runCli(['validate', reg.dir], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    } finally {
      reg.cleanup();
    }
  });

  it('--as-of changes what is overdue; the default is today', async () => {
    const reg = tempRegister({ 'register.yaml': badHazard });
    try {
      const early = await runCli(['validate', reg.dir, '--format', 'json', '--as-of', '2026-12-01']);
      const late = await runCli(['validate', reg.dir, '--format', 'json', '--as-of', '2027-02-01']);
      const today = await runCli(['validate', reg.dir, '--format', 'json'], { today: '2027-03-01' });
      const codes = (r: { stdout: string }) => (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
      expect(codes(early)).not.toContain('CRR-W047');
      expect(codes(late)).toContain('CRR-W047');
      expect(JSON.parse(today.stdout).asOf).toBe('2027-03-01');
    } finally {
      reg.cleanup();
    }
  });

  it('--format json is documented, stable output', async () => {
    const reg = tempRegister({ 'register.yaml': badHazard });
    try {
      const r = await runCli(['validate', reg.dir, '--format', 'json', '--as-of', '2026-11-21']);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out)).toEqual(['schemaVersion', 'tool', 'register', 'asOf', 'summary', 'diagnostics']);
      expect(out.register).toEqual({ id: 'test', title: 'Test register', version: '1.0' });
      const d = out.diagnostics.find((x: { code: string }) => x.code === 'CRR-E040');
      expect(d).toEqual({
        code: 'CRR-E040',
        severity: 'error',
        rule: 'residual-above-initial',
        file: 'register.yaml',
        line: 19,
        column: 19,
        record: 'HAZ-1',
        field: 'residualRisk',
        message: expect.stringContaining('riskier after its controls'),
        hint: expect.any(String),
      });
      expect(out.summary.errors).toBe(out.diagnostics.filter((x: { severity: string }) => x.severity === 'error').length);
    } finally {
      reg.cleanup();
    }
  });

  it('gives the same bytes whatever order the files were written in', async () => {
    const a = tempRegister({ 'register.yaml': MINIMAL_MANIFEST, 'z.yaml': 'hazards:\n  - { id: X }\n', 'a.yaml': 'sites:\n  - { id: Y }\n' });
    const b = tempRegister({ 'a.yaml': 'sites:\n  - { id: Y }\n', 'z.yaml': 'hazards:\n  - { id: X }\n', 'register.yaml': MINIMAL_MANIFEST });
    try {
      const ra = await runCli(['validate', '.'], { cwd: a.dir });
      const rb = await runCli(['validate', '.'], { cwd: b.dir });
      expect(ra.stdout).toBe(rb.stdout);
      expect(ra.stdout).toContain('a.yaml');
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });

  it('reports an internal error as a bug, without a stack trace', async () => {
    const reg = tempRegister({ 'register.yaml': MINIMAL_MANIFEST });
    let stderr = '';
    const code = await main(['validate', '.'], {
      stdout: { write: () => { throw new Error('disk full'); } },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: reg.dir,
      env: {},
    });
    reg.cleanup();
    expect(code).toBe(2);
    expect(stderr).toMatch(/^crr: internal error: disk full\n {2}This is a bug in crr/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('crr schema and crr rules', () => {
  it('schema prints the committed JSON Schema', async () => {
    const r = await runCli(['schema']);
    expect(r.stdout).toBe(readFileSync(`${root}/packages/core/schema/register.schema.json`, 'utf8'));
  });

  it('rules lists every code once', async () => {
    const r = await runCli(['rules', '--format', 'json']);
    const codes = (JSON.parse(r.stdout) as { code: string }[]).map((c) => c.code);
    expect(codes).toEqual(catalogue.map((c) => c.code));
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(catalogue.map((c) => c.name)).size).toBe(codes.length);
    // E an error, W a warning; G a guard or notice of `crr diff`, I an importer's error or warning.
    for (const c of catalogue) expect(c.code).toMatch(/^CRR-[GI]/.test(c.code) ? /^CRR-[GI]\d{3}$/ : c.severity === 'error' ? /^CRR-E\d{3}$/ : /^CRR-W\d{3}$/);
  });
});

describe('the README', () => {
  it('carries the generated rule catalogue and CLI reference (run `pnpm run gen:docs` to refresh)', () => {
    const readme = readFileSync(`${root}/README.md`, 'utf8');
    for (const [name, body] of Object.entries(generatedSections())) {
      expect(readme).toContain(`<!-- ${name}:start -->\n${body}<!-- ${name}:end -->`);
    }
  });

  it('shows real output of crr on the worked example (run `pnpm run gen:docs` to refresh)', async () => {
    const readme = readFileSync(`${root}/README.md`, 'utf8');
    const examples = await readmeExamples();
    expect(Object.keys(examples).length).toBeGreaterThanOrEqual(3);
    for (const [name, body] of Object.entries(examples)) {
      expect(readme).toContain(`<!-- ${name}:start -->\n${body}<!-- ${name}:end -->`);
    }
  });
});
