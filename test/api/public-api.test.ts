import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_LIST, apiListText, exportedNames } from './public-api.js';

describe('the public API of @crr/core', () => {
  it('is exactly the checked-in list (run `pnpm gen:api` after a deliberate change)', () => {
    expect(apiListText(exportedNames())).toBe(readFileSync(API_LIST, 'utf8'));
  });

  it('is documented: every name in the list appears in packages/core/README.md', () => {
    const readme = readFileSync(new URL('../../packages/core/README.md', import.meta.url), 'utf8');
    // Named in code, alone (`Register`) or called (`analyse(register, …)`).
    const missing = exportedNames().filter((name) => !readme.includes(`\`${name}\``) && !readme.includes(`\`${name}(`));
    expect(missing).toEqual([]);
  });
});
