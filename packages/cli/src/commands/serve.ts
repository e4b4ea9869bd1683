import { mkdtempSync, rmSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { EXIT, useColour, UsageError, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { paint } from '../render/colour.js';
import { writeDiagnostics } from '../render/pretty.js';
import { buildInto } from './build.js';
import { resolveDir } from './common.js';
import { loadValidated } from './load.js';
import { handleRequest, type Served } from './serve-request.js';
import { crrCommand } from '../command-prefix.js';

export interface Preview {
  url: string;
  /** Resolves after the next rebuild (or failed rebuild) completes. */
  nextBuild(): Promise<'built' | 'errors'>;
  close(): Promise<void>;
}

/** The register had errors when the preview started: they are reported, and there is nothing to serve. */
export class NothingToServe extends Error {
  constructor() {
    super('The register has errors, so there is no site to serve.');
  }
}

export interface PreviewOptions {
  dir: string;
  shownDir: string;
  asOf: string;
  port: number;
  io: Io;
  search: boolean;
  /**
   * A new, empty temporary folder the preview owns: sites are built inside it and it is removed
   * when the preview closes or fails to start. Made here if not given; `crr serve` makes it
   * first, so that a signal during the first build can remove it too.
   */
  scratch?: string;
}

/** Where `crr serve` builds its sites: one folder per run, under the system's temporary folder. */
export function makeScratch(): string {
  return mkdtempSync(join(tmpdir(), 'crr-serve-'));
}

function removeScratch(scratch: string): void {
  // Retried: a rebuild may be writing into it at the moment it is removed.
  rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
}

/**
 * Build a register's site into a temporary folder, serve it on 127.0.0.1, and rebuild when a
 * register file changes. Errors at the start are reported and reject with `NothingToServe`;
 * a later rebuild that finds errors reports them and keeps serving the last good site. Nothing
 * is left in the temporary folder after `close()` or a failed start.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const scratch = options.scratch ?? makeScratch();
  try {
    return await openPreview(options, scratch);
  } catch (e) {
    removeScratch(scratch);
    throw e;
  }
}

async function openPreview(options: PreviewOptions, scratch: string): Promise<Preview> {
  const { io } = options;
  const p = paint(useColour(io, 'stderr'));
  const served: Served = { root: undefined, port: options.port };
  const build = async (): Promise<'built' | 'errors'> => {
    const { register, diagnostics, errors } = await loadValidated(io, options.dir, options.asOf, 'serve');
    if (errors) {
      writeDiagnostics(
        io.stderr,
        diagnostics,
        { displayDir: options.shownDir, register, paint: p, asOf: options.asOf },
        served.root ? 'Still serving the last site that built.' : `The register has errors, so there is no site to serve. Fix them and run \`${crrCommand('serve')}\` again.`,
      );
      return 'errors';
    }
    const out = mkdtempSync(join(scratch, 'site-'));
    try {
      await buildInto(register, options.asOf, out, { search: options.search, io, registerDir: resolveDir(io, options.dir) });
    } catch (e) {
      rmSync(out, { recursive: true, force: true });
      throw e;
    }
    const old = served.root;
    served.root = out;
    if (old) rmSync(old, { recursive: true, force: true });
    return 'built';
  };
  // Listening first: a port in use is known at once, not after a build of several seconds.
  // Until the first site is built every request is answered 503.
  const server: Server = createServer((req, res) => handleRequest(req, res, served));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new UsageError(`Port ${options.port} is in use.`, 'Choose another with `--port`, or `--port 0` for any free port.')
          : e.code === 'EACCES'
            ? new UsageError(`This user may not listen on port ${options.port}.`, 'Choose a port above 1023, or `--port 0` for any free port.')
            : e,
      ),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  server.on('clientError', answerMalformed);
  server.on('error', (e: Error) => io.stderr.write(`crr: the preview server reported a problem: ${e.message}\n`));
  const address = server.address();
  served.port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://127.0.0.1:${served.port}/`;
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // A browser's keep-alive connections would hold `close` open indefinitely.
      server.closeAllConnections();
    });
  try {
    if ((await build()) === 'errors') throw new NothingToServe();
  } catch (e) {
    await closeServer();
    throw e;
  }

  // Rebuild on changes, debounced: an editor's save is often several writes.
  let waiting: ((r: 'built' | 'errors') => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const onChange = (_event: string, name: string | Buffer | null) => {
    if (name && !/\.ya?ml$/i.test(String(name))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        io.stderr.write('A register file changed: rebuilding.\n');
        const result = await build().catch((e: Error) => {
          io.stderr.write(`crr: the rebuild failed: ${e.message}\n  Still serving the last site that built.\n`);
          return 'errors' as const;
        });
        const resolveAll = waiting;
        waiting = [];
        for (const r of resolveAll) r(result);
      });
    }, 150);
  };
  // Watching can fail (too many folders for the system's limit, the folder removed): the preview
  // goes on serving what it built, without rebuilds, rather than stopping.
  const stopWatching = (e: Error) => io.stderr.write(`crr: stopped watching the register for changes (${(e as NodeJS.ErrnoException).code ?? e.message}); restart \`${crrCommand('serve')}\` to see later edits.\n`);
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(options.dir, { recursive: true }, onChange);
    watcher.on('error', (e) => {
      stopWatching(e);
      watcher?.close();
    });
  } catch (e) {
    stopWatching(e as Error);
  }

  return {
    url,
    nextBuild: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      clearTimeout(timer);
      watcher?.close();
      await running;
      await closeServer();
      removeScratch(scratch);
    },
  };
}

/**
 * A request too malformed or too large for Node's parser (a 100 KB path, a bad header) gets its
 * status, and the rest of it is read and dropped before the connection closes: closing with it
 * unread would reset the connection and the client would see no answer at all.
 */
function answerMalformed(e: NodeJS.ErrnoException, socket: Duplex): void {
  if (e.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = e.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : e.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\nX-Content-Type-Options: nosniff\r\n\r\n`);
  socket.resume();
  setTimeout(() => socket.destroy(), 2000).unref();
}

/** The signals that end `crr serve`, each with the exit status a shell reports for it (128 + n). */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export async function serveCommand(parsed: Parsed<'serve'>, io: Io, stop?: Promise<void>): Promise<number> {
  const { dir } = parsed.args;
  // `--port` was checked by the parser: a whole number from 0 to 65535.
  const { port, 'as-of': asOf, 'no-search': noSearch } = parsed.options;
  const scratch = makeScratch();
  // Until the preview is closed, a signal removes the temporary folder and ends the process at
  // once: a build in progress cannot be cancelled, and would otherwise write on into it.
  let serving = false;
  const release = stop ? () => {} : exitOnSignals(() => removeScratch(scratch), () => serving);
  try {
    let preview: Preview;
    try {
      preview = await startPreview({ dir: resolveDir(io, dir), shownDir: dir, asOf, port, io, search: !noSearch, scratch });
    } catch (e) {
      if (e instanceof NothingToServe) return EXIT.errors;
      throw e;
    }
    io.stdout.write(`Serving the report site of ${dir} at ${preview.url} (rebuilt when a register file changes). Press Ctrl-C to stop.\n`);
    serving = true;
    await (stop ?? new Promise<void>(() => {}));
    await preview.close();
    return EXIT.ok;
  } finally {
    release();
    removeScratch(scratch);
  }
}

/**
 * Run `cleanup` and exit with the conventional status on SIGINT, SIGTERM or SIGHUP; returns the
 * undo. Ctrl-C once the site is served is how the user was told to stop, so it is a success
 * (exit 0), not an interruption.
 */
function exitOnSignals(cleanup: () => void, serving: () => boolean): () => void {
  const handlers = STOP_SIGNALS.map((signal) => {
    const handler = () => {
      try {
        cleanup();
      } finally {
        process.exit(signal === 'SIGINT' && serving() ? 0 : 128 + constants.signals[signal]);
      }
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}
