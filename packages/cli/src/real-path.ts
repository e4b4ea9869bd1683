/**
 * Where a path really leads, for containment checks: every existing part is resolved through its
 * symbolic links, then the parts that do not exist yet are appended. `path.resolve` alone is not
 * enough: it folds `link/..` lexically where the system follows the link first, and a link
 * inside the path can lead anywhere (into the register being built, say).
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, parse } from 'node:path';
import { UsageError } from './io.js';

/**
 * The real absolute path `path` (relative to `cwd`) names. Errno errors (ENAMETOOLONG, EACCES,
 * ELOOP…) are thrown as they are, for the caller to describe; a path that goes through a file, or
 * ends in a link to nothing, is a UsageError.
 */
export function realPathOf(path: string, cwd: string): string {
  const absolute = isAbsolute(path);
  let current = absolute ? parse(path).root : realpathSync(cwd);
  const parts = (absolute ? path.slice(parse(path).root.length) : path).split(/[\\/]+/);
  let exists = true;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '' || part === '.') continue;
    // `current` is already real, so its parent is the physical parent, as the system sees it.
    if (part === '..') {
      current = dirname(current);
      continue;
    }
    const next = join(current, part);
    if (!exists) {
      current = next;
      continue;
    }
    let s;
    try {
      s = lstatSync(next);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      exists = false;
      current = next;
      continue;
    }
    if (s.isSymbolicLink()) {
      try {
        current = realpathSync(next);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        throw new UsageError(`\`${next}\` is a symbolic link to \`${readlinkSync(next)}\`, which does not exist.`, 'Point the link at a folder, or choose another path.');
      }
      s = lstatSync(current);
    } else current = next;
    const more = parts.slice(i + 1).some((p) => p !== '' && p !== '.');
    if (more && !s.isDirectory()) throw new UsageError(`\`${next}\` is a file, not a folder, so \`${path}\` cannot be inside it.`, 'Check the path: every name before the last must be a folder.');
  }
  return current;
}
