/**
 * Shared by the `crr diff` suites: real git repositories in temporary folders (real `git`
 * commands, never the global or system config, fixed dates so that shas are reproducible),
 * small edits of the valid rule fixture, and a runner that proves every run of `crr diff`
 * wrote nothing to the repository it read.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import type { DiffJson } from '../../packages/cli/src/commands/diff.js';
import { runCli, type CliRun } from '../support/run-cli.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The small valid register every focused case starts from (judged as of 2026-11-21). */
export const VALID = join(ROOT, 'test/fixtures/rules/valid');
export const AS_OF = '2026-11-21';

/** A temporary folder for this test file, removed when the file's tests are done. */
export function useScratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `crr-diff-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// Variables that would point git at another repository (set when tests run inside a git hook).
const { GIT_DIR: _d, GIT_WORK_TREE: _w, GIT_INDEX_FILE: _i, GIT_COMMON_DIR: _c, GIT_OBJECT_DIRECTORY: _o, ...inherited } = process.env;
export const gitEnv: NodeJS.ProcessEnv = {
  ...inherited,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.org',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.org',
  GIT_AUTHOR_DATE: '2026-11-01T12:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-01T12:00:00Z',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd,
    env: gitEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Replace `from` by `to` in a file; a replacement that changes nothing is a broken test. */
export function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit made no change to ${file}: ${String(from)}`);
  writeFileSync(file, next);
}

/** A git repository with the valid fixture at `reg/`, committed once and branched as `base`. */
export class Repo {
  readonly reg: string;
  constructor(readonly dir: string) {
    this.reg = join(dir, 'reg');
  }
  /** A register file (`hazard-log.yaml`, `infrastructure.yaml`, `register.yaml`). */
  file(name: string): string {
    return join(this.reg, name);
  }
  edit(name: string, from: string | RegExp, to: string): this {
    edit(this.file(name), from, to);
    return this;
  }
  write(name: string, text: string): this {
    mkdirSync(dirname(this.file(name)), { recursive: true });
    writeFileSync(this.file(name), text);
    return this;
  }
  read(name: string): string {
    return readFileSync(this.file(name), 'utf8');
  }
  commit(message = 'change'): string {
    git(this.dir, 'add', '-A');
    git(this.dir, 'commit', '-q', '--allow-empty', '-m', message);
    return git(this.dir, 'rev-parse', 'HEAD');
  }
  git(...args: string[]): string {
    return git(this.dir, ...args);
  }
}

let repos = 0;

/**
 * A new repository in `scratch`: the valid register at `reg/`, changed by `prepare` before the
 * first commit (the base, also branch `base`).
 */
export function makeRepo(scratch: string, prepare?: (r: Repo) => void): Repo {
  const r = new Repo(join(scratch, `repo-${++repos}`));
  cpSync(VALID, r.reg, { recursive: true });
  prepare?.(r);
  git(r.dir, 'init', '-q');
  r.commit('base');
  git(r.dir, 'branch', 'base');
  return r;
}

/** Everything of a repository `crr diff` could write to: the work tree's status, the index, every ref, every file in `.git`. */
export function repoState(dir: string) {
  const gitDir = join(dir, '.git');
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else files.push(`${relative(gitDir, p)} ${s.size} ${s.mtimeMs}`);
    }
  };
  walk(gitDir);
  const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--ignored'], {
    cwd: dir,
    env: { ...gitEnv, GIT_OPTIONAL_LOCKS: '0' },
    encoding: 'utf8',
  });
  return {
    status,
    index: existsSync(join(gitDir, 'index')) ? statSync(join(gitDir, 'index')).mtimeMs : null,
    refs: git(dir, 'for-each-ref', '--format=%(refname) %(objectname)'),
    head: readFileSync(join(gitDir, 'HEAD'), 'utf8'),
    files,
  };
}

/** Every `crr diff` in these suites runs through here: judged as of AS_OF unless told, and proven to leave the repository as it was. */
export async function diff(cwd: string, args: string[], options: { env?: Record<string, string>; repo?: string } = {}): Promise<CliRun> {
  const repo = options.repo ?? cwd;
  const isRepo = existsSync(join(repo, '.git'));
  const before = isRepo ? repoState(repo) : undefined;
  // `--as-of` first, so that it stays an option when the arguments hold a `--`.
  const argv = ['diff', ...(args.some((a) => a === '--as-of' || a.startsWith('--as-of=')) ? [] : ['--as-of', AS_OF]), ...args];
  const run = await runCli(argv, { cwd, ...(options.env ? { env: options.env } : {}) });
  if (isRepo) {
    const after = repoState(repo);
    expect(after.status, 'git status after crr diff').toBe(before!.status);
    expect(after.index, '.git/index mtime after crr diff').toBe(before!.index);
    expect(after.refs, 'refs after crr diff').toBe(before!.refs);
    expect(after.head, '.git/HEAD after crr diff').toBe(before!.head);
    expect(after.files, 'files in .git after crr diff').toEqual(before!.files);
  }
  // Never a stack trace, whatever happened.
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.stderr).not.toContain('internal error');
  return run;
}

export const parse = (stdout: string) => JSON.parse(stdout) as DiffJson;

/** `crr diff base HEAD reg --format json`, parsed, with the exit code. */
export async function diffJson(r: Repo, extra: string[] = []): Promise<{ code: number; out: DiffJson; stderr: string }> {
  const run = await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'json', ...extra]);
  expect(run.stderr).toBe('');
  return { code: run.code, out: parse(run.stdout), stderr: run.stderr };
}

