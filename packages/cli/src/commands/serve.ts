import { watch, type FSWatcher } from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { EXIT, useColour, UsageError, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { paint } from '../render/colour.js';
import { writeDiagnostics } from '../render/pretty.js';
import { buildInto } from './build.js';
import { asOfOption, resolveDir } from './common.js';
import { loadValidated } from './load.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface Preview {
  url: string;
  /** Resolves after the next rebuild (or failed rebuild) completes. */
  nextBuild(): Promise<'built' | 'errors'>;
  close(): Promise<void>;
}

/**
 * Build a register's site into a temporary folder, serve it on 127.0.0.1, and rebuild when a
 * register file changes. A rebuild that finds errors reports them and keeps serving the last
 * good site.
 */
export async function startPreview(options: { dir: string; shownDir: string; asOf: string; port: number; io: Io; search: boolean }): Promise<Preview> {
  const { io } = options;
  const p = paint(useColour(io, 'stderr'));
  let root = '';
  const build = async (): Promise<'built' | 'errors'> => {
    const { register, diagnostics, errors } = await loadValidated(io, options.dir, options.asOf);
    if (errors) {
      writeDiagnostics(io.stderr, diagnostics, { displayDir: options.shownDir, register, paint: p, asOf: options.asOf }, root ? 'Still serving the last site that built.' : 'The register has errors, so there is no site to serve yet.');
      return 'errors';
    }
    const out = mkdtempSync(join(tmpdir(), 'crr-serve-'));
    await buildInto(register, options.asOf, out, { search: options.search, io });
    const old = root;
    root = out;
    if (old) rmSync(old, { recursive: true, force: true });
    return 'built';
  };
  await build();

  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const file = normalize(join(root, path));
    if (!root || (file !== root && !file.startsWith(root + sep))) {
      res.writeHead(404).end('Not found');
      return;
    }
    let target = file;
    try {
      if (statSync(target).isDirectory()) target = join(target, 'index.html');
      const body = readFileSync(target);
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new UsageError(`Port ${options.port} is in use.`, 'Choose another with `--port`, or `--port 0` for any free port.') : e),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : options.port}/`;

  // Rebuild on changes, debounced: an editor's save is often several writes.
  let waiting: ((r: 'built' | 'errors') => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const watcher: FSWatcher = watch(options.dir, { recursive: true }, (_event, name) => {
    if (name && !/\.ya?ml$/i.test(String(name))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        io.stderr.write('A register file changed: rebuilding.\n');
        const result = await build().catch((e: Error) => {
          io.stderr.write(`crr: the rebuild failed: ${e.message}\n`);
          return 'errors' as const;
        });
        const resolveAll = waiting;
        waiting = [];
        for (const r of resolveAll) r(result);
      });
    }, 150);
  });

  return {
    url,
    nextBuild: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      clearTimeout(timer);
      watcher.close();
      await running;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (root) rmSync(root, { recursive: true, force: true });
    },
  };
}

export async function serveCommand(parsed: Parsed, io: Io, stop: Promise<void> = onInterrupt()): Promise<number> {
  const dir = parsed.args.dir ?? '.';
  const portText = (parsed.options.port as string | undefined) ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`\`--port\` must be a port number from 0 to 65535, not \`${portText}\`.`);
  const preview = await startPreview({ dir: resolveDir(io, dir), shownDir: dir, asOf: asOfOption(parsed, io), port, io, search: !parsed.options['no-search'] });
  io.stdout.write(`Serving the report site of ${dir} at ${preview.url} (rebuilt when a register file changes). Press Ctrl-C to stop.\n`);
  await stop;
  await preview.close();
  return EXIT.ok;
}

function onInterrupt(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
