import { afterEach, describe, expect, it } from 'vitest';
import { commandPrefix, crrCommand, useCommandPrefix } from './command-prefix.js';

describe('commandPrefix', () => {
  afterEach(() => useCommandPrefix({}));

  it('names the command as it was run: through pnpm, through npx, or on the PATH', () => {
    expect(commandPrefix({ npm_config_user_agent: 'pnpm/10.4.1 npm/? node/v22.12.0 linux x64' })).toBe('pnpm exec crr');
    expect(commandPrefix({ npm_config_user_agent: 'npm/10.9.0 node/v22.12.0 linux x64 workspaces/false', npm_command: 'exec' })).toBe('npx crr');
    expect(commandPrefix({ npm_config_user_agent: 'npm/10.9.0 node/v22.12.0 linux x64', npm_command: 'run-script' })).toBe('crr');
    expect(commandPrefix({})).toBe('crr');
  });

  it('writes commands with the prefix of the run', () => {
    useCommandPrefix({ npm_config_user_agent: 'pnpm/10.4.1' });
    expect(crrCommand('serve registers/x')).toBe('pnpm exec crr serve registers/x');
    useCommandPrefix({});
    expect(crrCommand('serve registers/x')).toBe('crr serve registers/x');
    expect(crrCommand('')).toBe('crr');
  });
});
