import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answer, type Served } from './serve-request.js';

const base = mkdtempSync(join(tmpdir(), 'crr-serve-request-'));
const root = join(base, 'site');
mkdirSync(join(root, 'hazards'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<h1>Home</h1>');
writeFileSync(join(root, 'hazards', 'index.html'), '<h1>Hazards</h1>');
writeFileSync(join(base, 'secret.txt'), 'outside');
symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const served: Served = { root, port: 8080 };
const get = (url: string, host = '127.0.0.1:8080', s = served) => answer('GET', url, host, s);

describe('answer', () => {
  it('serves files and folders under the root with their type and the security headers', () => {
    const home = get('/');
    expect(home.status).toBe(200);
    expect(String(home.body)).toBe('<h1>Home</h1>');
    expect(home.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    expect(String(get('/hazards/?q=1#x').body)).toBe('<h1>Hazards</h1>');
    expect(get('/hazards').headers.location).toBe('/hazards/');
  });

  it.each([
    ['/%E0%A4%A', 400],
    ['/%00', 400],
    ['/a%00b', 400],
    ['/..%2f..%2fetc/passwd', 400],
    ['/%2e%2e/etc/passwd', 400],
    ['/hazards/../../secret.txt', 400],
    ['/..%5csecret.txt', 400],
    ['*', 400],
    ['/link.txt', 404],
    ['/nothing', 404],
    [`/${'a'.repeat(5000)}`, 414],
  ])('%s → %i', (url, status) => {
    const a = get(url);
    expect(a.status).toBe(status);
    expect(String(a.body)).not.toContain('outside');
    expect(a.headers['x-content-type-options']).toBe('nosniff');
  });

  it('only GET and HEAD, only its own host names, and 503 before the first build', () => {
    expect(answer('POST', '/', '127.0.0.1:8080', served)).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD' } });
    expect(answer('HEAD', '/', '127.0.0.1:8080', served).status).toBe(200);
    expect(get('/', 'localhost:8080').status).toBe(200);
    expect(get('/', 'evil.example:8080').status).toBe(421);
    expect(get('/', '127.0.0.1:9999').status).toBe(421);
    expect(get('/', '127.0.0.1', { root, port: 80 }).status).toBe(200);
    expect(answer('GET', '/', undefined, served).status).toBe(200);
    expect(get('/', '127.0.0.1:8080', { root: undefined, port: 8080 }).status).toBe(503);
  });
});
