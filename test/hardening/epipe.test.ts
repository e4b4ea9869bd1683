/**
 * Issue 8, class 8a: `crr rules | head` and the like. When the reader of crr's output goes away,
 * crr stops writing, prints no stack trace and no message, and exits with its own status
 * (docs/decisions.md, "A closed pipe ends the output quietly"). Through the real binary: the
 * EPIPE is an event of the process's own streams.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO } from '../support/run-bin.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', LANG: 'C.UTF-8' };

/**
 * Run crr with one of its output streams closed by the reader before crr writes anything (the
 * read end is destroyed straight after the spawn, long before Node has loaded crr), so every
 * write to it fails: deterministic, unlike racing `head`. The other stream is collected.
 */
function withClosed(stream: 'stdout' | 'stderr', argv: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; other: string }> {
  const child = spawn(process.execPath, [BIN, ...argv], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child[stream].destroy();
  const otherName = stream === 'stdout' ? 'stderr' : 'stdout';
  let other = '';
  child[otherName].on('data', (d: Buffer) => (other += d.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, other });
    }),
  );
}

/** A register with a hundred errors: many writes after the first one fails. */
const broken = tempRegister({
  'register.yaml': MINIMAL_MANIFEST,
  'hazards.yaml': `hazards:\n${Array.from({ length: 100 }, (_, i) => `  - { id: HAZ-${i + 1}, title: Broken ${i + 1} }\n`).join('')}`,
});
afterAll(() => broken.cleanup());

describe('a closed stdout ends the output quietly', () => {
  it.each([
    [['rules'], 0],
    [['rules', '--format', 'json'], 0],
    [['schema'], 0],
    [['--help'], 0],
    [['validate', 'registers/example-icb', '--as-of', '2026-11-21'], 0],
    // The register's errors still fail a `set -o pipefail` job: a truncated view hides nothing.
    [['validate', '%BROKEN%', '--as-of', '2026-11-21'], 1],
    [['validate', '%BROKEN%', '--format', 'json', '--as-of', '2026-11-21'], 1],
  ])('crr %j: exit %i, nothing on stderr', async (argv, code) => {
    const r = await withClosed('stdout', argv.map((a) => (a === '%BROKEN%' ? broken.dir : a)));
    expect(r).toEqual({ code, signal: null, other: '' });
  });
});

describe('a closed stderr ends the output quietly', () => {
  it('a usage error (written to stderr) still exits 2', async () => {
    const r = await withClosed('stderr', ['valdate']);
    expect(r).toEqual({ code: 2, signal: null, other: '' });
  });
});

describe.runIf(existsSync('/dev/full'))('output that cannot be written is not a quiet success', () => {
  it('crr rules > /dev/full: exit 2, and says why on stderr', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" rules >/dev/full`], { cwd: REPO, env, encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('crr: could not write the output: ENOSPC: no space left on device, write.\n  hint: Check the disk, file or terminal it was going to, and run the command again.\n');
  });
});

describe('`crr … | head -1` in a shell', () => {
  const out = mkdtempSync(join(tmpdir(), 'crr-epipe-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it.each([
    [['rules'], 0],
    [['schema'], 0],
    [['validate', '%BROKEN%', '--as-of', '2026-11-21'], 1],
  ])('crr %j prints its first line, no error, and exits %i', (argv, code) => {
    const err = join(out, `${argv[0]}.err`);
    const args = argv.map((a) => (a === '%BROKEN%' ? broken.dir : a));
    // Plain sh reports head's status, not crr's, so crr's is written to a file.
    const crr = `"${process.execPath}" "${BIN}" ${args.map((a) => `'${a}'`).join(' ')} 2>"${err}"; echo $? >"${err}.code"`;
    const r = spawnSync('sh', ['-c', `{ ${crr}; } | head -1`], { cwd: REPO, env, encoding: 'utf8', timeout: 10_000 });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(readFileSync(err, 'utf8')).toBe('');
    expect(Number(readFileSync(`${err}.code`, 'utf8'))).toBe(code);
  });
});
