/**
 * Issue 8, class 5: `crr serve` against hostile requests, and its temporary folders on every way
 * it can end. Through the real binary: a crash, a signal or a leftover folder only shows there.
 * Each server builds the example's site (2-3 s), so one server is shared by the request cases.
 */
import { type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NothingToServe, startPreview } from '../../packages/cli/src/commands/serve.js';
import { expectClean, REPO, runBin, spawnBin } from '../support/run-bin.js';
import { runCli } from '../support/run-cli.js';
import { MINIMAL_MANIFEST } from '../support/temp-register.js';

// For the in-process case of a build that throws: the first build is the real one unless told otherwise.
const buildMode = vi.hoisted(() => ({ throwOn: new Set<number>(), calls: 0 }));
vi.mock('../../packages/cli/src/commands/build.js', async (importActual) => {
  const actual = await importActual<typeof import('../../packages/cli/src/commands/build.js')>();
  return {
    ...actual,
    buildInto: async (...a: Parameters<typeof actual.buildInto>) => {
      const call = ++buildMode.calls;
      if (buildMode.throwOn.has(call)) {
        writeFileSync(join(a[2], 'half-written.html'), '<p>');
        throw new Error('no space left on device');
      }
      return actual.buildInto(...a);
    },
  };
});

const scratch = mkdtempSync(join(tmpdir(), 'crr-hardening-serve-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the worked example, and a private TMPDIR so that only this test's folders are counted. */
function setting(name: string): { reg: string; tmp: string } {
  const reg = join(scratch, name, 'reg');
  const tmp = join(scratch, name, 'tmp');
  cpSync(join(REPO, 'registers/example-icb'), reg, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  return { reg, tmp };
}

const serveFolders = (tmp: string) => readdirSync(tmp).filter((n) => n.startsWith('crr-serve-'));

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when the output matches, rejects if the process ends first. */
  waitFor: (stream: 'stdout' | 'stderr', pattern: RegExp) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `crr serve` on a port of its own, killed after 30 s whatever happens. */
function serve(reg: string, tmp: string, extra: string[] = ['--port', '0']): Running {
  const child = spawnBin(['serve', reg, ...extra, '--no-search', '--as-of', '2026-11-21'], { env: { TMPDIR: tmp } });
  const out = { stdout: '', stderr: '' };
  const waiters: (() => void)[] = [];
  const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
  for (const s of ['stdout', 'stderr'] as const)
    child[s]!.on('data', (d: Buffer) => {
      out[s] += d.toString();
      for (const w of [...waiters]) w();
    });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal });
      for (const w of [...waiters]) w();
    }),
  );
  const waitFor = (stream: 'stdout' | 'stderr', pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(out[stream])) resolve();
        else if (child.exitCode !== null || child.signalCode !== null) reject(new Error(`crr serve ended before ${pattern}:\n${out.stdout}\n${out.stderr}`));
        else return;
        waiters.splice(waiters.indexOf(check), 1);
      };
      waiters.push(check);
      check();
    });
  return { child, stdout: () => out.stdout, stderr: () => out.stderr, waitFor, exited };
}

