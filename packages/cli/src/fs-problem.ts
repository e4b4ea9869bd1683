/**
 * File-system errors in plain English. A failed `mkdir` or `write` is the user's environment
 * speaking (a full disk, a read-only mount, a name too long), not a bug in crr: it becomes a
 * UsageError (exit 2) that says what crr was doing, where, why it failed and what to do, never
 * "internal error" or a stack trace.
 */
import { UsageError } from './io.js';

/** An error from Node's `fs` (or a wrapper around one): it has an errno code such as `EACCES`. */
export interface FsError extends Error {
  code: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

/** What each errno means to a user, and what they can do about it. */
const PLAIN: Readonly<Record<string, { why: string; hint: string }>> = {
  EACCES: { why: 'permission was denied', hint: 'Choose a folder you may write to, or ask for write access to this one.' },
  EPERM: { why: 'the operation is not permitted there', hint: 'Choose an ordinary folder you may write to (not a system folder, not a file marked immutable).' },
  EROFS: { why: 'the file system is read-only', hint: 'Choose a folder on a writable disk.' },
  ENOSPC: { why: 'the disk is full', hint: 'Free some space, or choose a folder on another disk, and run the command again.' },
  EDQUOT: { why: 'your disk quota is used up', hint: 'Free some space, or choose a folder on another disk, and run the command again.' },
  EFBIG: { why: 'a file would be larger than the file system allows', hint: 'Choose a folder on another disk.' },
  ENAMETOOLONG: { why: 'the name is longer than the file system allows', hint: 'Choose a shorter path (each folder name at most 255 bytes).' },
  ENOTDIR: { why: 'part of the path is a file, not a folder', hint: 'Check the path: every name before the last must be a folder.' },
  EISDIR: { why: 'a folder is in the way, where a file must go', hint: 'Move that folder away, or choose another output folder.' },
  ENOENT: { why: 'it, or a folder on its path, does not exist', hint: 'Check the path for a typing mistake.' },
  EEXIST: { why: 'something else already exists there', hint: 'Move it away, or choose another path.' },
  ENOTEMPTY: { why: 'the folder is not empty', hint: 'Move its contents away, or choose another path.' },
  ELOOP: { why: 'the path goes round a loop of symbolic links', hint: 'Fix the links, or choose a path without them.' },
  EMFILE: { why: 'too many files are open at once', hint: 'Close other programs, or raise the limit (`ulimit -n`), and run the command again.' },
  ENFILE: { why: 'the system has too many files open', hint: 'Close other programs and run the command again.' },
  EBUSY: { why: 'it is busy (in use by another program, or a mount point)', hint: 'Close what is using it, or choose another path.' },
  ETXTBSY: { why: 'it is a program that is running', hint: 'Choose another path.' },
  EIO: { why: 'the disk reported an input/output error', hint: 'Check the disk, or choose a folder on another disk.' },
  EXDEV: { why: 'it is on another file system', hint: 'Choose a folder on the same disk.' },
  EINVAL: { why: 'the file system does not accept this name or operation', hint: 'Choose an ordinary folder with a plain name.' },
  ENXIO: { why: 'it is a device or socket with nothing behind it', hint: 'Choose an ordinary folder.' },
  ENODEV: { why: 'it is a device, not a folder', hint: 'Choose an ordinary folder.' },
  EAGAIN: { why: 'the resource is temporarily unavailable', hint: 'Run the command again.' },
  EBADF: { why: 'the file was closed while in use', hint: 'Run the command again.' },
  ESTALE: { why: 'the network file system handle went stale', hint: 'Remount the share, or choose a local folder.' },
  ETIMEDOUT: { why: 'the (network) file system did not answer in time', hint: 'Check the share, or choose a local folder.' },
  EOPNOTSUPP: { why: 'the file system does not support this operation', hint: 'Choose a folder on an ordinary local disk.' },
  ENOTSUP: { why: 'the file system does not support this operation', hint: 'Choose a folder on an ordinary local disk.' },
};

/**
 * The errno error inside `e`, if there is one. Libraries wrap them (Eleventy keeps the original
 * as `originalError`, others as `cause`), so the chain is followed a few links deep.
 */
export function fsErrorOf(e: unknown): FsError | undefined {
  let current: unknown = e;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const c = current as { code?: unknown; originalError?: unknown; cause?: unknown };
    if (typeof c.code === 'string' && /^E[A-Z0-9]+$/.test(c.code)) return current as FsError;
    current = c.originalError ?? c.cause;
  }
  return undefined;
}

/**
 * `e` (a file-system error, perhaps wrapped) as a UsageError: `Could not <action> \`<path>\`:
 * <why>.`, naming the exact file when it is not `path` itself, with a hint for that errno.
 * `action` is a verb phrase, e.g. "create the output folder" or "write the site into".
 */
export function describeFsError(e: unknown, action: string, path: string): UsageError {
  const fsError = fsErrorOf(e);
  const code = fsError?.code;
  const plain = code ? PLAIN[code] : undefined;
  const why = plain?.why ?? (code ? `the system reported ${code}` : ((e as Error | undefined)?.message ?? String(e)).split('\n')[0]!);
  // The exact file, when it is not `path` itself (`path` may be relative, the error's absolute).
  // A failed copy names its source as `path` and its destination as `dest`: the destination is
  // the one being written.
  const where = fsError?.dest ?? fsError?.path;
  const at = where && !where.endsWith(path) ? ` (at \`${where}\`)` : '';
  return new UsageError(
    `Could not ${action} \`${path}\`${at}: ${why}${code && plain ? ` (${code})` : ''}.`,
    plain?.hint ?? 'Check the path and its permissions, or choose another folder, and run the command again.',
  );
}
