/**
 * The worked example's report site, as the browser tests build it: validated as of the date it
 * was written (it must be clean but for its expected warnings), reported, and built with Eleventy and Pagefind into a new
 * temporary folder. The caller removes `out` when done.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { buildReport, validateFolder, type ReportData } from '@crr/core';
import { buildSite } from '@crr/site';
import { beyondExampleWarnings } from '../../support/example-warnings.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export async function buildExampleSite(tempPrefix: string, exports: Record<string, unknown> = {}): Promise<{ report: ReportData; out: string }> {
  const { register, diagnostics } = await validateFolder(join(root, 'registers/example-icb'), { asOf: '2026-11-21' });
  expect(beyondExampleWarnings(diagnostics)).toEqual([]);
  const report = buildReport(register, { asOf: '2026-11-21', tool: 'crr test' }).report;
  const out = mkdtempSync(join(tmpdir(), tempPrefix));
  await buildSite({ report, outDir: out, exports });
  return { report, out };
}
