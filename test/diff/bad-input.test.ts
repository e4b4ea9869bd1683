/**
 * `crr diff` given what it cannot use: a clear message on stderr, no stack trace, exit 2 (or 1
 * for a head register that does not validate), and, as for every run in these suites (see
 * `diff` in helpers.ts), nothing written to the repository: the same `git status`, index, refs
 * and files under `.git` before and after.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, diff, git, gitEnv, HAZARDS, lineOf, makeRepo, parse, Repo, repoState, ROOT, useScratch, VALID } from './helpers.js';

const scratch = useScratch('bad');

/** A refusal: exit 2, nothing on stdout, one `crr: …` message and its hint on stderr. */
function expectRefusal(run: { code: number; stdout: string; stderr: string }, message: string | RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.startsWith('crr: ')).toBe(true);
  if (typeof message === 'string') expect(run.stderr).toContain(message);
  else expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  expect(run.stderr).not.toContain('internal error');
}

/** A repository whose base changes nothing worth noting, with a second commit. */
function twoCommits(): Repo {
  const r = makeRepo(scratch);
  r.edit(HAZARDS, '    reviewed: 2026-05-14\n', '    reviewed: 2026-06-14\n');
  r.commit();
  return r;
}

describe('revisions', () => {
  it('refuses an unknown base revision, naming it', async () => {
    const r = twoCommits();
    const run = await diff(r.dir, ['no-such-branch', 'HEAD', 'reg']);
    expectRefusal(run, 'crr: The revision `no-such-branch` does not name a commit in this repository.\n  hint: Check the name');
  });

  it('accepts every form of revision git names (a short sha, a tag, HEAD~1, :/message), each shown as typed', async () => {
    const r = twoCommits();
    r.git('tag', 'v1', 'base');
    const short = r.git('rev-parse', '--short', 'HEAD');
    const outputs = [];
    for (const [base, head] of [['base', 'HEAD'], ['v1', short], ['HEAD~1', ':/change'], [r.git('rev-parse', 'base'), 'main']] as const) {
      const run = await diff(r.dir, [base, head, 'reg', '--format', 'json']);
      expect(run.code).toBe(0);
      const out = parse(run.stdout);
      expect([out.base.label, out.head.label]).toEqual([base, head]);
      expect(out.hazards.changed.map((h) => h.fields.map((f) => f.field))).toEqual([['reviewed']]);
      outputs.push({ ...out, base: null, head: null });
    }
    for (const o of outputs) expect(o).toEqual(outputs[0]);
  });

  it('compares a revision with itself as no change', async () => {
    const r = twoCommits();
    const run = await diff(r.dir, ['HEAD', 'HEAD', 'reg']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('## ✅ Clinical risk: No change to clinical risk\\.');
  });

  it('refuses an unknown head revision, naming it', async () => {
    const r = twoCommits();
    expectRefusal(await diff(r.dir, ['base', 'deadbeef', 'reg', '--format', 'json']), 'The revision `deadbeef` does not name a commit');
  });

  it('refuses a revision that looks like an option, before git sees it', async () => {
    const r = twoCommits();
    // As an option, the parser refuses it.
    expectRefusal(await diff(r.dir, ['--output=x', 'HEAD', 'reg']), 'crr: `crr diff` has no option `--output`.');
    // After `--` it is a revision, and crr refuses it as one: git never reads it as `--output`.
    expectRefusal(await diff(r.dir, ['--', '--output=x', 'HEAD', 'reg']), 'The revision `--output=x` does not name a commit in this repository.');
    expectRefusal(await diff(r.dir, ['base', '--', '--output=x', 'reg']), 'The revision `--output=x` does not name a commit');
    expectRefusal(await diff(r.dir, ['--', '-p', 'HEAD', 'reg']), 'The revision `-p` does not name a commit');
    expectRefusal(await diff(r.dir, ['-x', 'HEAD', 'reg']), 'Unknown option `-x`');
    // (No file `x` was written: `diff` compares `git status --ignored --untracked-files=all`.)
  });

  it('refuses a base that a shallow clone does not have, and says how to fetch it', async () => {
    const r = twoCommits();
    const clone = join(scratch, `shallow-${Date.now()}`);
    git(scratch, 'clone', '-q', '--depth', '1', `file://${r.dir}`, clone);
    expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const baseSha = r.git('rev-parse', 'base');
    for (const base of [baseSha, 'HEAD~1']) {
      const run = await diff(clone, [base, 'HEAD', 'reg']);
      expectRefusal(run, `The revision \`${base}\` is not in this repository, which is a shallow clone`);
      expect(run.stderr).toContain('git fetch --unshallow');
      expect(run.stderr).toContain('fetch-depth: 0');
    }
    // What the clone has, it reads.
    const same = await diff(clone, ['HEAD', 'HEAD', 'reg', '--format', 'json']);
    expect(same.code).toBe(0);
  });
});

describe('where the register is', () => {
  // Was a bug (fixed): the message read as a typo ("check the folder and the revision") rather
  // than saying the register is new in this change.
  it('refuses a register missing at the base (added by the change), naming the folder and the base', async () => {
    const r = new Repo(join(scratch, 'added'));
    mkdirSync(r.dir, { recursive: true });
    writeFileSync(join(r.dir, 'README.md'), 'A repository before it had a register.\n');
    git(r.dir, 'init', '-q');
    r.commit('no register yet');
    git(r.dir, 'branch', 'base');
    cpSync(VALID, r.reg, { recursive: true });
    r.commit('add the register');
    const run = await diff(r.dir, ['base', 'HEAD', 'reg']);
    expectRefusal(run, /^crr: The repository holds no folder `reg` at revision `base` \(commit [0-9a-f]{12}\)\. If the register is new in this change, there is nothing to compare it with yet\.\n  hint: /);
    // And the other way round: a register deleted by the change.
    expectRefusal(await diff(r.dir, ['HEAD', 'base', 'reg']), 'The repository holds no folder `reg` at revision `base`');
  });

  it('refuses a folder outside any git repository', async () => {
    const plain = join(scratch, 'plain');
    cpSync(VALID, join(plain, 'reg'), { recursive: true });
    expectRefusal(await diff(plain, ['base', 'HEAD', 'reg']), 'crr: `reg` is not inside a git work tree, so it cannot be read at a revision.');
    expectRefusal(await diff(plain, ['base', 'HEAD']), '`.` is not inside a git work tree');
  });

  // Was a bug (fixed): two register folders where one is mistyped are taken as two
  // revisions (folder mode needs both to exist), and the message is about git: "`.` is not
  // inside a git work tree", naming neither folder. It should say that `aftr` is not a folder
  // (diff.ts: folder mode decided by `isFolder` on both, silently).
  it('names the missing folder when one of two register folders does not exist', async () => {
    const plain = join(scratch, 'typo');
    cpSync(VALID, join(plain, 'before'), { recursive: true });
    const run = await diff(plain, ['before', 'aftr']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('aftr');
  });
});

describe('registers that do not validate', () => {
  it('refuses a base register that fails validation (exit 2): there is nothing to measure the change against', async () => {
    const r = makeRepo(scratch, (b) => b.edit(HAZARDS, 'existingControls: [CTL-BCP-01]\n    additionalControls', 'existingControls: [CTL-NOPE-01]\n    additionalControls'));
    r.edit(HAZARDS, 'existingControls: [CTL-NOPE-01]\n    additionalControls', 'existingControls: [CTL-BCP-01]\n    additionalControls');
    r.commit();
    for (const format of ['markdown', 'json', 'github', 'sarif']) {
      const run = await diff(r.dir, ['base', 'HEAD', 'reg', '--format', format]);
      expectRefusal(run, 'crr: The register at base (the base) has 1 validation error, so changes cannot be measured against it.\n  hint: Compare with a revision whose register validates, or run `crr validate` on it first.\n');
    }
  });

  it('fails a head register that fails validation (exit 1), with its errors in the output', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, 'existingControls: [CTL-BCP-01]\n    additionalControls', 'existingControls: [CTL-NOPE-01]\n    additionalControls');
    r.commit();
    const line = lineOf(r.file(HAZARDS), 'CTL-NOPE-01');

    const json = await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    const out = parse(json.stdout);
    expect(out.verdict).toBe('fail');
    expect(out.validation.head.errors).toBe(1);
    expect(out.validation.head.diagnostics).toEqual([
      { code: 'CRR-E031', severity: 'error', file: 'hazard-log.yaml', line, message: expect.stringContaining('CTL-NOPE-01') },
    ]);

    const github = await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'github']);
    expect(github.code).toBe(1);
    expect(commands(github.stdout, 'error')).toEqual([expect.stringMatching(new RegExp(`^::error file=reg/hazard-log\\.yaml,line=${line},col=\\d+,title=CRR-E031 unknown-reference::.*CTL-NOPE-01`))]);

    const md = await diff(r.dir, ['base', 'HEAD', 'reg']);
    expect(md.code).toBe(1);
    expect(md.stdout.split('\n')[0]).toBe('## ❌ Clinical risk: The register at HEAD has 1 validation error\\.');
  });

  // Was a bug (fixed): the markdown (the default format, and the one for pull-request comments) says only
  // "The register at HEAD has 1 validation error." and never which: the reviewer has to run
  // `crr validate` to find out. JSON, github and SARIF all carry the diagnostics; the markdown
  // view (diff-view.ts) is given only their counts.
  it('shows the head register\'s validation errors in the markdown', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, 'existingControls: [CTL-BCP-01]\n    additionalControls', 'existingControls: [CTL-NOPE-01]\n    additionalControls');
    r.commit();
    const md = await diff(r.dir, ['base', 'HEAD', 'reg']);
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/CRR\\?-E031/);
    expect(md.stdout).toMatch(/CTL\\?-NOPE\\?-01/);
  });
});

