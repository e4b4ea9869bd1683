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

/** A process output stream as commands see it, plus how it failed, if it did. */
export interface ProcessOutput {
  write(s: string): boolean;
  readonly isTTY?: boolean;
  /** A write error other than the reader going away (a full disk, a lost terminal), if any. */
  failure(): NodeJS.ErrnoException | undefined;
}

/**
 * A longer write is passed to the stream in pieces of this many characters. `crr analyse
 * --format json` on a national register writes one string of ~50 MB: converted to bytes in one
 * go it costs a fresh buffer of that size (~0.2 s of page faults and copying, and memory); in
 * pieces of 64 KiB the allocator reuses the same memory (1 MiB pieces still cost fresh pages each
 * time; much smaller ones cost a call each). The bytes written are the same.
 */
const PIECE = 1 << 16;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * stdout or stderr of the crr process, quiet once its reader has gone. `crr rules | head` closes
 * the pipe after a few lines and every later write fails with EPIPE: that is the reader's choice,
 * not an error, so crr stops writing to that stream, prints nothing about it, and finishes with
 * its own exit code (docs/decisions.md, "A closed pipe ends the output quietly"). The listener
 * stays for the life of the process, so writes still being flushed after `main` returns are
 * covered too. Any other write error is kept for the caller to report.
 */
export function processOutput(stream: NodeJS.WritableStream & { isTTY?: boolean }): ProcessOutput {
  let closed = false;
  let failed: NodeJS.ErrnoException | undefined;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    closed = true;
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') failed ??= e;
  });
  return {
    write(s: string) {
      if (closed) return false;
      try {
        if (s.length <= PIECE) return stream.write(s);
        let ok = true;
        for (let from = 0; from < s.length && !closed; ) {
          let to = Math.min(from + PIECE, s.length);
          // A surrogate pair stays in one piece: each half written alone would become U+FFFD.
          if (to < s.length && isHighSurrogate(s.charCodeAt(to - 1))) to--;
          ok = stream.write(s.slice(from, to));
          from = to;
        }
        return ok;
      } catch (e) {
        // A synchronous failure is the same event as an asynchronous one.
        closed = true;
        if ((e as NodeJS.ErrnoException).code !== 'EPIPE') failed ??= e as NodeJS.ErrnoException;
        return false;
      }
    },
    get isTTY() {
      return stream.isTTY;
    },
    failure: () => failed,
  };
}