/** Send bytes exactly as given (no client normalising the path) and read the status line. */
function rawRequest(port: number, text: string): Promise<{ status: number; response: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (response += d));
    socket.on('error', (e) => (response ? undefined : reject(e)));
    socket.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3}) /.exec(response);
      if (m) resolve({ status: Number(m[1]), response });
      else reject(new Error(`no HTTP answer: ${JSON.stringify(response.slice(0, 200))}`));
    });
    socket.end(text);
  });
}
const get = (port: number, path: string, method = 'GET', host = `127.0.0.1:${port}`) => rawRequest(port, `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

describe('crr serve: hostile requests never stop the server', () => {
  const { reg, tmp } = setting('requests');
  let server: Running;
  let port = 0;
  beforeAll(async () => {
    server = serve(reg, tmp);
    await server.waitFor('stdout', /Serving .* at http:\/\/127\.0\.0\.1:\d+\//);
    port = Number(/127\.0\.0\.1:(\d+)\//.exec(server.stdout())![1]);
  }, 60_000);
  afterAll(() => server.child.kill('SIGKILL'));

  it.each([
    ['an undecodable %-escape', '/%E0%A4%A', 400],
    ['a NUL byte', '/%00', 400],
    ['a NUL byte in a file name', '/index.html%00.png', 400],
    ['`..` with encoded slashes', '/..%2f..%2fetc/passwd', 400],
    ['encoded `..` segments', '/%2e%2e/%2e%2e/etc/passwd', 400],
    ['plain `..` segments', '/../../etc/passwd', 400],
    ['backslashes', '/..%5c..%5cetc%5cpasswd', 400],
    ['a doubly encoded `..` (a harmless name)', '/%252e%252e/%252e%252e/etc/passwd', 404],
    ['an absolute URL instead of a path', 'http://127.0.0.1/etc/passwd', 400],
    ['a 3 KB path', `/${'a'.repeat(3000)}`, 414],
    ['a 100 KB path', `/${'a'.repeat(100_000)}`, 431],
    ['a missing file', '/no-such-page.html', 404],
  ])('%s gets a %i, then / still answers 200', async (_what, path, status) => {
    expect((await get(port, path)).status).toBe(status);
    expect((await get(port, '/')).status).toBe(200);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE'])('%s gets a 405 naming the allowed methods', async (method) => {
    const r = await rawRequest(port, `${method} / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello`);
    expect(r.status).toBe(405);
    expect(r.response).toMatch(/\r\nallow: GET, HEAD\r\n/i);
    expect((await get(port, '/')).status).toBe(200);
  });

  it('a request Node cannot parse gets a 400', async () => {
    expect((await rawRequest(port, 'GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n')).status).toBe(400);
    expect((await get(port, '/')).status).toBe(200);
  });

  it('answers HEAD with the headers and length of GET, and no body; security headers on every answer', async () => {
    const head = await get(port, '/', 'HEAD');
    const full = await get(port, '/');
    expect(head.status).toBe(200);
    const length = Number(/\r\ncontent-length: (\d+)\r\n/i.exec(head.response)![1]);
    expect(length).toBeGreaterThan(1000);
    expect(head.response.endsWith('\r\n\r\n')).toBe(true);
    // Read as latin1, one character is one byte.
    expect(full.response.slice(full.response.indexOf('\r\n\r\n') + 4).length).toBe(length);
    for (const r of [head, full, await get(port, '/%00'), await get(port, '/nope')]) {
      expect(r.response).toMatch(/\r\nx-content-type-options: nosniff\r\n/i);
      expect(r.response).toMatch(/\r\nx-frame-options: DENY\r\n/i);
    }
  });

  it('redirects a folder without its slash, so the page\'s relative links work', async () => {
    const r = await get(port, '/hazards');
    expect(r.status).toBe(301);
    expect(r.response).toMatch(/\r\nlocation: \/hazards\/\r\n/i);
    expect((await get(port, '/hazards/')).status).toBe(200);
    // A location built from the path's segments: never `//elsewhere`, an address on another site.
    expect((await get(port, '//hazards')).response).toMatch(/\r\nlocation: \/hazards\/\r\n/i);
  });

  it('answers only to its own names (no DNS rebinding)', async () => {
    expect((await get(port, '/', 'GET', 'attacker.example')).status).toBe(421);
    expect((await get(port, '/', 'GET', `attacker.example:${port}`)).status).toBe(421);
    expect((await get(port, '/', 'GET', `localhost:${port}`)).status).toBe(200);
  });

  it('serves nothing outside the site, even through a link placed inside it', async () => {
    const secret = join(scratch, 'secret.txt');
    writeFileSync(secret, 'patient identifiable data');
    const [folder] = serveFolders(tmp);
    const [site] = readdirSync(join(tmp, folder!));
    symlinkSync(secret, join(tmp, folder!, site!, 'leak.txt'));
    symlinkSync(scratch, join(tmp, folder!, site!, 'leak-folder'));
    const file = await get(port, '/leak.txt');
    expect(file.status).toBe(404);
    expect(file.response).not.toContain('patient');
    expect((await get(port, '/leak-folder/secret.txt')).status).toBe(404);
    expect((await get(port, '/index.html')).status).toBe(200);
  });

  it('works from a real HTTP client too, and Ctrl-C (SIGINT), as it says, ends it with exit 0 and no temporary folder', async () => {
    const status = await new Promise<number>((resolve, reject) =>
      request({ host: '127.0.0.1', port, path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
        .on('error', reject)
        .end(),
    );
    expect(status).toBe(200);
    expect(serveFolders(tmp)).toHaveLength(1);
    server.child.kill('SIGINT');
    const end = await server.exited;
    expect(end).toEqual({ code: 0, signal: null });
    expect(serveFolders(tmp)).toEqual([]);
    expect(server.stderr()).not.toMatch(/^\s+at /m);
  });
});

