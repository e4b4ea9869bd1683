/**
 * The what-if page's engine (site/static/js/what-if-engine.js) is core's own evaluation, bundled:
 * the committed file is what `pnpm gen:engine` makes now (run it after changing what it bundles),
 * it bundles only core's pure modules (no Node API, no zod), uses no eval, and run in a bare
 * context (no require, no process) it answers as `whatIf` does.
 */
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { compactGraph, validateFolder, whatIf, type CompactGraph } from '@crr/core';
import { describe, expect, it } from 'vitest';
import type { WhatIfEngine } from '../../packages/core/src/browser/what-if-engine.js';
import { committedEngine, engineBundle } from '../../scripts/what-if-engine-bundle.js';
import { failureSets, specOf } from '../support/failure-sets.js';

const example = fileURLToPath(new URL('../../registers/example-icb', import.meta.url));

describe('the what-if engine bundle', () => {
  it('is current (run `pnpm gen:engine` after a change to what it bundles)', async () => {
    const { text, inputs } = await engineBundle();
    expect(committedEngine() === text, 'site/static/js/what-if-engine.js is not what `pnpm gen:engine` makes now').toBe(true);
    expect(inputs.filter((i) => !i.startsWith('packages/core/src/'))).toEqual([]);
    expect(text).not.toMatch(/\beval\(|new Function|\bimport\(|\brequire\(/);
  });

  it('answers in a bare context as whatIf does on the register', async () => {
    const { register } = await validateFolder(example, { asOf: '2026-11-21' });
    const sandbox: { crrWhatIf?: WhatIfEngine; data?: CompactGraph } = {};
    runInNewContext(committedEngine(), sandbox);
    const engine = sandbox.crrWhatIf!;
    const data = JSON.parse(JSON.stringify(compactGraph(register))) as CompactGraph;
    const e = engine.load(data);
    for (const set of failureSets(data, 20)) {
      const specs = set.map((text) => (text.includes('=') ? { selector: engine.parseSelector(text, e).selector!, text } : { asset: text }));
      // Across contexts arrays are another realm's: compare as JSON.
      expect(JSON.parse(JSON.stringify(engine.whatIf(e, specs)))).toEqual(JSON.parse(JSON.stringify(whatIf(register, set.map(specOf)))));
    }
  });
});
