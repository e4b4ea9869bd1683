/**
 * Issue 8, class 3: `crr build --out` is safe. Each case runs the real binary. Before the fix, an
 * `--out` through a link wrote the site into the register; a rebuild deleted everything in the
 * folder (a gh-pages checkout's `.git` and `CNAME` too); a build that failed part-way left a
 * folder the next build refused; `--out /proc/x` hung; and file-system errors (a name too long, a
 * parent that is a file, permission denied) ended in "internal error", or, when Pagefind could
 * not write its index, in a Rust panic and exit code 13.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, expectClean, folderFingerprint, REPO, runBin, spawnBin, type BinRun } from '../support/run-bin.js';

const AS_OF = '2026-11-21';
/** Generous guards, not benchmarks: a small register builds in a few seconds on a busy machine. */
const BUILD = { timeoutMs: 90_000 };
const QUICK = { timeoutMs: 20_000 };
/** How much longer than a plain refusal a special path may take: a hang is killed at QUICK. */
const WAIT_MS = 2_000;

const scratch = mkdtempSync(join(tmpdir(), 'crr-build-out-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A small valid register (three hazards, one of them referenced by nothing), copied to scratch. */
function register(name: string): string {
  const dir = join(scratch, name);
  cpSync(join(REPO, 'test/fixtures/rules/valid'), dir, { recursive: true });
  return dir;
}

function build(reg: string, out: string, options: { cwd?: string } = {}): BinRun {
  const run = runBin(['build', reg, '--out', out, '--as-of', AS_OF, '--no-search'], { ...BUILD, ...options });
  expectClean(run, `crr build --out ${out}`);
  return run;
}

/** A run that must be refused before anything is written: exit 2, a message and a hint. */
function refused(run: BinRun, message: RegExp): void {
  expectClean(run, 'crr build');
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).toMatch(/\n {2}hint: \S/);
  expect(run.stdout).toBe('');
}

const marker = (out: string) => JSON.parse(readFileSync(join(out, '.crr-site'), 'utf8')) as { files: string[] };
const hazardFolders = (out: string) => readdirSync(join(out, 'hazards')).filter((n) => /^haz-/i.test(n));

describe('the output folder is checked through its real path', () => {
  let reg: string;
  let before: string;
  beforeAll(() => {
    reg = register('linked-reg');
    before = folderFingerprint(reg);
  });

  it('refuses an --out that leads into the register through a link, and writes nothing there', () => {
    symlinkSync(reg, join(scratch, 'to-reg'));
    // Before: the link was not followed for a path that did not exist yet, and the site's
    // 392 files were written into the register.
    refused(runBin(['build', reg, '--out', join(scratch, 'to-reg', 'site'), '--as-of', AS_OF], QUICK), /`.*to-reg\/site` \(really `.*linked-reg\/site`\) is inside the register folder/);
    refused(runBin(['build', reg, '--out', join(scratch, 'to-reg'), '--as-of', AS_OF], QUICK), /inside the register folder \(or holds it\)/);
    // `link/..` is the link's parent as the system sees it (the register's parent), not `.`.
    mkdirSync(join(reg, 'sub'));
    symlinkSync(join(reg, 'sub'), join(scratch, 'to-sub'));
    refused(runBin(['build', reg, '--out', `${join(scratch, 'to-sub')}/../site`, '--as-of', AS_OF], QUICK), /inside the register folder/);
    rmSync(join(reg, 'sub'), { recursive: true });
    expect(folderFingerprint(reg)).toBe(before);
  });

  it('refuses a file-system root, the home folder, and the current folder unless asked with `.`', () => {
    refused(runBin(['build', reg, '--out', '/', '--as-of', AS_OF], QUICK), /`\/` is the root of the file system/);
    const home = join(scratch, 'home', 'user');
    mkdirSync(home, { recursive: true });
    refused(runBin(['build', reg, '--out', home, '--as-of', AS_OF], { ...QUICK, env: { HOME: home } }), /is your home folder/);
    refused(runBin(['build', reg, '--out', join(scratch, 'home'), '--as-of', AS_OF], { ...QUICK, env: { HOME: home } }), /holds your home folder/);
    const cwd = join(scratch, 'cwd');
    mkdirSync(cwd);
    refused(runBin(['build', reg, '--out', './', '--as-of', AS_OF], { ...QUICK, cwd }), /`\.\/` \(really `.*cwd`\) is the current folder; .*`--out \.`/);
    refused(runBin(['build', reg, '--out', '', '--as-of', AS_OF], QUICK), /`--out` needs a value .*empty/);
    refused(runBin(['build', reg, '--out=', '--as-of', AS_OF], QUICK), /`--out` needs a value .*empty/);
    expect(readdirSync(cwd)).toEqual([]);
    expect(folderFingerprint(reg)).toBe(before);
  });
});

describe('special paths are refused at once, never waited on', () => {
  let reg: string;
  let baseline: BinRun;
  beforeAll(() => {
    reg = register('special-reg');
    // The same command refused for a plain reason: what starting crr costs on this machine now.
    baseline = runBin(['build', reg, '--out', '/', '--as-of', AS_OF], QUICK);
  });

  it('refuses /proc/x (Node\'s recursive mkdir loops there for ever)', () => {
    const run = runBin(['build', reg, '--out', '/proc/x', '--as-of', AS_OF], QUICK);
    refused(run, /`\/proc\/x` cannot be created: the system does not allow new folders in `\/proc`/);
    expect(run.ms - baseline.ms).toBeLessThan(WAIT_MS);
  });

  it('refuses a FIFO, a device and a socket-like special file as --out', () => {
    const fifo = join(scratch, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const run = runBin(['build', reg, '--out', fifo, '--as-of', AS_OF], QUICK);
    refused(run, /is a named pipe \(FIFO\), not a folder/);
    expect(run.ms - baseline.ms).toBeLessThan(WAIT_MS);
    refused(runBin(['build', reg, '--out', '/dev/null', '--as-of', AS_OF], QUICK), /`\/dev\/null` is a device, not a folder/);
  });

  it('turns file-system errors into a sentence with the path and what to do (exit 2)', () => {
    // ENAMETOOLONG: a 300-character folder name.
    refused(runBin(['build', reg, '--out', join(scratch, 'n'.repeat(300)), '--as-of', AS_OF], QUICK), /Could not look up the output folder `.*n{300}`: the name is longer than the file system allows \(ENAMETOOLONG\)\./);
    // ENOTDIR: a parent that is a file.
    writeFileSync(join(scratch, 'a-file'), 'not a folder');
    refused(runBin(['build', reg, '--out', join(scratch, 'a-file', 'site'), '--as-of', AS_OF], QUICK), /`.*a-file` is a file, not a folder, so `.*a-file\/site` cannot be inside it/);
    // A link to nothing.
    symlinkSync(join(scratch, 'nowhere'), join(scratch, 'dangling'));
    refused(runBin(['build', reg, '--out', join(scratch, 'dangling'), '--as-of', AS_OF], QUICK), /is a symbolic link to `.*nowhere`, which does not exist/);
  });

  it.runIf(existsSync('/sys/kernel'))('refuses a system folder that will not take a new folder (/sys: EPERM, EACCES or EROFS)', () => {
    refused(runBin(['build', reg, '--out', '/sys/crr-site', '--as-of', AS_OF], QUICK), /Could not create the output folder `\/sys\/crr-site`: .*\((EPERM|EACCES|EROFS)\)\./);
  });

  it('refuses a folder this user may not write to (EACCES)', () => {
    const locked = join(scratch, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    chmodSync(scratch, 0o755);
    // root may write anywhere, so as root the run is made as `nobody` (uid 65534).
    const asRoot = process.getuid?.() === 0;
    const r = spawnSync(process.execPath, [BIN, 'build', reg, '--out', join(locked, 'site'), '--as-of', AS_OF], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: QUICK.timeoutMs,
      killSignal: 'SIGKILL',
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    const run: BinRun = { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: 0, timedOut: false };
    refused(run, /Could not create the output folder `.*locked\/site`: permission was denied \(EACCES\)\./);
    expect(readdirSync(locked)).toEqual([]);
  });

  it('removes the folder it made when the register has errors, and builds nothing (exit 1)', () => {
    const broken = join(scratch, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'register.yaml'), 'register: { id: x }\n');
    const run = runBin(['build', broken, '--out', join(scratch, 'never', 'site'), '--as-of', AS_OF], QUICK);
    expectClean(run);
    expect(run.code).toBe(1);
    expect(existsSync(join(scratch, 'never'))).toBe(false);
  });
});

describe('a rebuild deletes only what crr wrote', () => {
  it('keeps .git, CNAME, .nojekyll and the user\'s files, and still removes the page of a deleted hazard', () => {
    const reg = register('pages-reg');
    const out = join(scratch, 'gh-pages');
    mkdirSync(join(out, '.git'), { recursive: true });
    writeFileSync(join(out, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    writeFileSync(join(out, 'CNAME'), 'risk.example.nhs.uk\n');
    writeFileSync(join(out, '.nojekyll'), '');
    // Before: a folder holding `.git` was refused as "not empty", and once built into, a rebuild
    // removed everything in it.
    expect(build(reg, out).code).toBe(0);
    expect(hazardFolders(out)).toHaveLength(3);
    const gone = hazardFolders(out).find((n) => /003$/.test(n))!;
    expect(marker(out).files).toContain(`hazards/${gone}/index.html`);
    expect(marker(out).files.some((f) => f.startsWith('.git') || f === 'CNAME')).toBe(false);

    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'hazards', 'reading-list.md'), 'also mine');
    const hazards = join(reg, 'hazard-log.yaml');
    const text = readFileSync(hazards, 'utf8');
    writeFileSync(hazards, text.slice(0, text.indexOf('  - id: HAZ-003')) + text.slice(text.indexOf('\ncontrols:') + 1));

    expect(build(reg, out).code).toBe(0);
    expect(hazardFolders(out)).toHaveLength(2);
    expect(existsSync(join(out, 'hazards', gone))).toBe(false); // the page, and the folder it left empty
    expect(readFileSync(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('risk.example.nhs.uk\n');
    expect(existsSync(join(out, '.nojekyll'))).toBe(true);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'hazards', 'reading-list.md'), 'utf8')).toBe('also mine');
    expect(marker(out).files).not.toContain('notes.txt');
  }, 200_000);

  it('refuses a marker it did not write (one listing a path outside the folder, or an old one), touching nothing', () => {
    const reg = register('marker-reg');
    const victim = join(scratch, 'victim.txt');
    writeFileSync(victim, 'precious');
    const forged = join(scratch, 'forged');
    mkdirSync(forged);
    writeFileSync(join(forged, '.crr-site'), JSON.stringify({ files: ['../victim.txt'] }));
    refused(runBin(['build', reg, '--out', forged, '--as-of', AS_OF], QUICK), /The marker `\.crr-site` in `.*forged` lists `\.\.\/victim\.txt`/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');

    const old = join(scratch, 'old');
    mkdirSync(old);
    writeFileSync(join(old, '.crr-site'), 'A site built by crr. `crr build` clears and rewrites this folder.\n');
    writeFileSync(join(old, 'index.html'), 'old page');
    refused(runBin(['build', reg, '--out', old, '--as-of', AS_OF], QUICK), /written by an older crr, which did not list the files it wrote/);
    expect(readFileSync(join(old, 'index.html'), 'utf8')).toBe('old page');
  });

  it('refuses a folder holding a link, which a write could follow out of it', () => {
    const reg = register('link-reg');
    const out = join(scratch, 'with-link');
    mkdirSync(out);
    writeFileSync(join(out, '.crr-site'), JSON.stringify({ files: [] }));
    const target = join(scratch, 'target.html');
    writeFileSync(target, 'not crr\'s');
    symlinkSync(target, join(out, 'index.html'));
    refused(runBin(['build', reg, '--out', out, '--as-of', AS_OF, '--no-search'], BUILD), /holds `index\.html`, which is a symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('not crr\'s');
  });
});

describe('a build that fails part-way', () => {
  it('leaves a folder the next build accepts, whether it was killed or hit a file-system error', async () => {
    const reg = register('failing-reg');
    const out = join(scratch, 'failing');
    // Killed once it has started writing (the JSON exports are written before the first progress line).
    const child = spawnBin(['build', reg, '--out', out, '--as-of', AS_OF, '--no-search']);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the build never started writing')), BUILD.timeoutMs);
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Building the site')) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    expect(readdirSync(out)).toContain('export');
    // Before: the folder held crr's files but no marker, and was refused as "not built by crr".
    expect(build(reg, out).code).toBe(0);

    // A folder in the way of a page: the build stops with a sentence (exit 2), not "internal error".
    const page = join(out, 'hazards', hazardFolders(out)[0]!, 'index.html');
    rmSync(page);
    mkdirSync(page);
    const failed = build(reg, out);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/Could not write the site into `.*failing` \(at `.*index\.html`\): a folder is in the way, where a file must go \(EISDIR\)\.\n {2}hint: Move that folder away/);
    // What the failed build wrote is recorded, so the next build removes it.
    const listed = marker(out).files;
    for (const f of listed) expect(existsSync(join(out, f)), f).toBe(true);
    rmSync(page, { recursive: true });
    const again = build(reg, out);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Built \d+ pages/);
  }, 300_000);

  it('reports a file in the way of the search index as a sentence, and leaves the file alone', () => {
    const reg = register('search-reg');
    const out = join(scratch, 'search-out');
    mkdirSync(out);
    writeFileSync(join(out, '.crr-site'), JSON.stringify({ files: [] }));
    writeFileSync(join(out, 'pagefind'), 'the user\'s file');
    // Before: Pagefind's writer panicked (a Rust backtrace) and crr exited with 13.
    const run = runBin(['build', reg, '--out', out, '--as-of', AS_OF], BUILD);
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Could not write the site into `.*search-out` \(at `.*pagefind\/\S+`\): part of the path is a file, not a folder \(ENOTDIR\)\./);
    expect(run.stderr).not.toMatch(/panicked|backtrace/);
    expect(readFileSync(join(out, 'pagefind'), 'utf8')).toBe('the user\'s file');
  }, 120_000);
});
