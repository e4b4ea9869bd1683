import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';

/**
 * `crr init` starts a register a CSO can validate at once, keeps its editor schema beside it, and
 * only ever creates: never into a folder with files, never inside another register.
 */

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));
function temp(files: Record<string, string> = {}) {
  const t = tempRegister(files);
  cleanups.push(t.cleanup);
  return t.dir;
}

/** Every file in a folder, path → bytes, to show a refused command changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const full = join(dir, name);
    if (statSync(full).isFile()) out[name] = readFileSync(full, 'utf8');
  }
  return out;
}

describe('crr init', () => {
  it('writes a register that validates with no errors and no warnings, and the schema its files name', async () => {
    const parent = temp();
    const r = await runCli(['init', 'my-icb', '--as-of', '2026-12-02'], { cwd: parent });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Started a register in my-icb/ as of 2026-12-02');
    expect(r.stdout).toContain('crr validate my-icb');

    const dir = join(parent, 'my-icb');
    const files = readdirSync(dir).sort();
    expect(files).toContain('register.schema.json');
    expect(files.filter((f) => f.endsWith('.yaml')).length).toBeGreaterThanOrEqual(6);
    for (const f of files.filter((f) => f.endsWith('.yaml'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      // The schema line names the file beside it, so it works wherever the register is kept.
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=register.schema.json');
      expect(text).not.toMatch(/\{\{[A-Z_]+\}\}/);
    }
    expect(readFileSync(join(dir, 'register.schema.json'), 'utf8')).toBe((await runCli(['schema'])).stdout);

    const v = await runCli(['validate', dir, '--format', 'json'], { today: '2026-12-02' });
    const out = JSON.parse(v.stdout);
    expect(out.diagnostics).toEqual([]);
    expect(v.code).toBe(0);
    expect(out.summary).toMatchObject({ errors: 0, warnings: 0, files: files.filter((f) => f.endsWith('.yaml')).length });
  });

  it('dates the starter from --as-of, so its reviews fall due a year on', async () => {
    const parent = temp();
    await runCli(['init', 'r', '--as-of', '2025-03-01'], { cwd: parent });
    const hazards = readFileSync(join(parent, 'r', 'hazards.yaml'), 'utf8');
    expect(hazards).toContain('reviewed: 2025-03-01');
    expect(readFileSync(join(parent, 'r', 'controls.yaml'), 'utf8')).toContain('expires: 2026-03-01');
    // A year and a half on, its reviews are overdue: the dates are real, not decoration.
    const late = await runCli(['validate', join(parent, 'r'), '--format', 'json'], { today: '2026-09-01' });
    expect(JSON.parse(late.stdout).diagnostics.length).toBeGreaterThan(0);
  });

  it('has the starter\'s parts a CSO is told to expect: one PCN, two practices on a profile, a concentrator pair, a clinical system, two hazards with controls', async () => {
    const parent = temp();
    await runCli(['init', 'r', '--as-of', '2026-12-02'], { cwd: parent });
    const r = await runCli(['analyse', join(parent, 'r'), '--format', 'json'], { today: '2026-12-02' });
    expect(r.code).toBe(0);
    const read = (f: string) => readFileSync(join(parent, 'r', f), 'utf8');
    expect(read('sites.yaml').match(/type: practice/g)).toHaveLength(2);
    expect(read('organisations.yaml').match(/type: pcn/g)).toHaveLength(1);
    expect(read('assets.yaml').match(/type: vpn-concentrator/g)).toHaveLength(2);
    expect(read('assets.yaml')).toContain('type: clinical-system');
    expect(read('hazards.yaml').match(/- id: HAZ-/g)).toHaveLength(2);
    expect(read('controls.yaml').match(/- id: CTL-/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('accepts an empty folder, and one holding only .git', async () => {
    const parent = temp();
    mkdirSync(join(parent, 'empty'));
    mkdirSync(join(parent, 'repo', '.git'), { recursive: true });
    expect((await runCli(['init', 'empty'], { cwd: parent })).code).toBe(0);
    expect((await runCli(['init', 'repo'], { cwd: parent })).code).toBe(0);
    expect(readdirSync(join(parent, 'repo'))).toContain('register.yaml');
  });

  it('refuses a folder that is not empty, and changes nothing in it', async () => {
    const parent = temp({ 'mine/notes.txt': 'my notes' });
    const before = snapshot(parent);
    const r = await runCli(['init', 'mine'], { cwd: parent });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`mine` is not empty (it holds `notes.txt`)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(parent)).toEqual(before);
  });

  it('refuses a path that is a file', async () => {
    const parent = temp({ 'register.yaml': 'x: 1' });
    const r = await runCli(['init', 'register.yaml'], { cwd: parent });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a folder');
    expect(readFileSync(join(parent, 'register.yaml'), 'utf8')).toBe('x: 1');
  });

  it('refuses a folder inside an existing register, whose validation would read the new files', async () => {
    const reg = temp({ 'register.yaml': MINIMAL_MANIFEST });
    const r = await runCli(['init', 'hazards/new'], { cwd: reg });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('would be inside the register at `.`');
    expect(readdirSync(reg)).toEqual(['register.yaml']);
  });

  it.skipIf(!existsSync('/proc/self'))('refuses a place where no folder can be made, at once (Node\'s recursive mkdir loops forever under /proc)', async () => {
    const r = await runCli(['init', '/proc/crr-test/register']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Could not create the folder `/proc/crr-test/register`');
  }, 5000);

  it('needs a folder name', async () => {
    const r = await runCli(['init']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dir');
  });
});

describe('crr schema --out', () => {
  it('writes the schema to a new file, and replaces a schema crr wrote', async () => {
    const dir = temp();
    const first = await runCli(['schema', '--out', 'register.schema.json'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('$schema=register.schema.json');
    writeFileSync(join(dir, 'register.schema.json'), readFileSync(join(dir, 'register.schema.json'), 'utf8').replace('"title"', '"title" '));
    expect((await runCli(['schema', '--out', 'register.schema.json'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'register.schema.json'), 'utf8')).toBe((await runCli(['schema'])).stdout);
  });

  it('never replaces a file that is not its schema', async () => {
    const dir = temp({ 'register.yaml': MINIMAL_MANIFEST, 'other.json': '{"$id":"https://example.org/x"}' });
    for (const target of ['register.yaml', 'other.json']) {
      const r = await runCli(['schema', '--out', target], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is not a schema crr wrote');
    }
    expect(readFileSync(join(dir, 'register.yaml'), 'utf8')).toBe(MINIMAL_MANIFEST);
  });

  it('lists a register\'s own risk scheme\'s levels when given the register', async () => {
    const scheme = `  riskScheme:
    name: Three by three
    likelihood:
      - { level: rare, description: Could occur but will not on most occasions. }
      - { level: possible, description: Possible. }
      - { level: likely, description: Expected in most cases. }
    severity:
      - { level: minor, description: Inconvenience or minor upset. }
      - { level: serious, description: Minor injury or significant distress. }
      - { level: grave, description: Death or permanent incapacity. }
    matrix:
      rare: [1, 1, 2]
      possible: [1, 2, 3]
      likely: [2, 3, 3]
    ratings:
      - { rating: 1, label: acceptable, acceptability: acceptable, text: No further action. }
      - { rating: 2, label: tolerable, acceptability: acceptable-with-justification, text: Justify it. }
      - { rating: 3, label: unacceptable, acceptability: unacceptable, text: Reduce the risk. }
`;
    const dir = temp({ 'register.yaml': MINIMAL_MANIFEST.replace('organisations:', `${scheme}organisations:`) });
    const v = await runCli(['validate', dir, '--format', 'json']);
    const schemeProblems = JSON.parse(v.stdout).diagnostics.filter((d: { code: string }) => ['CRR-E037', 'CRR-E038'].includes(d.code));
    expect(schemeProblems).toEqual([]);
    const r = await runCli(['schema', dir]);
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text).toContain('"rare"');
    expect(text).toContain('"grave"');
    expect(text).not.toContain('"catastrophic"');
  });
});
