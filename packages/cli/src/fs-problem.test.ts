import { describe, expect, it } from 'vitest';
import { describeFsError, fsErrorOf } from './fs-problem.js';
import { UsageError } from './io.js';

const errno = (code: string, extra: Record<string, string> = {}) => Object.assign(new Error(`${code}: raw system text`), { code, ...extra });

describe('describeFsError', () => {
  it('says what crr was doing, where, why in plain words, and what to do', () => {
    const e = describeFsError(errno('ENOSPC', { path: '/srv/site/hazards/h1/index.html' }), 'write the site into', '/srv/site');
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toBe('Could not write the site into `/srv/site` (at `/srv/site/hazards/h1/index.html`): the disk is full (ENOSPC).');
    expect(e.hint).toBe('Free some space, or choose a folder on another disk, and run the command again.');
  });

  it('does not repeat the path when the error is about the path itself', () => {
    expect(describeFsError(errno('EROFS', { path: '/mnt/ro/site' }), 'create the output folder', 'ro/site').message).toBe(
      'Could not create the output folder `ro/site`: the file system is read-only (EROFS).',
    );
  });

  it('names a failed copy\'s destination, not its source', () => {
    const e = describeFsError(errno('EISDIR', { path: '/pkg/crr.css', dest: '/out/static/crr.css' }), 'write the site into', '/out');
    expect(e.message).toContain('(at `/out/static/crr.css`)');
  });

  it('finds the errno inside a library\'s wrapper, and copes with codes and errors it does not know', () => {
    const wrapped = Object.assign(new Error('Having trouble writing to "x"'), { originalError: Object.assign(new Error('wrap'), { cause: errno('EACCES') }) });
    expect(fsErrorOf(wrapped)?.code).toBe('EACCES');
    expect(describeFsError(wrapped, 'write the site into', '/out').message).toBe('Could not write the site into `/out`: permission was denied (EACCES).');
    expect(describeFsError(errno('EWHATEVER'), 'create the output folder', 'x').message).toBe('Could not create the output folder `x`: the system reported EWHATEVER.');
    expect(describeFsError(new Error('odd\nsecond line'), 'create the output folder', 'x').message).toBe('Could not create the output folder `x`: odd.');
    expect(fsErrorOf(new Error('no code'))).toBeUndefined();
  });
});
