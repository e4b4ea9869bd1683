import { cpSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue } from '@crr/core';
import { beyondExampleWarnings } from '../support/example-warnings.js';
import { runCli } from '../support/run-cli.js';
import { tempRegister } from '../support/temp-register.js';

/** `crr validate --format github`: GitHub Actions workflow commands, one per diagnostic. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const AS_OF = '2026-11-21';

const fixtureDirs = readdirSync(join(root, 'test/fixtures/rules'))
  .filter((name) => statSync(join(root, 'test/fixtures/rules', name)).isDirectory())
  .sort()
  .map((name) => `test/fixtures/rules/${name}`);

interface JsonDiagnostic {
  code: string;
  severity: 'error' | 'warning';
  rule: string;
  file: string | null;
  line: number | null;
  column: number | null;
  message: string;
  hint: string | null;
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

describe('crr validate --format github', () => {
  describe.each([...fixtureDirs, 'registers/example-icb'])('%s', (dir) => {
    it('prints one workflow command per diagnostic, then the counts, and exits as pretty does', async () => {
      const argv = ['validate', dir, '--as-of', AS_OF];
      const [github, again, json, pretty] = await Promise.all([
        runCli([...argv, '--format', 'github'], { cwd: root }),
        runCli([...argv, '--format', 'github'], { cwd: root }),
        runCli([...argv, '--format', 'json'], { cwd: root }),
        runCli(argv, { cwd: root }),
      ]);
      expect(github.stderr).toBe('');
      expect(again.stdout).toBe(github.stdout);
      const report = JSON.parse(json.stdout) as { summary: { errors: number; warnings: number }; diagnostics: JsonDiagnostic[] };
      expect(github.code).toBe(pretty.code);
      expect(github.code).toBe(report.summary.errors > 0 ? 1 : 0);

      expect(github.stdout.endsWith('\n')).toBe(true);
      const lines = github.stdout.slice(0, -1).split('\n');
      const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
      expect(lines.at(-1)).toBe(`::notice::crr: ${plural(report.summary.errors, 'error')}, ${plural(report.summary.warnings, 'warning')}`);
      const commands = lines.slice(0, -1);
      const expected = report.diagnostics.map(
        (d) => `::${d.severity} file=${dir}/${d.file},line=${d.line},col=${d.column},title=${d.code} ${d.rule}::${escapeData(d.hint ? `${d.message}\nHint: ${d.hint}` : d.message)}`,
      );
      expect([...commands].sort()).toEqual([...expected].sort());
      for (const c of commands) expect(c).toMatch(/^::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=CRR-[EW]\d{3} [a-z-]+::[^\r\n]+$/);
      if (dir.endsWith('/valid')) expect(github.stdout).toBe('::notice::crr: 0 errors, 0 warnings\n');
      if (dir === 'registers/example-icb') {
        expect(report.summary.errors).toBe(0);
        expect(beyondExampleWarnings(report.diagnostics)).toEqual([]);
        expect(lines.at(-1)).toBe(`::notice::crr: 0 errors, ${plural(report.summary.warnings, 'warning')}`);
      }
    });
  });

  it('exits 0 with warnings only, 1 with errors', async () => {
    const warning = catalogue.find((c) => c.code.startsWith('CRR-W') && Number(c.code.slice(5)) >= 20)!;
    const w = await runCli(['validate', `test/fixtures/rules/${warning.code}-${warning.name}`, '--format', 'github', '--as-of', AS_OF], { cwd: root });
    expect(w.code).toBe(0);
    expect(w.stdout).toMatch(/^::warning /);
    const e = await runCli(['validate', 'test/fixtures/rules/CRR-E040-residual-above-initial', '--format', 'github', '--as-of', AS_OF], { cwd: root });
    expect(e.code).toBe(1);
    expect(e.stdout).toMatch(/^::error /);
  });

  it('escapes , : and % in the file property, and names the folder for a problem with the whole register', async () => {
    const reg = tempRegister({});
    try {
      const name = 'regs, v1: 100%';
      mkdirSync(join(reg.dir, name));
      cpSync(join(root, 'test/fixtures/rules/CRR-E040-residual-above-initial/register.yaml'), join(reg.dir, name, 'register.yaml'));
      const r = await runCli(['validate', name, '--format', 'github', '--as-of', AS_OF], { cwd: reg.dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^::error file=regs%2C v1%3A 100%25\/register\.yaml,line=\d+,col=\d+,title=CRR-E040 residual-above-initial::/);

      mkdirSync(join(reg.dir, 'empty'));
      const empty = await runCli(['validate', 'empty', '--format', 'github'], { cwd: reg.dir });
      expect(empty.code).toBe(1);
      expect(empty.stdout).toMatch(/^::error file=empty,title=CRR-E001 no-register::The folder holds no register files/);
    } finally {
      reg.cleanup();
    }
  });

  it('is offered by --help, and a wrong format still exits 2', async () => {
    expect((await runCli(['validate', '--help'])).stdout).toContain('--format <pretty|json|github|sarif>');
    const r = await runCli(['validate', '--format', 'gihub'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must be one of `pretty`, `json`, `github`, `sarif`, not `gihub`. Did you mean `github`\?/);
  });
});
