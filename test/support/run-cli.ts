import { main } from '@crr/cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the `crr` CLI in-process, as a user would from `cwd`, with no colour and a pinned "today"
 * so that output is reproducible. Tests of the real binary live in the bad-input suite.
 */
export async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string>; today?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    cwd: options.cwd ?? process.cwd(),
    env: { ...(options.env ?? {}) },
    today: () => new Date(`${options.today ?? '2026-11-21'}T12:00:00`),
  });
  return { code, stdout, stderr };
}