export const tripped = (out: DiffJson) => out.guards.filter((g) => g.findings.length > 0).map((g) => g.code);
export const guard = (out: DiffJson, code: string) => out.guards.find((g) => g.code === code)!;

/** The lines of `--format github` output that are annotations of one level. */
export const commands = (stdout: string, level: 'error' | 'warning' | 'notice') => stdout.split('\n').filter((l) => l.startsWith(`::${level} `) || l.startsWith(`::${level}::`));

/** The line (1-based) of the first line of `file` that matches. */
export function lineOf(file: string, match: string | RegExp): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => (typeof match === 'string' ? l.includes(match) : match.test(l)));
  if (i < 0) throw new Error(`no line of ${file} matches ${String(match)}`);
  return i + 1;
}

// ---------------------------------------------------------------------------------------------
// Edits of the valid register, each one focused change.
// ---------------------------------------------------------------------------------------------

export const HAZARDS = 'hazard-log.yaml';
export const INFRA = 'infrastructure.yaml';
export const MANIFEST = 'register.yaml';

/** Remove a record (`  - id: X` up to the next record or section) from a YAML list. */
export function removeRecord(r: Repo, file: string, id: string): void {
  const lines = r.read(file).split('\n');
  const start = lines.findIndex((l) => l === `  - id: ${id}` || l.startsWith(`  - { id: ${id},`));
  if (start < 0) throw new Error(`no record ${id} in ${file}`);
  let end = start + 1;
  while (end < lines.length && !lines[end]!.startsWith('  - ') && !/^\S/.test(lines[end]!)) end++;
  while (end > start + 1 && lines[end - 1]!.trim() === '') end--; // keep the blank line that separated it
  lines.splice(start, end - start);
  r.write(file, lines.join('\n'));
}

/** A new hazard appended to the hazard list (before `controls:`). */
export function addHazard(r: Repo, yaml: string): void {
  r.edit(HAZARDS, /\ncontrols:\n/, `\n${yaml.replace(/\n*$/, '\n')}\ncontrols:\n`);
}

export const hazardYaml = (id: string, title: string, extra = '') => `  - id: ${id}
    title: ${title}
    description: The data-centre core network fails.
    services: [patient-record]
    causes:
      - description: Core switch failure.
        assets: [dc-core]
    effects: [Consultations without the medical history]
    harms: [Delayed diagnosis]
    existingControls: [CTL-BCP-01]
    initialRisk: { severity: significant, likelihood: low }
    residualRisk: { severity: significant, likelihood: very low }
    status: open
    owner: CSU network team
    raised: 2026-10-01
    reviewed: 2026-10-01
${extra}`;

/** An acceptance of `hazard`, appended to the acceptances. */
export function addAcceptance(r: Repo, id: string, hazard: string): void {
  r.write(
    HAZARDS,
    r.read(HAZARDS).replace(/\n*$/, '\n') +
      `  - id: ${id}\n    hazard: ${hazard}\n    acceptedBy: Dr Sam Okafor\n    role: ICB Chief Medical Officer\n    organisation: org-icb\n    date: 2026-11-01\n    statement: Accepted at the residual risk now assessed.\n`,
  );
}

/** Bind practice G99001 to one concentrator (it has the pair by its profile). */
export function bindG99001(r: Repo, concentrator: string): void {
  r.edit(INFRA, 'listSize: 9240, profile: kpsn-emis }', `listSize: 9240, profile: kpsn-emis, bindings: { concentrator: ${concentrator} } }`);
}

/** The manifest with a `policy:` block (YAML lines at the manifest's indentation, 4 spaces). */
export function setPolicy(r: Repo, policy: string): void {
  r.edit(MANIFEST, '  reviewPolicy:\n    hazardReviewMonths: 12\n', `  reviewPolicy:\n    hazardReviewMonths: 12\n  policy:\n${policy.replace(/\n*$/, '\n')}`);
}

/** The base for `tripAll`: HAZ-001's residual risk one step lower (major, very low: rating 2). */
export function lowerResidual(r: Repo): void {
  r.edit(HAZARDS, 'residualRisk: { severity: major, likelihood: low, rating: 3 }', 'residualRisk: { severity: major, likelihood: very low }');
}

/**
 * One change that trips all four guards on a base made by `lowerResidual`: the transferred
 * HAZ-002 deleted (G001), HAZ-001's residual back up to 3 (G002) and its existing control taken
 * off (G003), practice G99001 bound to vpn-b, which no hazard names (G004).
 */
export function tripAll(r: Repo): void {
  removeRecord(r, HAZARDS, 'HAZ-002');
  removeRecord(r, HAZARDS, 'ACC-001');
  if (/\nacceptances:\n*$/.test(r.read(HAZARDS))) r.edit(HAZARDS, /\nacceptances:\n*$/, '\nacceptances: []\n');
  r.edit(HAZARDS, 'residualRisk: { severity: major, likelihood: very low }', 'residualRisk: { severity: major, likelihood: low }');
  r.edit(HAZARDS, '    existingControls: [CTL-BCP-01]\n    additionalControls: [CTL-VPN-02]\n', '    additionalControls: [CTL-VPN-02]\n');
  bindG99001(r, 'vpn-b');
}
