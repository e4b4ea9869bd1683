import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateFolder } from '@crr/core';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, generateRegister, writeRegister } from './generate-register.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('generateRegister', () => {
  it('writes a register of 60 practices that validates with no diagnostics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crr-generate-'));
    dirs.push(dir);
    writeRegister(dir, generateRegister({ practices: 60, seed: 1 }));

    const { register, diagnostics } = await validateFolder(dir, { asOf: AS_OF });

    expect(diagnostics).toEqual([]);
    expect(register.sites.filter((s) => s.type === 'practice')).toHaveLength(60);
    expect(AS_OF).toBe('2026-11-21');
  });

  it('writes the bench\'s 6,500 practices (seed 1) with no diagnostics either: its 651 hazards include residuals lowered on proposed controls only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crr-generate-'));
    dirs.push(dir);
    writeRegister(dir, generateRegister({ practices: 6500, seed: 1 }));
    const { diagnostics } = await validateFolder(dir, { asOf: AS_OF });
    expect(diagnostics.map((d) => `${d.code} ${d.file}:${d.line} ${d.message}`)).toEqual([]);
  }, 60_000);

  it('is deterministic: the same options give the same bytes', () => {
    const a = generateRegister({ practices: 60, seed: 7 });
    const b = generateRegister({ practices: 60, seed: 7 });
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(a).toEqual(b);
    expect(generateRegister({ practices: 60, seed: 8 })).not.toEqual(a);
  });

  it('has as many practices as asked, one line each, one file per PCN', () => {
    for (const practices of [1, 13, 60, 250]) {
      const files = generateRegister({ practices });
      const siteFiles = Object.entries(files).filter(([path]) => path.startsWith('sites/'));
      const lines = siteFiles.flatMap(([, text]) => text.split('\n').filter((l) => l.includes('type: practice')));
      expect(lines).toHaveLength(practices);
      for (const [, text] of siteFiles) {
        const count = text.split('\n').filter((l) => l.includes('type: practice')).length;
        if (practices >= 5) expect(count).toBeGreaterThanOrEqual(5);
        expect(count).toBeLessThanOrEqual(12);
      }
    }
  });
});
