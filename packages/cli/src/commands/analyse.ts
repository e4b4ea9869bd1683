import { analyse, findingKinds, type Analysis, type Register } from '@crr/core';
import { EXIT, useColour, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { paint } from '../render/colour.js';
import { writeDiagnostics } from '../render/pretty.js';
import { reachLine, servicesLine, shortList } from '../render/reach.js';
import { scenarioLines } from '../render/scenarios.js';
import { registerEnvelope, type RegisterEnvelope } from '../render/json-envelope.js';
import { jsonText, safeLine } from '../render/safe-text.js';
import { loadValidated } from './load.js';
import { validationJson } from './validate.js';

export async function analyseCommand(parsed: Parsed<'analyse'>, io: Io): Promise<number> {
  const { dir } = parsed.args;
  // `--top` was checked by the parser: a whole number of at least 1.
  const { format, top, 'as-of': asOf } = parsed.options;
  const { register, diagnostics, errors } = await loadValidated(io, dir, asOf, 'analyse');
  const json = format === 'json';
  const p = paint(useColour(io));
  if (errors) {
    // An analysis of a register with errors would mislead: report them instead.
    if (json) io.stdout.write(jsonText({ ...validationJson(register, diagnostics, asOf), analysis: null }));
    else {
      writeDiagnostics(io.stdout, diagnostics, { displayDir: dir, register, paint: p, asOf }, 'The register has errors, so it was not analysed. Fix them and run `crr analyse` again.');
    }
    return EXIT.errors;
  }
  const analysis = analyse(register, { asOf });
  if (json) io.stdout.write(jsonText(analysisJson(register, analysis)));
  else io.stdout.write(renderAnalysis(register, analysis, top, p));
  return EXIT.ok;
}

/**
 * The documented JSON output of `crr analyse --format json` (see docs/analysis.md). Stable:
 * fields are added, never renamed or removed, without a new `schemaVersion`.
 */
export interface AnalysisJson extends RegisterEnvelope, Analysis {}

export function analysisJson(register: Register, analysis: Analysis): AnalysisJson {
  return registerEnvelope(register, analysis);
}

function renderAnalysis(register: Register, a: Analysis, top: number | undefined, p: ReturnType<typeof paint>): string {
  const m = register.manifest;
  const s = a.summary;
  const out: string[] = [];
  // Titles, explanations (which quote names) and ids are register text: escaped, then painted.
  out.push(p.bold(`${m ? safeLine(m.title) : 'Register'}${m ? ` v${safeLine(m.version)}` : ''}, as of ${a.asOf}`));
  out.push(`${s.practices} practices, ${s.patients.toLocaleString('en-GB')} patients; ${s.services.length} clinical services; ${s.assets} assets; ${s.routes} routes${s.brokenRoutes ? p.red(`; ${s.brokenRoutes} routes never work`) : ''}`);
  out.push('');
  const shown = top === undefined ? a.findings : a.findings.slice(0, top);
  out.push(p.bold(`Findings, most patients first (${shown.length}${shown.length < a.findings.length ? ` of ${a.findings.length}` : ''}):`));
  out.push('');
  const width = String(shown.length).length;
  shown.forEach((f, i) => {
    const kind = f.kind === 'coverage-gap' || f.kind === 'incident-likelihood' ? p.yellow(f.kind) : p.red(f.kind);
    out.push(`${String(i + 1).padStart(width)}. ${kind}  ${safeLine(f.title)}`);
    const pad = ' '.repeat(width + 2);
    out.push(`${pad}${safeLine(f.explanation)}`);
    if (f.reach.pairs) {
      out.push(`${pad}${p.dim('reach:')} ${reachLine(f.reach)}; ${servicesLine(f.reach)}`);
      out.push(`${pad}${p.dim('sites:')} ${shortList(f.reach.sites)}`);
    }
    if (f.kind !== 'incident-likelihood') out.push(`${pad}${p.dim('hazards:')} ${f.hazards.length ? f.hazards.map(safeLine).join(', ') : p.yellow('none names it')}`);
    out.push(`${pad}${p.dim(`id: ${safeLine(f.id)}`)}`);
    out.push('');
  });
  out.push(...scenarioLines(a.scenarios, p));
  const counts = findingKinds.filter((k) => s.findings[k]).map((k) => `${s.findings[k]} ${k}`);
  out.push(`${a.findings.length} finding${a.findings.length === 1 ? '' : 's'}${counts.length ? `: ${counts.join(', ')}` : ''}`);
  return out.join('\n') + '\n';
}
