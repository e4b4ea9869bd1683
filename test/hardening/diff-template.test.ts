/**
 * Issue 8, class 2: `crr diff` reads only what it should. The markdown comment's template
 * (`.crr/diff.md.hbs`) and the links' `policy.siteUrl` come from the base, never from the pull
 * request or the working tree; the template is read only as a regular file of bounded size (a
 * git blob of mode 100644 at a revision; a regular file inside the base folder, never a link, a
 * pipe or a device); a template that cannot be used gives a warning and the default comment, and
 * cannot reach prototypes or run code. Through the real binary on real git repositories, and each
 * run proven to leave the repository (or the folders) as they were.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectClean, folderFingerprint, runBin, type BinRun } from '../support/run-bin.js';
import { addHazard, AS_OF, hazardYaml, makeRepo, repoState, setPolicy, useScratch, type Repo } from '../diff/helpers.js';

const scratch = useScratch('hardening-template');
const TEMPLATE = '.crr/diff.md.hbs';
/** A marker that must never reach the output: it sits in a file outside every register and repository. */
const SECRET = 'CRR-SECRET-7f3c9a1e-never-print-me';
const outside = mkdtempSync(join(tmpdir(), 'crr-template-outside-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));
writeFileSync(join(outside, 'secret.txt'), `token=${SECRET}\n`);
mkdirSync(join(outside, 'crr-folder'));
writeFileSync(join(outside, 'crr-folder/diff.md.hbs'), `${SECRET} {{{verdict}}}\n`);
const PASSWD = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!; // e.g. `root:x:0:0:root:/root:/bin/bash`

/** `crr diff <base> HEAD reg` in the repository, through the real binary; the repository must be as it was. */
function diffAt(r: Repo, extra: string[] = [], base = 'base'): BinRun {
  const before = repoState(r.dir);
  const run = runBin(['diff', base, 'HEAD', 'reg', '--as-of', AS_OF, ...extra], { cwd: r.dir, timeoutMs: 10_000 });
  expectClean(run, `crr diff ${base} HEAD reg ${extra.join(' ')}`);
  const after = repoState(r.dir);
  expect(after.status, 'git status after crr diff').toBe(before.status);
  expect(after.index, '.git/index after crr diff').toBe(before.index);
  expect(after.files, 'files in .git after crr diff').toEqual(before.files);
  return run;
}

/** `crr diff before after` on two folders under `dir`, through the real binary; nothing under `dir` may change. */
function diffFolders(dir: string): BinRun {
  const before = folderFingerprint(dir);
  const run = runBin(['diff', 'before', 'after', '--as-of', AS_OF], { cwd: dir, timeoutMs: 10_000 });
  expectClean(run, 'crr diff before after');
  expect(folderFingerprint(dir), 'the folders after crr diff').toBe(before);
  return run;
}

/** Two register folders, `before` and `after` (one hazard added), in a fresh folder. */
function folders(): string {
  const dir = mkdtempSync(join(scratch, 'folders-'));
  const r = makeRepo(dir);
  cpSync(r.reg, join(dir, 'before'), { recursive: true });
  addHazard(r, hazardYaml('HAZ-004', 'The core network fails'));
  cpSync(r.reg, join(dir, 'after'), { recursive: true });
  rmSync(r.dir, { recursive: true, force: true });
  return dir;
}

/** The default comment, whatever happened to the register's template. */
const DEFAULT_HEAD = /^## [✅❌] Clinical risk: /;
const noLeak = (run: BinRun) => {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(PASSWD);
  }
};

describe('revision mode: the template is the base revision’s committed blob', () => {
  it('never follows a committed link to /etc/passwd or to a secret outside the repository, at base or at head', () => {
    // At the base, the template is a link to the secret; the pull request points it at /etc/passwd.
    const r = makeRepo(scratch, (b) => {
      mkdirSync(join(b.reg, '.crr'));
      symlinkSync(join(outside, 'secret.txt'), join(b.reg, TEMPLATE));
    });
    rmSync(join(r.reg, TEMPLATE));
    symlinkSync('/etc/passwd', join(r.reg, TEMPLATE));
    addHazard(r, hazardYaml('HAZ-004', 'The core network fails'));
    r.commit();
    const run = diffAt(r);
    expect(run.code).toBe(0);
    noLeak(run);
    expect(run.stdout).toMatch(DEFAULT_HEAD);
    expect(run.stdout).toContain('HAZ\\-004');
    expect(run.stderr).toBe(
      "crr: warning: `reg/.crr/diff.md.hbs` at `base` is a symbolic link, not a regular file; crr reads the template only as a regular file committed in the register folder (never through a link), so the comment uses crr's default template.\n" +
        '  hint: Commit the template itself at `reg/.crr/diff.md.hbs`, as a regular file.\n',
    );
    // The reviewers see it too, at the foot of the comment.
    expect(run.stdout.trimEnd().split('\n').pop()).toMatch(/^> crr: \\`reg\/\\\.crr\/diff\\\.md\\\.hbs\\` at \\`base\\` is a symbolic link/);
    // The head's link, checked out in the working tree, is never read either.
    expect(diffAt(r, [], 'HEAD').stdout).not.toContain('root:');
  });

  it('never follows a `.crr` folder that is a link out of the repository', () => {
    const r = makeRepo(scratch, (b) => symlinkSync(join(outside, 'crr-folder'), join(b.reg, '.crr')));
    const run = diffAt(r, [], 'HEAD');
    noLeak(run);
    expect(run.stdout).toMatch(DEFAULT_HEAD);
    expect(run.stderr).toContain('`reg/.crr` at `HEAD` is a symbolic link, not a folder;');
  });

  it('refuses a submodule where the template should be', () => {
    const r = makeRepo(scratch);
    const commit = r.git('rev-parse', 'HEAD');
    r.git('update-index', '--add', '--cacheinfo', `160000,${commit},reg/${TEMPLATE}`);
    r.git('commit', '-q', '-m', 'a submodule as the template');
    const run = diffAt(r, [], 'HEAD');
    expect(run.stdout).toMatch(DEFAULT_HEAD);
    expect(run.stderr).toContain('`reg/.crr/diff.md.hbs` at `HEAD` is a submodule, not a regular file;');
  });

  it("uses the base's template when the pull request changes it, and never the working tree's", () => {
    const r = makeRepo(scratch, (b) => b.write(TEMPLATE, 'BASE TEMPLATE {{{verdict}}}\n'));
    r.write(TEMPLATE, 'HEAD TEMPLATE {{{verdict}}}\n');
    addHazard(r, hazardYaml('HAZ-004', 'The core network fails'));
    r.commit();
    r.write(TEMPLATE, 'WORKING TREE TEMPLATE {{{verdict}}}\n'); // not committed
    const run = diffAt(r);
    expect(run.stdout).toBe('BASE TEMPLATE 2 changes to clinical risk; no guard tripped\\.\n');
    expect(run.stderr).toBe('');
  });

  it('refuses a template over 64 KiB without reading it, and reads one of exactly 64 KiB', () => {
    const big = (n: number) => `{{{verdict}}}${'x'.repeat(n - '{{{verdict}}}'.length)}`;
    const r = makeRepo(scratch, (b) => b.write(TEMPLATE, big(64 * 1024 + 1)));
    const over = diffAt(r, [], 'HEAD');
    expect(over.stdout).toMatch(DEFAULT_HEAD);
    expect(over.stderr).toContain("The template `reg/.crr/diff.md.hbs` at `HEAD` is 65 KiB; a template may be at most 64 KiB, so crr did not read it and the comment uses crr's default template.");
    r.write(TEMPLATE, big(64 * 1024));
    r.commit();
    const at = diffAt(r, [], 'HEAD');
    expect(at.stdout.startsWith('No change to clinical risk\\.xxx')).toBe(true);
    expect(at.stderr).toBe('');
  });

  it('falls back to the default comment, with the line, when the template does not compile; the verdict is the same', () => {
    const r = makeRepo(scratch, (b) => b.write(TEMPLATE, 'Clinical risk\n\n{{#if fail}}\nFAILED\n'));
    addHazard(r, hazardYaml('HAZ-004', 'The core network fails'));
    r.commit();
    const run = diffAt(r);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(DEFAULT_HEAD);
    expect(run.stderr).toMatch(/^crr: warning: The template `reg\/\.crr\/diff\.md\.hbs` at `base` \(line 5\) could not be used: it is not valid Handlebars \(Expecting [^\n]*got EOF\); the comment uses crr's default template\.\n {2}hint: Fix the template/);
    // The same verdict and exit code as without any template.
    expect(run.stdout.split('\n')[0]).toBe('## ✅ Clinical risk: 2 changes to clinical risk; no guard tripped\\.');
  });

  it.each([
    ['{{constructor.constructor}}', 'constructor', 1],
    ['ok\n{{lookup this "__proto__"}}', '__proto__', 2],
    ['{{#with (lookup this "constructor")}}{{this}}{{/with}}', 'constructor', 1],
    ['{{x.[prototype]}}', 'prototype', 1],
  ])('refuses a template that reaches for prototypes: %s', (template, name, line) => {
    const r = makeRepo(scratch, (b) => b.write(TEMPLATE, template));
    const run = diffAt(r, [], 'HEAD');
    expect(run.stdout).toMatch(DEFAULT_HEAD);
    expect(run.stdout).not.toMatch(/function|\[native code\]|\[object/);
    expect(run.stderr).toContain(`The template \`reg/.crr/diff.md.hbs\` at \`HEAD\` (line ${line}) could not be used: it names \`${name}\`, which would reach into JavaScript's internals rather than the comment's data;`);
  });

  it('gives a template no prototype even when a name comes from the data, and no `log` helper', () => {
    // A hazard titled `constructor`, looked up on the view: the runtime's own guard answers nothing.
    const r = makeRepo(scratch, (b) => b.write(TEMPLATE, '{{#each added}}[{{lookup @root title}}]{{/each}}\n'));
    addHazard(r, hazardYaml('HAZ-004', 'constructor'));
    r.commit();
    const run = diffAt(r);
    expect(run.stdout).toBe('[]\n');
    expect(run.stderr).toBe('');
    r.write(TEMPLATE, '{{log "written to the console"}}done\n');
    r.commit();
    const log = diffAt(r, [], 'HEAD');
    expect(log.stdout).not.toContain('written to the console');
    expect(log.stdout).toMatch(DEFAULT_HEAD);
    expect(log.stderr).toContain('could not be used: Handlebars stopped with “Missing helper: "log"”;');
  });

  it('stops a template that would render for ever (loops nested deep, a partial that includes itself)', () => {
    let deep = 'x';
    for (let i = 0; i < 10; i++) deep = `{{#each @root.profile}}${deep}{{/each}}`; // 5^10 iterations
    const r = makeRepo(scratch, (b) => b.write(TEMPLATE, deep));
    const run = diffAt(r, [], 'HEAD');
    expect(run.stdout).toMatch(DEFAULT_HEAD);
    expect(run.stderr).toContain('could not be used: it makes more than 200,000 loop iterations and partial calls;');
    r.write(TEMPLATE, '{{#*inline "p"}}{{> p}}{{> p}}{{/inline}}{{> p}}');
    r.commit();
    const partial = diffAt(r, [], 'HEAD');
    expect(partial.stdout).toMatch(DEFAULT_HEAD);
    expect(partial.stderr).toContain('could not be used: it nests too deeply, or calls itself without end');
  });
});

describe("links go to the base's policy.siteUrl", () => {
  it('a pull request cannot point its own comment at another host; --site-url still wins', () => {
    const r = makeRepo(scratch, (b) => setPolicy(b, '    siteUrl: https://example.nhs.uk/nd/\n'));
    r.edit('register.yaml', 'siteUrl: https://example.nhs.uk/nd/', 'siteUrl: https://evil.example/');
    addHazard(r, hazardYaml('HAZ-004', 'The core network fails'));
    r.commit();
    const run = diffAt(r);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[HAZ\\-004](https://example.nhs.uk/nd/hazards/HAZ-004/index.html)');
    expect(run.stdout).not.toContain('evil.example');
    const given = diffAt(r, ['--site-url', 'https://ci.example/reg/']);
    expect(given.stdout).toContain('[HAZ\\-004](https://ci.example/reg/hazards/HAZ-004/index.html)');
    expect(given.stdout).not.toContain('evil.example');
  });
});

describe('folder mode: only a regular file inside the base folder', () => {
  it('never opens a named pipe at the template (a hang would be killed at 10 s)', () => {
    const dir = folders();
    mkdirSync(join(dir, 'before/.crr'));
    execFileSync('mkfifo', [join(dir, 'before', TEMPLATE)]);
    mkdirSync(join(dir, 'after/.crr'));
    execFileSync('mkfifo', [join(dir, 'after', TEMPLATE)]);
    const run = diffFolders(dir);
    expect(run.timedOut).toBe(false);
    expect(run.ms).toBeLessThan(10_000);
    expect(run.stdout).toMatch(DEFAULT_HEAD);
    expect(run.stderr).toContain("The template `before/.crr/diff.md.hbs` is a named pipe, so crr did not open it; the comment uses crr's default template.");
  });

  it('never follows a link, even one that stays inside; never reads a `.crr` that is not a folder', () => {
    const dir = folders();
    mkdirSync(join(dir, 'before/.crr'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'before', TEMPLATE));
    const run = diffFolders(dir);
    noLeak(run);
    expect(run.stdout).toMatch(DEFAULT_HEAD);
    expect(run.stderr).toContain('`before/.crr/diff.md.hbs` is a symbolic link; crr does not follow links to the template');
    rmSync(join(dir, 'before/.crr'), { recursive: true });
    symlinkSync(join(outside, 'crr-folder'), join(dir, 'before/.crr'));
    const folderLink = diffFolders(dir);
    noLeak(folderLink);
    expect(folderLink.stderr).toContain('`before/.crr` is a symbolic link;');
    rmSync(join(dir, 'before/.crr'));
    execFileSync('mkfifo', [join(dir, 'before/.crr')]);
    const pipe = diffFolders(dir);
    expect(pipe.stdout).toMatch(DEFAULT_HEAD);
    expect(pipe.stderr).toContain('`before/.crr` is a named pipe, not a folder, so crr did not look for a template in it;');
  });

  it("uses the base folder's template, refuses one over 64 KiB, and ignores the head's", () => {
    const dir = folders();
    mkdirSync(join(dir, 'before/.crr'));
    writeFileSync(join(dir, 'before', TEMPLATE), 'BASE {{{verdict}}}\n');
    mkdirSync(join(dir, 'after/.crr'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'after', TEMPLATE));
    const run = diffFolders(dir);
    expect(run.stdout).toBe('BASE 2 changes to clinical risk; no guard tripped\\.\n');
    expect(run.stderr).toBe('');
    writeFileSync(join(dir, 'before', TEMPLATE), 'x'.repeat(64 * 1024 + 1));
    const over = diffFolders(dir);
    expect(over.stdout).toMatch(DEFAULT_HEAD);
    expect(over.stderr).toContain('The template `before/.crr/diff.md.hbs` is 65 KiB; a template may be at most 64 KiB');
  });
});
