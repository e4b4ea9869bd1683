import { analyse, findingKinds, type Analysis, type Register } from '@crr/core';
import { EXIT, useColour, UsageError, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { paint } from '../render/colour.js';
import { writeDiagnostics } from '../render/pretty.js';
import { reachLine, servicesLine, shortList } from '../render/reach.js';
import { jsonText, safeLine } from '../render/safe-text.js';
import { CLI_VERSION } from '../version.js';
import { asOfOption } from './common.js';
import { loadValidated } from './load.js';
import { validationJson } from './validate.js';

export async function analyseCommand(parsed: Parsed, io: Io): Promise<number> {
  const dir = parsed.args.dir ?? '.';
  const asOf = asOfOption(parsed, io);
  const topText = parsed.options.top as string | undefined;
  const top = topText === undefined ? undefined : Number(topText);
  if (top !== undefined && (!Number.isInteger(top) || top < 1)) throw new UsageError(`\`--top\` must be a whole number of at least 1, not \`${topText}\`.`);
  const { register, diagnostics, errors } = await loadValidated(io, dir, asOf, 'analyse');
  const json = parsed.options.format === 'json';
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
export interface AnalysisJson extends Analysis {
  schemaVersion: 1;
  tool: { name: 'crr'; version: string };
  register: { id: string; title: string; version: string } | null;
}

export function analysisJson(register: Register, analysis: Analysis): AnalysisJson {
  const m = register.manifest;
  return {
    schemaVersion: 1,
    tool: { name: 'crr', version: CLI_VERSION },
    register: m ? { id: m.id, title: m.title, version: m.version } : null,
    ...analysis,
  };
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
  const counts = findingKinds.filter((k) => s.findings[k]).map((k) => `${s.findings[k]} ${k}`);
  out.push(`${a.findings.length} finding${a.findings.length === 1 ? '' : 's'}${counts.length ? `: ${counts.join(', ')}` : ''}`);
  return out.join('\n') + '\n';
}
