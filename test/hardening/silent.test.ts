/**
 * Issue 8, class 9: what a register could hold that crr used to accept without a word. Each case
 * runs the real binary on a temporary register and shows that it is now reported, with its code,
 * file and (where there is one) line: a FIFO or socket named `*.yaml` (which crr used to open and
 * wait on forever), folders the walk skips, organisations that sit under themselves, capacity
 * counted in a unit no demand gives, and required text that is only white space.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { readRegisterAtRevision, readRegisterFolder, registerJsonSchema } from '@crr/core';
import { afterEach, describe, expect, it } from 'vitest';
import { beyondExampleWarnings } from '../support/example-warnings.js';
import { expectClean, folderFingerprint, REPO, runBin, type BinRun } from '../support/run-bin.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';

const AS_OF = '2026-11-21';
const LIMIT = { timeoutMs: 10_000 };

interface Shown {
  code: string;
  severity: string;
  file?: string;
  line?: number | null; // null in JSON when the problem is the file itself
  record?: string;
  field?: string;
  message: string;
  hint: string;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function register(files: Record<string, string>): string {
  const { dir, cleanup } = tempRegister(files);
  cleanups.push(cleanup);
  return dir;
}

/** A copy of the worked example, to add hostile entries to. */
function example(): string {
  const dir = register({});
  cpSync(join(REPO, 'registers/example-icb'), dir, { recursive: true });
  return dir;
}

function validate(dir: string): { run: BinRun; diagnostics: Shown[] } {
  const run = runBin(['validate', dir, '--as-of', AS_OF, '--format', 'json'], LIMIT);
  expectClean(run, `crr validate ${dir}`);
  return { run, diagnostics: (JSON.parse(run.stdout) as { diagnostics: Shown[] }).diagnostics };
}

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe('special files named *.yaml (CRR-E012)', () => {
  // The time limit is a guard against waiting, not a benchmark: on a busy machine the binary alone
  // may take a second or more to start, so a run is compared with the same run without the FIFO.
  const WAIT_MS = 2_000;

  it('reports a FIFO without opening it, in well under 2 s, and changes nothing', () => {
    const dir = register({ 'register.yaml': MINIMAL_MANIFEST, 'more/kept.yaml': 'sites: []\n' });
    const baseline = validate(dir).run;
    mkfifo(join(dir, 'pipe.yaml'));
    mkfifo(join(dir, 'more', 'pipe.yml'));
    const before = folderFingerprint(dir);
    const { run, diagnostics } = validate(dir);
    // Before: readFileSync waited on the FIFO for a writer that never came, until killed.
    expect(run.ms - baseline.ms).toBeLessThan(WAIT_MS);
    expect(run.code).toBe(1);
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['CRR-E012', 'more/pipe.yml', null],
      ['CRR-E012', 'pipe.yaml', null],
    ]);
    expect(diagnostics[1]!.message).toBe('This is a named pipe (FIFO), not an ordinary file, so it was not read: reading it could wait forever or never end.');
    expect(diagnostics[1]!.hint).toBe('Replace it with an ordinary YAML file, or remove it from the register folder.');
    expect(folderFingerprint(dir)).toBe(before);
  });

  it('reports a link inside the register that leads to a FIFO', () => {
    const dir = register({ 'register.yaml': MINIMAL_MANIFEST });
    const baseline = validate(dir).run;
    mkdirSync(join(dir, 'special'));
    mkfifo(join(dir, 'special', 'pipe'));
    symlinkSync('special/pipe', join(dir, 'linked.yaml'));
    const { run, diagnostics } = validate(dir);
    expect(run.ms - baseline.ms).toBeLessThan(WAIT_MS);
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['CRR-E012', 'linked.yaml']]);
  });

  it('reports a socket', async () => {
    const dir = register({ 'register.yaml': MINIMAL_MANIFEST });
    const server: Server = createServer();
    await new Promise<void>((done) => server.listen(join(dir, 'sock.yaml'), done));
    try {
      const { diagnostics } = validate(dir);
      expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['CRR-E012', 'sock.yaml']]);
      expect(diagnostics[0]!.message).toContain('This is a socket, not an ordinary file');
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it.runIf(process.getuid?.() === 0)('reports a device (where this user may make one)', () => {
    const dir = register({ 'register.yaml': MINIMAL_MANIFEST });
    try {
      execFileSync('mknod', [join(dir, 'zero.yaml'), 'c', '1', '5'], { stdio: 'ignore' }); // /dev/zero: reading it never ends
    } catch {
      return; // no CAP_MKNOD in this container
    }
    const { diagnostics } = validate(dir);
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['CRR-E012', 'zero.yaml']]);
    expect(diagnostics[0]!.message).toContain('This is a device, not an ordinary file');
  });
});

