import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectOutDir, isListablePath, makeFolder, OutDirProblem, prepareOutDir, recordOutDir, SITE_MARKER } from './out-dir.js';

const temp = mkdtempSync(join(tmpdir(), 'crr-out-dir-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(temp, `case-${++n}`);
const put = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};
const listed = (dir: string) => (JSON.parse(readFileSync(join(dir, SITE_MARKER), 'utf8')) as { files: string[] }).files;

/** A build: prepare, write `files`, record. */
function fakeBuild(dir: string, files: string[]): string[] {
  const prepared = prepareOutDir(dir);
  for (const f of files) put(join(dir, f), `crr wrote ${f}`);
  return recordOutDir(prepared);
}

describe('the output folder policy', () => {
  it('creates a new folder, writes the marker first, and lists what the build wrote', () => {
    const dir = join(fresh(), 'deep', 'site');
    const prepared = prepareOutDir(dir);
    expect(listed(dir)).toEqual([]); // a build that fails from here leaves a folder crr accepts
    put(join(dir, 'index.html'), 'x');
    put(join(dir, 'hazards/h1/index.html'), 'x');
    expect(recordOutDir(prepared)).toEqual(['hazards/h1/index.html', 'index.html']);
    expect(listed(dir)).toEqual(['hazards/h1/index.html', 'index.html']);
  });

  it('on a rebuild removes only the files it listed, and the folders they leave empty', () => {
    const dir = fresh();
    put(join(dir, '.git/HEAD'), 'ref');
    put(join(dir, 'CNAME'), 'example.org');
    fakeBuild(dir, ['index.html', 'hazards/h1/index.html', 'hazards/h2/index.html', 'static/a/b/c.css']);
    put(join(dir, 'hazards/notes.md'), 'mine');
    put(join(dir, 'mine/page.html'), 'mine');
    const written = fakeBuild(dir, ['index.html', 'hazards/h2/index.html']);
    expect(written).toEqual(['hazards/h2/index.html', 'index.html']);
    expect(existsSync(join(dir, 'hazards/h1'))).toBe(false);
    expect(existsSync(join(dir, 'static'))).toBe(false);
    expect(readFileSync(join(dir, 'hazards/notes.md'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dir, 'mine/page.html'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dir, '.git/HEAD'), 'utf8')).toBe('ref');
    expect(readFileSync(join(dir, 'CNAME'), 'utf8')).toBe('example.org');
  });

  it('lists a user file crr overwrote (it is crr\'s from then on)', () => {
    const dir = fresh();
    fakeBuild(dir, ['index.html']);
    put(join(dir, 'hazards/h9/index.html'), 'the user\'s');
    expect(fakeBuild(dir, ['index.html', 'hazards/h9/index.html'])).toContain('hazards/h9/index.html');
  });

  it('accepts only a new, empty or hidden-names-only folder, or one with its marker', () => {
    const dir = fresh();
    put(join(dir, 'thesis.docx'), 'precious');
    expect(() => inspectOutDir(dir)).toThrow(/not empty and was not built by crr \(it holds `thesis\.docx`\)/);
    const hidden = fresh();
    put(join(hidden, '.git/HEAD'), 'ref');
    put(join(hidden, 'CNAME'), 'x');
    expect(inspectOutDir(hidden)).toEqual({ exists: true });
    expect(inspectOutDir(fresh())).toEqual({ exists: false });
    expect(() => inspectOutDir('/')).toThrow(OutDirProblem);
  });

  it('refuses a marker it did not write', () => {
    const cases: [string, RegExp][] = [
      ['A site built by crr. `crr build` clears and rewrites this folder.\n', /older crr/],
      ['{', /not valid JSON/],
      ['{"files": "index.html"}', /no list of files/],
      ['{"files": ["../outside"]}', /lists `\.\.\/outside`/],
      ['{"files": ["/etc/passwd"]}', /lists `\/etc\/passwd`/],
      ['{"files": [".git/config"]}', /lists `\.git\/config`/],
    ];
    for (const [text, message] of cases) {
      const dir = fresh();
      put(join(dir, SITE_MARKER), text);
      expect(() => inspectOutDir(dir), text).toThrow(message);
    }
  });

  it('refuses a link or special file inside the folder before removing or writing anything', () => {
    const dir = fresh();
    fakeBuild(dir, ['index.html', 'hazards/h1/index.html']);
    const outside = fresh();
    put(join(outside, 'index.html'), 'outside');
    rmSync(join(dir, 'hazards'), { recursive: true });
    symlinkSync(outside, join(dir, 'hazards'));
    expect(() => prepareOutDir(dir)).toThrow(/holds `hazards`, which is a symbolic link/);
    expect(readFileSync(join(outside, 'index.html'), 'utf8')).toBe('outside');
    expect(existsSync(join(dir, 'index.html'))).toBe(true); // nothing was removed
  });

  it('makes folders one level at a time, and says so when a parent is a file', () => {
    const base = fresh();
    expect(makeFolder(join(base, 'a', 'b'))).toEqual([base, join(base, 'a'), join(base, 'a', 'b')]);
    expect(makeFolder(join(base, 'a', 'b'))).toEqual([]);
    put(join(base, 'file'), 'x');
    expect(() => makeFolder(join(base, 'file', 'sub'))).toThrow(/is a file, so .* cannot be made inside it/);
  });

  it('knows which paths a marker may list', () => {
    expect(isListablePath('hazards/h1/index.html')).toBe(true);
    for (const bad of ['', '/abs', 'a//b', 'a/../b', '..', '.crr-site', 'CNAME', 'a\\b', 'a\0b']) expect(isListablePath(bad), bad).toBe(false);
  });
});
