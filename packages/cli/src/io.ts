/** What a command may touch of the outside world: injected, so commands run in-process in tests. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
  /** Today, for the default `--as-of`; tests pin it. */
  today?: () => Date;
}

/** Exit codes: the CLI is the only place diagnostics become one. */
export const EXIT = { ok: 0, errors: 1, cannotRun: 2 } as const;

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(io: Io, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io[stream].isTTY === true;
}

/** A problem that stops a command before it can run: bad options, no such folder. Exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
