/**
 * The real `crr` binary (`node packages/cli/bin/crr.js`, compiled into `packages/cli/dist`), run
 * as a user or a CI job would: a child process with a time limit. The hardening and fuzz suites
 * use it because some failures (a hang, an EPIPE, a stack overflow, a signal) only show there.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(REPO, 'packages/cli/bin/crr.js');

export interface BinRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds, spawn to exit. */
  ms: number;
  /** Killed by the time limit. */
  timedOut: boolean;
}

export interface BinOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Kill the process after this many milliseconds (default 30 s). */
  timeoutMs?: number;
  input?: string;
  /** Options for node itself, before the script (e.g. `--import` of a watcher). */
  nodeArgs?: readonly string[];
}

/** A clean environment: no colour, no debug traces, nothing of the developer's shell. */
function binEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', LANG: 'C.UTF-8', ...extra };
}

/** Run `crr argv…` and wait for it (synchronously: simplest where nothing else must run meanwhile). */
export function runBin(argv: readonly string[], options: BinOptions = {}): BinRun {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...argv], {
    cwd: options.cwd ?? REPO,
    env: binEnv(options.env),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 30_000,
    killSignal: 'SIGKILL',
    input: options.input,
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms, timedOut };
}

/** Run `crr argv…` without blocking this process (for a server the test talks to). */
export function spawnBin(argv: readonly string[], options: BinOptions = {}) {
  return spawn(process.execPath, [BIN, ...argv], { cwd: options.cwd ?? REPO, env: binEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A stack frame as Node prints it: `    at fn (file:line:col)`. */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

/**
 * What every run of crr must be, whatever its input: it finished in time, exited 0, 1 or 2, and
 * printed no stack trace and no "internal error" (crr's words for a bug of its own).
 */
export function expectClean(run: BinRun, what = 'crr'): void {
  const shown = `${what}\n--- stdout ---\n${run.stdout.slice(0, 2000)}\n--- stderr ---\n${run.stderr.slice(0, 2000)}`;
  expect(run.timedOut, `${what} timed out after ${Math.round(run.ms)} ms`).toBe(false);
  expect(run.signal, shown).toBeNull();
  expect([0, 1, 2], shown).toContain(run.code);
  expect(run.stdout + run.stderr, shown).not.toMatch(STACK_FRAME);
  expect(run.stdout + run.stderr, shown).not.toMatch(/internal error/i);
  expect(run.stdout + run.stderr, shown).not.toMatch(/Maximum call stack|heap out of memory|RangeError|TypeError/);
}

/**
 * A fingerprint of everything under a folder (names, kinds, modes, link targets and bytes), so a
 * test can show a command changed nothing. Special files are named, never opened.
 */
export function folderFingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      const path = rel ? `${rel}/${name}` : name;
      const s = lstatSync(abs);
      hash.update(`${path}\0${s.mode}\0`);
      if (s.isSymbolicLink()) hash.update(`link:${readlinkSync(abs)}\0`);
      else if (s.isDirectory()) walk(abs, path);
      else if (s.isFile()) hash.update(readFileSync(abs));
      else hash.update('special\0');
    }
  };
  walk(root, '');
  return hash.digest('hex');
}
