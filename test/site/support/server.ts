/**
 * A tiny static file server for the site tests (Node only, no dependencies): serves a folder on
 * 127.0.0.1 at a random free port, under a path prefix, the way a static host would.
 *
 * - `GET`/`HEAD` only (anything else: 405).
 * - Paths outside the prefix: 404. The prefix without its trailing slash, and any folder URL
 *   without one, redirect (301) to the slash form, as static hosts do, so relative URLs resolve
 *   the same way they will in production.
 * - A folder URL serves its `index.html`; no directory listings (a folder without one: 404).
 * - Nothing outside the folder is reachable (`..`, encoded slashes, symlinks out: 404).
 * - Content types for what the site ships, `X-Content-Type-Options: nosniff` (so a wrong type
 *   fails in the browser the way it would on a real host), `Cache-Control: no-store`.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  // Pagefind: its index files are gzipped blobs the pagefind JS fetches and inflates itself,
  // so they must go out as opaque bytes with no Content-Encoding.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

const FALLBACK_TYPE = 'application/octet-stream';

/** The Content-Type the server sends for a file name. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? FALLBACK_TYPE;
}

export interface ServeOptions {
  /** Where the folder appears, e.g. `/registers/kent/`. Default `/`. */
  pathPrefix?: string;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port><prefix>`: the folder's root URL, with a trailing slash. */
  url: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Every request received, as `METHOD /path status`, in order. */
  requests: string[];
  close(): Promise<void>;
}

function normalisePrefix(prefix: string): string {
  let p = prefix.trim();
  if (!p.startsWith('/')) p = `/${p}`;
  if (!p.endsWith('/')) p = `${p}/`;
  return p;
}

/** Serves `folder` on 127.0.0.1 at a random free port under `pathPrefix`. */
export async function serveStatic(folder: string, options: ServeOptions = {}): Promise<StaticServer> {
  const prefix = normalisePrefix(options.pathPrefix ?? '/');
  const root = await realpath(resolve(folder));
  const requests: string[] = [];

  const server = createServer((req, res) => {
    handle(req, res).then(
      (status) => requests.push(`${req.method ?? '?'} ${req.url ?? ''} ${status}`),
      (error: unknown) => {
        requests.push(`${req.method ?? '?'} ${req.url ?? ''} 500`);
        if (!res.headersSent) send(res, 500, `Internal error: ${String(error)}`);
        else res.destroy();
      },
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method not allowed');
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;

    if (`${pathname}/` === prefix) return redirect(res, prefix);
    if (!pathname.startsWith(prefix)) return send(res, 404, 'Not found');

    // Decode segment by segment so an encoded slash cannot make a new segment.
    const segments: string[] = [];
    for (const raw of pathname.slice(prefix.length).split('/')) {
      let segment: string;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        return send(res, 400, 'Bad request');
      }
      if (segment === '') continue;
      if (segment === '.' || segment === '..' || segment.includes('/') || segment.includes('\\') || segment.includes('\0')) {
        return send(res, 404, 'Not found');
      }
      segments.push(segment);
    }

    let file = resolve(root, ...segments);
    let info = await statOrNull(file);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) return redirect(res, `${pathname}/`);
      file = resolve(file, 'index.html');
      info = await statOrNull(file);
    } else if (info && pathname.endsWith('/')) {
      return send(res, 404, 'Not found');
    }
    if (!info?.isFile()) return send(res, 404, 'Not found');

    // Refuse anything that resolves (through a symlink) outside the folder.
    const real = await realpath(file);
    if (real !== root && !real.startsWith(root + sep)) return send(res, 404, 'Not found');

    res.statusCode = 200;
    res.setHeader('Content-Type', contentTypeFor(real));
    res.setHeader('Content-Length', info.size);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'HEAD') {
      res.end();
      return 200;
    }
    await new Promise<void>((done, fail) => {
      const stream = createReadStream(real);
      stream.on('error', fail);
      res.on('finish', done);
      res.on('close', done);
      stream.pipe(res);
    });
    return 200;
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}${prefix}`,
    origin,
    port,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

async function statOrNull(file: string) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string): number {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`${body}\n`);
  return status;
}

function redirect(res: ServerResponse, location: string): number {
  res.statusCode = 301;
  res.setHeader('Location', location);
  res.setHeader('Cache-Control', 'no-store');
  res.end();
  return 301;
}
