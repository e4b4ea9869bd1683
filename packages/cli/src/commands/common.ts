import { isAbsolute, resolve } from 'node:path';
import type { Io } from '../io.js';

export function resolveDir(io: Io, dir: string): string {
  return isAbsolute(dir) ? dir : resolve(io.cwd, dir);
}
