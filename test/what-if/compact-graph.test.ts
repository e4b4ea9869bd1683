/**
 * The what-if page's data: a what-if on the compact graph (through JSON, as the page loads it)
 * gives exactly what `whatIf` gives on the register, for seeded random failure sets on the worked
 * example and on a generated register.
 */
import { fileURLToPath } from 'node:url';
import { compactGraph, graphOfCompact, loadRegister, sourceFromText, validateFolder, whatIf, whatIfCompact, type Register } from '@crr/core';
import { describe, expect, it } from 'vitest';
import { generateRegister } from '../generate/generate-register.js';
import { failureSets, specOf } from '../support/failure-sets.js';

const example = fileURLToPath(new URL('../../registers/example-icb', import.meta.url));

function agrees(register: Register, sets: number) {
  const c = JSON.parse(JSON.stringify(compactGraph(register)));
  const e = graphOfCompact(c);
  const all = failureSets(c, sets);
  expect(all.length).toBe(sets);
  let cutSomething = 0;
  for (const set of all) {
    const specs = set.map(specOf);
    const want = whatIf(register, specs);
    expect(whatIfCompact(e, specs), set.join(' ')).toEqual(want);
    if (want.reach.pairs) cutSomething++;
  }
  // The sets are not all harmless: most cut something.
  expect(cutSomething).toBeGreaterThan(sets / 4);
}

describe('what-if on the compact graph', () => {
  it('agrees with whatIf on the worked example', async () => {
    const { register } = await validateFolder(example, { asOf: '2026-11-21' });
    agrees(register, 40);
  });

  it('agrees with whatIf on a generated register of 400 practices', () => {
    const files = generateRegister({ practices: 400 });
    const { register } = loadRegister(Object.entries(files).map(([path, text]) => sourceFromText(path, text)));
    agrees(register, 40);
  });
});
