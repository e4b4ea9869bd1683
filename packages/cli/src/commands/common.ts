import { isAbsolute, resolve } from 'node:path';
import type { Io } from '../io.js';
import type { Parsed } from '../options.js';

/** `--as-of`, or today's date where the user is (the only clock read in crr). */
export function asOfOption(parsed: Parsed, io: Io): string {
  const given = parsed.options['as-of'];
  if (typeof given === 'string') return given;
  const now = io.today ? io.today() : new Date();
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function resolveDir(io: Io, dir: string): string {
  return isAbsolute(dir) ? dir : resolve(io.cwd, dir);
}
