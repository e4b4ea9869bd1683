import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realPathOf } from './real-path.js';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'crr-real-path-')));
afterAll(() => rmSync(base, { recursive: true, force: true }));
mkdirSync(join(base, 'reg', 'sub'), { recursive: true });
symlinkSync(join(base, 'reg'), join(base, 'to-reg'));
symlinkSync(join(base, 'reg', 'sub'), join(base, 'to-sub'));
writeFileSync(join(base, 'file'), 'x');
symlinkSync(join(base, 'nowhere'), join(base, 'dangling'));

describe('realPathOf', () => {
  it('follows links in the part that exists, then appends the rest', () => {
    expect(realPathOf('to-reg/site/deeper', base)).toBe(join(base, 'reg', 'site', 'deeper'));
    expect(realPathOf(join(base, 'to-reg'), '/')).toBe(join(base, 'reg'));
  });

  it('takes `..` after a link as the system does: the parent of where the link leads', () => {
    expect(realPathOf('to-sub/../x', base)).toBe(join(base, 'reg', 'x'));
    expect(realPathOf('new/../x', base)).toBe(join(base, 'x'));
  });

  it('refuses a path through a file, or a link to nothing', () => {
    expect(() => realPathOf('file/site', base)).toThrow(/is a file, not a folder/);
    expect(() => realPathOf('dangling', base)).toThrow(/symbolic link to `.*nowhere`, which does not exist/);
  });

  it('throws errno errors for the caller to describe', () => {
    expect(() => realPathOf('n'.repeat(300), base)).toThrow(expect.objectContaining({ code: 'ENAMETOOLONG' }));
  });
});