describe('the command line', () => {
  it('refuses an unknown --format, suggesting the nearest', async () => {
    const r = twoCommits();
    expectRefusal(await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'xml']), 'crr: `--format` must be one of `markdown`, `json`, `github`, `sarif`, not `xml`.');
    expectRefusal(await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'jsn']), 'Did you mean `json`?');
    expectRefusal(await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'pretty']), '`--format` must be one of');
  });

  it('refuses too few and too many arguments', async () => {
    const r = twoCommits();
    expectRefusal(await diff(r.dir, []), 'crr: `crr diff` needs base.');
    expectRefusal(await diff(r.dir, ['base']), 'crr: `crr diff` needs head.');
    expectRefusal(await diff(r.dir, ['base', 'HEAD', 'reg', 'extra']), 'crr: `crr diff` takes at most 3 arguments, but was given `extra`.');
  });

  it('refuses a date that is not one', async () => {
    const r = twoCommits();
    expectRefusal(await diff(r.dir, ['base', 'HEAD', 'reg', '--as-of', '2026-02-30']), '`--as-of` must be a real date written YYYY-MM-DD');
  });

  it('runs the real binary to the same refusal, with no stack trace', () => {
    const r = twoCommits();
    const before = repoState(r.dir);
    const run = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/crr.js'), 'diff', 'no-such-branch', 'HEAD', 'reg'], { cwd: r.dir, env: gitEnv, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^crr: The revision `no-such-branch` does not name a commit in this repository\.\n  hint: .*\n$/);
    expect(repoState(r.dir)).toEqual(before);
  });
});

describe('nothing is written to the repository', () => {
  it('the check would notice a write (an index touched, a ref moved)', () => {
    const r = twoCommits();
    const before = repoState(r.dir);
    utimesSync(join(r.dir, '.git/index'), new Date(), new Date(Date.now() + 5000));
    expect(repoState(r.dir).index).not.toBe(before.index);
    const again = repoState(r.dir);
    git(r.dir, 'update-ref', 'refs/heads/other', 'HEAD');
    expect(repoState(r.dir).refs).not.toBe(again.refs);
  });

  it('holds for every format of a normal run, and with the work tree dirty', async () => {
    const r = twoCommits();
    // An uncommitted edit and an untracked file: crr reads revisions, and leaves both alone.
    r.edit(HAZARDS, '    reviewed: 2026-06-14\n', '    reviewed: 2026-07-14\n');
    writeFileSync(join(r.dir, 'notes.txt'), 'untracked\n');
    for (const format of ['markdown', 'json', 'github', 'sarif']) {
      const run = await diff(r.dir, ['base', 'HEAD', 'reg', '--format', format]); // `diff` compares before and after
      expect(run.code).toBe(0);
    }
    expect(repoState(r.dir).status).toContain('?? notes.txt');
  });
});
