import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from '../analysis/analyse.js';
import { readRegisterFolder } from '../io/read-folder.js';
import { validateRead } from '../validate.js';
import { diffAnalysis } from './diff-analysis.js';
import { diffRegisters } from './register-diff.js';

const AS_OF = '2026-12-01';
const example = join(__dirname, '../../../../registers/example-icb');
const tmp = mkdtempSync(join(tmpdir(), 'crr-diff-analysis-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const side = async (label: string, dir: string) => {
  const { register } = validateRead(await readRegisterFolder(dir), { asOf: AS_OF });
  return { label, register, analysis: analyse(register, { asOf: AS_OF }) };
};

describe('diffAnalysis', () => {
  it('gives the same diff as the full analyses, for a change that moves failure points, capacity, reach and scenarios', async () => {
    // The head: vpn-a no longer backs the first profile (failure points and blast radius move),
    // and vpn-b's capacity shrinks (loads, N-1 shortfalls, scenarios).
    const headDir = join(tmp, 'head');
    cpSync(example, headDir, { recursive: true });
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(join(headDir, file), 'utf8');
      expect(text).toContain(from);
      writeFileSync(join(headDir, file), text.replace(from, to));
    };
    edit('profiles.yaml', 'anyOf: [vpn-b, vpn-a]', 'anyOf: [vpn-b]');
    edit('assets/data-centres.yaml', 'capacity: { limit: 30, unit: tunnels }', 'capacity: { limit: 12, unit: tunnels }');
    const base = await side('base', example);
    const head = await side('head', headDir);
    const full = diffRegisters(base, head, { asOf: AS_OF });
    const cut = diffRegisters({ ...base, analysis: diffAnalysis(base.analysis) }, { ...head, analysis: diffAnalysis(head.analysis) }, { asOf: AS_OF });
    // The change is one the comparison sees, so that equality below proves something.
    expect(full.failurePoints.gained.length).toBeGreaterThan(0);
    expect(full.reach.length).toBeGreaterThan(0);
    expect(full.capacity.loads.length).toBeGreaterThan(0);
    expect(JSON.stringify(cut)).toBe(JSON.stringify(full));
  });

  it('keeps of each asset only the figures the diff reads, and the rest of the analysis as it is', async () => {
    const { analysis } = await side('base', example);
    const cut = diffAnalysis(analysis);
    expect(cut.assets).toHaveLength(analysis.assets.length);
    for (const [i, a] of cut.assets.entries()) {
      const full = analysis.assets[i]!;
      expect(a).toEqual({ id: full.id, name: full.name, hazards: full.hazards, reach: { patients: full.reach.patients, byIcb: full.reach.byIcb, byRegion: full.reach.byRegion } });
    }
    expect(cut.findings).toBe(analysis.findings);
    expect(cut.failurePoints).toBe(analysis.failurePoints);
    expect(cut.capacity).toBe(analysis.capacity);
    expect(cut.scenarios).toBe(analysis.scenarios);
  });
});