describe('skipped folders (CRR-W017)', () => {
  it('says that node_modules and hidden folders holding YAML were not read, and names a file in them', () => {
    const dir = register({
      'register.yaml': MINIMAL_MANIFEST,
      'node_modules/pkg/hazards.yaml': 'hazards: []\n',
      'sites/node_modules/x.txt': 'x\n',
      '.archive/2025/hazards.yaml': 'hazards: []\n',
      '.archive/README.md': 'old\n',
      'sites/.drafts/new-site.yml': 'sites: []\n',
    });
    const { run, diagnostics } = validate(dir);
    expect(run.code).toBe(0); // warnings only
    expect(diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
      ['CRR-W017', 'warning', '.archive'],
      ['CRR-W017', 'warning', 'node_modules'],
      ['CRR-W017', 'warning', 'sites/.drafts'],
      ['CRR-W017', 'warning', 'sites/node_modules'],
    ]);
    expect(diagnostics[0]!.message).toBe(
      'The folder `.archive` holds YAML files (such as `.archive/2025/hazards.yaml`) that were not read: crr skips folders whose names start with `.`, so their records are not part of the register, its validation or its report.',
    );
    expect(diagnostics[1]!.message).toBe(
      'The folder `node_modules` was not read: `node_modules` holds installed packages, never register records, so crr skips it. Anything put there is not part of the register, its validation or its report.',
    );
  });

  it('stays silent about tools\' folders, hidden folders without YAML, and hidden files', () => {
    const dir = register({
      'register.yaml': MINIMAL_MANIFEST,
      '.git/config.yaml': 'x: 1\n',
      '.github/workflows/validate.yml': 'on: push\n',
      '.crr/diff.md.hbs': '{{title}}\n',
      '.vscode/settings.json': '{}\n',
      '.yamllint.yaml': 'extends: default\n',
    });
    const { run, diagnostics } = validate(dir);
    expect(diagnostics).toEqual([]);
    expect(run.code).toBe(0);
  });
});