describe('crr serve leaves no temporary folder, however it ends', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s during the first build: exits %i and removes the folder', async (signal, code) => {
    const { reg, tmp } = setting(`signal-${signal}`);
    const run = serve(reg, tmp);
    await run.waitFor('stderr', /Building the site: \d+ of/);
    expect(serveFolders(tmp)).toHaveLength(1);
    run.child.kill(signal);
    expect(await run.exited).toEqual({ code, signal: null });
    expect(serveFolders(tmp)).toEqual([]);
    expect(run.stdout()).not.toContain('Serving');
  }, 30_000);

  it('a port in use: exit 2 with a hint, at once, and no folder', async () => {
    const { reg, tmp } = setting('port-in-use');
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      const r = runBin(['serve', reg, '--port', String(port), '--no-search'], { env: { TMPDIR: tmp }, timeoutMs: 10_000 });
      expectClean(r, 'serve on a port in use');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Port ${port} is in use.`);
      expect(r.stderr).toContain('hint: Choose another with `--port`');
      expect(r.stderr).not.toContain('Building the site');
      expect(serveFolders(tmp)).toEqual([]);
    } finally {
      taken.close();
    }
  });

  it('a register with errors: its diagnostics, exit 1, nothing served and no folder', () => {
    const { reg, tmp } = setting('errors');
    writeFileSync(join(reg, 'oops.yaml'), 'hazards:\n  - { id: HAZ-X }\n');
    const r = runBin(['serve', reg, '--port', '0', '--no-search', '--as-of', '2026-11-21'], { env: { TMPDIR: tmp }, timeoutMs: 10_000 });
    expectClean(r, 'serve a register with errors');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('Serving');
    expect(r.stderr).toContain('oops.yaml');
    expect(r.stderr).toContain('so there is no site to serve');
    expect(serveFolders(tmp)).toEqual([]);
  });

  it('a missing register folder: exit 2 and no folder', () => {
    const tmp = mkdtempSync(join(scratch, 'missing-tmp-'));
    const r = runBin(['serve', join(scratch, 'no-such-register'), '--port', '0'], { env: { TMPDIR: tmp }, timeoutMs: 10_000 });
    expectClean(r, 'serve a missing folder');
    expect(r.code).toBe(2);
    expect(serveFolders(tmp)).toEqual([]);
  });
});

describe('startPreview (in-process) when the build throws', () => {
  const reg = join(scratch, 'in-process-reg');
  cpSync(join(REPO, 'test/fixtures/rules/valid'), reg, { recursive: true });
  const quiet = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: REPO, env: {} };

  it('removes its temporary folder and rejects with the error when the first build throws', async () => {
    const folder = mkdtempSync(join(scratch, 'crr-serve-'));
    buildMode.calls = 0;
    buildMode.throwOn = new Set([1]);
    await expect(startPreview({ dir: reg, shownDir: reg, asOf: '2026-11-21', port: 0, io: quiet, search: false, scratch: folder })).rejects.toThrow('no space left on device');
    expect(existsSync(folder)).toBe(false);
  });

  it('a rebuild that throws: its half-written site is removed and the last good one still served', async () => {
    const folder = mkdtempSync(join(scratch, 'crr-serve-'));
    buildMode.calls = 0;
    buildMode.throwOn = new Set([2]);
    let stderr = '';
    const io = { ...quiet, stderr: { write: (s: string) => (stderr += s) } };
    const preview = await startPreview({ dir: reg, shownDir: reg, asOf: '2026-11-21', port: 0, io, search: false, scratch: folder });
    try {
      const next = preview.nextBuild();
      writeFileSync(join(reg, 'touched.yaml'), '# an edit\n');
      expect(await next).toBe('errors');
      expect(stderr).toContain('the rebuild failed: no space left on device');
      expect(readdirSync(folder)).toHaveLength(1);
      expect((await fetch(preview.url)).status).toBe(200);
    } finally {
      await preview.close();
    }
    expect(existsSync(folder)).toBe(false);
  }, 30_000);

  it('a register with errors at the start rejects with NothingToServe', async () => {
    const broken = join(scratch, 'in-process-broken');
    cpSync(reg, broken, { recursive: true });
    writeFileSync(join(broken, 'register.yaml'), MINIMAL_MANIFEST.replace('title: Test register\n', ''));
    const folder = mkdtempSync(join(scratch, 'crr-serve-'));
    await expect(startPreview({ dir: broken, shownDir: broken, asOf: '2026-11-21', port: 0, io: quiet, search: false, scratch: folder })).rejects.toBeInstanceOf(NothingToServe);
    expect(existsSync(folder)).toBe(false);
  });
});

describe('option values are checked by the parser', () => {
  const cases: [string[], RegExp][] = [
    [['serve', '--port='], /`--port` needs a value \(port\), but was given an empty one/],
    [['serve', '--port', ''], /`--port` needs a value \(port\), but was given an empty one/],
    [['serve', '--port', '0x1F91'], /`--port` must be a whole number from 0 to 65535, written in digits, not `0x1F91`/],
    [['serve', '--port', '1e3'], /not `1e3`/],
    [['serve', '--port', ' 80'], /not ` 80`/],
    [['serve', '--port', '-1'], /not `-1`/],
    [['serve', '--port', '65536'], /not `65536`/],
    [['serve', '--port', '8080.0'], /not `8080.0`/],
    [['serve', '--port', '٨٠٨٠'], /not `٨٠٨٠`/],
    [['build', '--out='], /`--out` needs a value \(folder\), but was given an empty one/],
    [['build', '--out', '  '], /`--out` needs a value/],
    [['diff', 'a', 'b', '--site-url='], /`--site-url` needs a value/],
    [['what-if', '--fail='], /`--fail` needs a value/],
    [['analyse', '--top', '0x10'], /`--top` must be a whole number of at least 1, written in digits, not `0x10`/],
    [['analyse', '--top', '0'], /not `0`/],
  ];

  // The real binary for the reported ones; each start costs a second or two on a busy machine.
  it.each(cases.slice(0, 3))('%j through the binary: exit 2 with a hint', (argv, message) => {
    const r = runBin(argv, { timeoutMs: 10_000 });
    expectClean(r, argv.join(' '));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/\n {2}hint: /);
  });

  it.each(cases)('%j: exit 2 with a hint', async (argv, message) => {
    const r = await runCli(argv, { cwd: REPO });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/\n {2}hint: /);
  });
});
