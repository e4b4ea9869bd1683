import { readFileSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

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

/**
 * On every answer. The pages carry their own Content-Security-Policy (a meta tag); these cover
 * what a meta tag cannot: no type sniffing, no framing (clickjacking), no referrer, no use of
 * the files by other sites, and nothing cached from a preview that changes under the browser.
 */
const HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/** Longer than any path of the built site by far; a longer request is not for it. */
const MAX_URL_LENGTH = 2048;

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface Served {
  /** The folder being served, or undefined before the first site is built. */
  root: string | undefined;
  /** The port the server listens on, for the Host check. */
  port: number;
}

/**
 * The answer to one request: a file of the built site under `root`, or a 4xx. Never throws on
 * what a client sends, since a request that crashed the preview would stop it for everyone.
 */
export function answer(method: string | undefined, url: string | undefined, host: string | undefined, served: Served): Answer {
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Only GET and HEAD are served.', { allow: 'GET, HEAD' });
  // A page on another site whose name was re-pointed at 127.0.0.1 (DNS rebinding) must not read
  // the register: only this machine's own names for the server are answered.
  if (host !== undefined && !isLocalHost(host, served.port)) return text(421, 'This preview answers only to 127.0.0.1 and localhost.');
  if (url === undefined || url.length > MAX_URL_LENGTH) return text(414, 'The address is too long.');
  const raw = url.split(/[?#]/, 1)[0]!;
  if (!raw.startsWith('/')) return text(400, 'The address must be a path from the site root.');
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return text(400, 'The address has a malformed %-escape.');
  }
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  // Checked after decoding, once: `%2e%2e`, `..%2f` and `..%5c` are all caught here; a doubly
  // encoded `%252e` decodes to the harmless name `%2e`.
  if (segments.some((s) => s === '..' || s.includes('\\') || s.includes('\0'))) return text(400, 'The address may not leave the site or hold a backslash or NUL.');
  if (!served.root) return text(503, 'The site is still being built: reload in a moment.', { 'retry-after': '2' });
  try {
    return fileAnswer(served.root, segments, path.endsWith('/'));
  } catch {
    // The site can be swapped by a rebuild between two file system calls: not found, this once.
    return text(404, 'Not found.');
  }
}

function fileAnswer(root: string, segments: string[], slash: boolean): Answer {
  const realRoot = realpathSync(root);
  // Only files really under the root: a link in the site (there are none, but) to elsewhere is not followed.
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + sep);
  let file = realpathSync(join(root, ...segments));
  if (!inside(file)) return text(404, 'Not found.');
  if (statSync(file).isDirectory()) {
    // A page's relative links work only from its folder's own address, with the slash.
    if (!slash) return text(301, 'Moved.', { location: `/${segments.map(encodeURIComponent).join('/')}/` });
    file = realpathSync(join(file, 'index.html'));
    if (!inside(file)) return text(404, 'Not found.');
  }
  if (!statSync(file).isFile()) return text(404, 'Not found.');
  return { status: 200, headers: { ...HEADERS, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }, body: readFileSync(file) };
}

function isLocalHost(host: string, port: number): boolean {
  const m = /^(127\.0\.0\.1|localhost)(?::(\d+))?$/i.exec(host);
  return m !== null && (m[2] === undefined ? port === 80 : Number(m[2]) === port);
}

function text(status: number, message: string, extra: Record<string, string> = {}): Answer {
  return { status, headers: { ...HEADERS, ...extra, 'content-type': 'text/plain; charset=utf-8' }, body: `${message}\n` };
}

/** Send an answer; HEAD gets the headers (with the length) and no body. */
export function handleRequest(req: IncomingMessage, res: ServerResponse, served: Served): void {
  let a: Answer;
  try {
    a = answer(req.method, req.url, req.headers.host, served);
  } catch {
    a = text(500, 'The preview could not answer this request.');
  }
  const body = typeof a.body === 'string' ? Buffer.from(a.body) : a.body;
  res.writeHead(a.status, { ...a.headers, 'content-length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