describe('skipped folders at a revision (CRR-W017, as `crr diff` reads them)', () => {
  it('are reported by the git reader exactly as by the folder reader', async () => {
    const dir = register({
      'reg/register.yaml': MINIMAL_MANIFEST,
      'reg/node_modules/pkg/x.yaml': 'x: 1\n',
      'reg/.archive/notes.txt': 'x\n',
      'reg/.archive/b/old.yml': 'hazards: []\n',
      'reg/.archive/a.yaml': 'hazards: []\n',
      'reg/.github/workflows/ci.yml': 'on: push\n',
      'reg/sub/.empty/readme.md': 'x\n',
    });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A', '-f');
    git('commit', '-q', '-m', 'register');
    const onDisk = await readRegisterFolder(join(dir, 'reg'));
    const atHead = await readRegisterAtRevision({ cwd: dir, rev: 'HEAD', folder: 'reg' });
    expect(onDisk.diagnostics.map((d) => [d.code, d.file, d.message.match(/such as `([^`]+)`/)?.[1]])).toEqual([
      ['CRR-W017', '.archive', '.archive/a.yaml'],
      ['CRR-W017', 'node_modules', undefined],
    ]);
    expect(atHead).toEqual(onDisk);
  });
});

describe('organisation parent cycles (CRR-E060)', () => {
  it('reports an organisation that is its own ancestor, at its `parent` line', () => {
    const dir = register({
      'register.yaml': MINIMAL_MANIFEST,
      'organisations.yaml': [
        'organisations:',
        '  - { id: pcn-north, type: pcn, name: North PCN, parent: sub-icb-west }',
        '  - { id: sub-icb-west, type: sub-icb, name: West sub-ICB, parent: pcn-north }',
        '  - { id: org-self, type: other, name: Self, parent: org-self }',
        '',
      ].join('\n'),
    });
    const { run, diagnostics } = validate(dir);
    expect(run.code).toBe(1);
    expect(diagnostics.map((d) => [d.code, d.file, d.line, d.record, d.field])).toEqual([
      ['CRR-E060', 'organisations.yaml', 2, 'pcn-north', 'parent'],
      ['CRR-E060', 'organisations.yaml', 4, 'org-self', 'parent'],
    ]);
  });
});

describe('capacity counted in a unit no demand gives (CRR-E061)', () => {
  it('reports the unit at its line, in the worked example with one unit changed', () => {
    const dir = example();
    const file = join(dir, 'assets/data-centres.yaml');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('capacity: { limit: 30, unit: tunnels }')) + 1;
    expect(line).toBeGreaterThan(0);
    writeFileSync(file, text.replace('capacity: { limit: 30, unit: tunnels }', 'capacity: { limit: 30, unit: tunnel }'));
    const { run, diagnostics } = validate(dir);
    expect(run.code).toBe(1);
    expect(beyondExampleWarnings(diagnostics).map((d) => [d.code, d.file, d.line, d.record, d.field])).toEqual([['CRR-E061', 'assets/data-centres.yaml', line, 'vpn-a', 'capacity.unit']]);
    expect(beyondExampleWarnings(diagnostics)[0]!.message).toMatch(/^Asset `vpn-a` counts its capacity in `tunnel`, but \d+ sites routed through it \(.*\) give demand only in `tunnels`/);
    expect(diagnostics[0]!.hint).toContain('did you mean `tunnels`?');
  });
});

describe('required text that is only white space (CRR-E021)', () => {
  it('refuses a blank title, name, owner, effect and justification, each at its line', () => {
    const dir = register({
      'register.yaml': MINIMAL_MANIFEST.replace('title: Test register', 'title: "   "').replace('name: Test ICB', 'name: "\t"'),
      'hazards.yaml': [
        'hazards:',
        '  - id: HAZ-001',
        '    title: Clinicians cannot open the patient record',
        '    description: The VPN path is lost.',
        '    causes: [{ description: VPN concentrator failure. }]',
        '    effects: ["  "]',
        '    harms: [Delayed diagnosis]',
        '    initialRisk: { severity: major, likelihood: medium }',
        '    residualRisk: { severity: major, likelihood: low }',
        '    justification: "    "',
        '    status: open',
        '    owner: " "',
        '    raised: 2026-04-22',
        '    reviewed: 2026-10-01',
        '',
      ].join('\n'),
    });
    const { run, diagnostics } = validate(dir);
    expect(run.code).toBe(1);
    const e021 = diagnostics.filter((d) => d.code === 'CRR-E021');
    expect(e021.map((d) => [d.file, d.line, d.field])).toEqual([
      ['hazards.yaml', 6, 'effects'],
      ['hazards.yaml', 10, 'justification'],
      ['hazards.yaml', 12, 'owner'],
      ['register.yaml', 3, 'title'],
      ['register.yaml', 10, 'name'],
    ]);
    expect(e021[2]!.message).toBe('`owner` in hazard `HAZ-001` is blank: it holds only white space, so it says nothing.');
    expect(e021[2]!.hint).toBe('Write some text: a value that is empty or only white space says nothing.');
  });
});

describe('every free-text field', () => {
  it('refuses white space alone, but for optional notes and words looked up elsewhere', () => {
    // Every string in the generated schema that has no pattern, format or list of values takes
    // `"   "`. Those left are optional notes (where a blank note says nothing and harms nothing)
    // and words checked by rules (a risk level not in the scheme is CRR-E036; a blank selector
    // pattern matches nothing: CRR-W064 when it is all a scenario fails). A new required text
    // field must use `textField`/`Text`.
    const open: string[] = [];
    const seen = new Set<unknown>();
    const walk = (s: unknown, path: string) => {
      if (!s || typeof s !== 'object' || seen.has(s)) return;
      seen.add(s);
      const node = s as Record<string, unknown>;
      if (node.type === 'string' && !node.pattern && !node.format && !node.enum && node.const === undefined) open.push(path);
      for (const [k, v] of Object.entries(node)) {
        if (k === 'properties') for (const [p, q] of Object.entries(v as object)) walk(q, `${path}.${p}`);
        else if (k === 'propertyNames') continue;
        else walk(v, k === 'items' ? `${path}[]` : k === 'additionalProperties' ? `${path}{}` : path);
      }
    };
    walk(registerJsonSchema(), '');
    const allowed = [
      /^\.register\.cso\.email$/,
      /\.description$/,
      /\.attributes\{\}$/,
      /^\.(hazards\[\]\.causes\[\]|scenarios\[\])\.select\./,
      /\.(initialRisk|residualRisk)\.(severity|likelihood)$/,
    ];
    expect(open.filter((p) => !allowed.some((a) => a.test(p)))).toEqual([]);
    // The notes that may be blank are optional ones only: no required field is among them.
    expect(open.filter((p) => /\.description$/.test(p)).sort()).toEqual([
      '.assets[].description',
      '.organisations[].description',
      '.profiles[].description',
      '.profiles[].localAssets{}.description',
      '.services[].description',
      '.sites[].localAssets{}.description',
    ]);
  });
});
