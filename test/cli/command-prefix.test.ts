/**
 * Hints name the command as the user runs it. The tests run the binary with a clean environment
 * (test/support/run-bin.ts), so they see `crr`; run through pnpm they would see `pnpm exec crr`,
 * through npx `npx crr`.
 */
import { describe, expect, it } from 'vitest';
import { runBin } from '../support/run-bin.js';

const hint = (env?: Record<string, string>) => runBin(['analyse', 'registers/example-icb', '--bogus'], env ? { env } : {});

describe('the command a hint names', () => {
  it('is `crr` when crr is run directly, as every binary test runs it', () => {
    const r = hint();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: Run `crr analyse --help` for its options.');
  });

  it('is `pnpm exec crr` when run through pnpm, and `npx crr` through npx', () => {
    expect(hint({ npm_config_user_agent: 'pnpm/10.4.1 npm/? node/v22.12.0 linux x64' }).stderr).toContain('hint: Run `pnpm exec crr analyse --help` for its options.');
    expect(hint({ npm_config_user_agent: 'npm/10.9.0 node/v22.12.0 linux x64 workspaces/false', npm_command: 'exec' }).stderr).toContain('hint: Run `npx crr analyse --help` for its options.');
  });

  it('is the same in the hint for an unknown command and for a folder that is not a register', () => {
    const env = { npm_config_user_agent: 'pnpm/10.4.1' };
    expect(runBin(['analyze'], { env }).stderr).toContain('`pnpm exec crr --help`');
    expect(runBin(['analyse', 'registers'], { env }).stderr).toContain('hint: Run crr on a register\'s folder: `pnpm exec crr analyse registers/example-icb`.');
    expect(runBin(['analyse', 'registers']).stderr).toContain('hint: Run crr on a register\'s folder: `crr analyse registers/example-icb`.');
  });
});
