/**
 * How the user runs crr, for the commands messages suggest: `crr` is often not on the PATH (a
 * workspace dependency), so "run `crr serve`" would not work as typed. Through pnpm
 * (`pnpm exec crr`, `pnpm crr`) npm_config_user_agent starts with "pnpm"; through `npx` or
 * `npm exec` it starts with "npm" and npm_command is "exec". Anything else, including a test
 * running the binary with a clean environment, reads `crr`.
 */
export function commandPrefix(env: Record<string, string | undefined>): string {
  const agent = env.npm_config_user_agent ?? '';
  if (agent.startsWith('pnpm')) return 'pnpm exec crr';
  if (agent.startsWith('npm') && (env.npm_command === 'exec' || env.npm_lifecycle_event === 'npx')) return 'npx crr';
  return 'crr';
}

let prefix = 'crr';

/** Set once per run, from the run's environment (main.ts), before any message is made. */
export function useCommandPrefix(env: Record<string, string | undefined>): void {
  prefix = commandPrefix(env);
}

/** A crr command as the user would type it: `crrCommand('serve registers/x')` → "pnpm exec crr serve registers/x". */
export function crrCommand(args: string): string {
  return args ? `${prefix} ${args}` : prefix;
}
