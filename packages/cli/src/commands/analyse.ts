import { analyse, countOf, didYouMean, placeLabel, FINDING_KIND_META, findingKinds, placesOf, type Analysis, type Finding, type FindingKind, type Register } from '@crr/core';
import { EXIT, useColour, UsageError, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { paint } from '../render/colour.js';
import { writeDiagnostics } from '../render/pretty.js';
import { reachLine, regionsAndIcbs, servicesLine, siteLabels, siteNames, type SiteLabel } from '../render/reach.js';
import { scenarioLines } from '../render/scenarios.js';
import { registerEnvelope, type RegisterEnvelope } from '../render/json-envelope.js';
import { jsonText, safeLine } from '../render/safe-text.js';
import { loadValidated } from './load.js';
import { scopeOption } from './scope-option.js';
import { validationJson } from './validate.js';
import { crrCommand } from '../command-prefix.js';

type Paint = ReturnType<typeof paint>;
type Tier = 'icb' | 'region';

export async function analyseCommand(parsed: Parsed<'analyse'>, io: Io): Promise<number> {
  const { dir } = parsed.args;
  // `--top` was checked by the parser: a whole number of at least 1.
  const { format, top, 'as-of': asOf, kinds: kindsText, by, scope: scopeText } = parsed.options;
  // Usage mistakes are refused before the register is read: they do not depend on it.
  const kinds = kindsText === undefined ? undefined : parseKinds(kindsText);
  const { register, diagnostics, errors } = await loadValidated(io, dir, asOf, 'analyse');
  const json = format === 'json';
  const p = paint(useColour(io));
  if (errors) {
    // An analysis of a register with errors would mislead: report them instead.
    if (json) io.stdout.write(jsonText({ ...validationJson(register, diagnostics, asOf), analysis: null }));
    else {
      writeDiagnostics(io.stdout, diagnostics, { displayDir: dir, register, paint: p, asOf }, `The register has errors, so it was not analysed. Fix them and run \`${crrCommand('analyse')}\` again.`);
    }
    return EXIT.errors;
  }
  if (by && !json) checkHasPlaces(register, by);
  // The place is looked up in the register, so it can only be checked once the register is read.
  const scope = scopeText !== undefined ? scopeOption(register, scopeText) : undefined;
  const analysis = analyse(register, { asOf, ...(scope ? { scope } : {}) });
  // The summary keeps counting every finding: `--kinds` chooses what is shown, not what was found.
  const shown = kinds ? { ...analysis, findings: analysis.findings.filter((f) => kinds.has(f.kind)) } : analysis;
  if (json) io.stdout.write(jsonText(analysisJson(register, shown)));
  else io.stdout.write(renderAnalysis(register, shown, { top, kinds, by }, p));
  return EXIT.ok;
}

/** `--kinds a,b`: each a finding kind, or a UsageError naming the kinds there are. */
export function parseKinds(text: string): Set<FindingKind> {
  const out = new Set<FindingKind>();
  for (const raw of text.split(',')) {
    const k = raw.trim();
    if (!k) continue;
    if (!(findingKinds as readonly string[]).includes(k)) {
      const guess = didYouMean(k, findingKinds);
      throw new UsageError(`\`--kinds\`: \`${safeLine(k)}\` is not a kind of finding.${guess ? ` Did you mean \`${guess}\`?` : ''}`, `The kinds are ${findingKinds.map((x) => `\`${x}\``).join(', ')}; give one or more, comma-separated.`);
    }
    out.add(k as FindingKind);
  }
  if (!out.size) throw new UsageError('`--kinds` names no kind of finding.', `Give one or more of ${findingKinds.map((x) => `\`${x}\``).join(', ')}, comma-separated.`);
  return out;
}

const tierWords = { icb: { one: 'ICB', many: 'ICBs', type: 'icb' }, region: { one: 'region', many: 'regions', type: 'region' } } as const;

/** `--by icb` on a register that has no ICBs would print one empty group: say what is missing instead. */
function checkHasPlaces(register: Register, by: Tier): void {
  const w = tierWords[by];
  if (register.organisations.some((o) => o.type === w.type) && [...placesOf(register).sites.values()].some((s) => s[by] !== undefined)) return;
  throw new UsageError(
    `\`--by ${by}\`: the register has no ${w.many} (organisations of type \`${w.type}\` that its practices resolve to), so there is nothing to group the findings by.`,
    `Declare each ${w.one} as an organisation of type \`${w.type}\` and put the practices' PCNs under it (\`parent\`), or declare \`${by}\` on the sites; or run \`${crrCommand('analyse')}\` without \`--by\`.`,
  );
}

/**
 * The documented JSON output of `crr analyse --format json` (see docs/analysis.md). Stable:
 * fields are added, never renamed or removed, without a new `schemaVersion`.
 */
export interface AnalysisJson extends RegisterEnvelope, Analysis {}

export function analysisJson(register: Register, analysis: Analysis): AnalysisJson {
  return registerEnvelope(register, analysis);
}

interface RenderOptions {
  top: number | undefined;
  kinds: ReadonlySet<FindingKind> | undefined;
  by: Tier | undefined;
}

function renderAnalysis(register: Register, a: Analysis, o: RenderOptions, p: Paint): string {
  const m = register.manifest;
  const s = a.summary;
  const out: string[] = [];
  // Titles, explanations (which quote names) and ids are register text: escaped, then painted.
  out.push(p.bold(`${m ? safeLine(m.title) : 'Register'}${m ? ` v${safeLine(m.version)}` : ''}, as of ${a.asOf}${a.scope ? `, as seen from ${safeLine(placeLabel(a.scope))}` : ''}`));
  out.push(`${countOf(s.practices, 'practice')}, ${countOf(s.patients, 'patient')}; ${countOf(s.services.length, 'clinical service')}; ${countOf(s.assets, 'asset')}; ${countOf(s.routes, 'route')}${s.brokenRoutes ? p.red(`; ${countOf(s.brokenRoutes, 'route')} never ${s.brokenRoutes === 1 ? 'works' : 'work'}`) : ''}`);
  out.push('');
  const labels = siteLabels(register);
  const only = o.kinds ? ` (only ${[...o.kinds].sort((x, y) => findingKinds.indexOf(x) - findingKinds.indexOf(y)).join(', ')})` : '';
  if (o.by) {
    out.push(p.bold(`Findings by ${tierWords[o.by].one}, largest first, each kind in the order of the ranking${only}:`));
    out.push('');
    out.push(...byPlace(register, a.findings, o.by, o.top, labels, p));
  } else {
    out.push(p.bold(`Findings by kind, each in the order of the ranking${only}${o.top !== undefined ? `, at most ${o.top} of each kind` : ''}:`));
    out.push('');
    out.push(...kindSections(a.findings, o.top, (f) => findingLines(f, labels, p), p, ''));
  }
  out.push(...scenarioLines(a.scenarios, p));
  const counts = findingKinds.filter((k) => s.findings[k]).map((k) => `${s.findings[k]} ${k}`);
  const total = findingKinds.reduce((n, k) => n + (s.findings[k] ?? 0), 0);
  out.push(`${total} finding${total === 1 ? '' : 's'}${counts.length ? `: ${counts.join(', ')}` : ''}${o.kinds ? `; ${a.findings.length} of the kinds shown` : ''}`);
  return out.join('\n') + '\n';
}

/**
 * Findings under a heading per kind, kinds in `findingKinds` order, each in the analysis's order,
 * at most `top` of each: so a kind that ranks low (capacity after a failure, at national scale)
 * is never hidden by a thousand of another.
 */
function kindSections(findings: readonly Finding[], top: number | undefined, lines: (f: Finding) => string[], p: Paint, indent: string): string[] {
  const out: string[] = [];
  for (const kind of findingKinds) {
    const all = findings.filter((f) => f.kind === kind);
    if (!all.length) continue;
    const shown = top === undefined ? all : all.slice(0, top);
    out.push(`${indent}${p.bold(FINDING_KIND_META[kind]?.label ?? kind)} (${shown.length < all.length ? `${shown.length} of ${all.length}` : all.length})`);
    const width = String(shown.length).length;
    shown.forEach((f, i) => {
      const [title, ...rest] = lines(f);
      const pad = `${indent}${' '.repeat(width + 2)}`;
      out.push(`${indent}${String(i + 1).padStart(width)}. ${title}`);
      for (const l of rest) out.push(`${pad}${l}`);
    });
    out.push('');
  }
  return out;
}

/** One finding: its title, then its explanation, places, reach, sites, coverage and id. */
function findingLines(f: Finding, labels: ReadonlyMap<string, SiteLabel>, p: Paint, scoped?: { sites: string[]; patients: number; place: string }): string[] {
  const out = [safeLine(f.title), safeLine(f.explanation)];
  if (f.reach.pairs) {
    if (scoped) {
      // The place's own figures first; the whole reach after, so a national finding reads as one.
      out.push(`${p.dim('reach:')} ${scoped.sites.length.toLocaleString('en-GB')} site${scoped.sites.length === 1 ? '' : 's'}, ${scoped.patients.toLocaleString('en-GB')} patients in ${scoped.place} (in all: ${reachLine(f.reach)}, off ${f.reach.services.map(safeLine).join(', ')})`);
      out.push(`${p.dim('sites:')} ${siteNames(scoped.sites, labels)}`);
    } else {
      const places = regionsAndIcbs(f.reach);
      if (places) out.push(`${p.dim('places:')} ${places}`);
      out.push(`${p.dim('reach:')} ${reachLine(f.reach)}; ${servicesLine(f.reach)}`);
      out.push(`${p.dim('sites:')} ${siteNames(f.reach.sites, labels)}`);
    }
  }
  out.push(...coverageLines(f, p));
  out.push(p.dim(`id: ${safeLine(f.id)}`));
  return out;
}

/** Which hazards name the finding: none (a gap, with the hazard suggested), some of its assets, or all. */
function coverageLines(f: Finding, p: Paint): string[] {
  const named = f.hazards.map(safeLine).join(', ');
  const coverage = f.coverage;
  if (coverage === 'gap' || (coverage === undefined && f.kind !== 'incident-likelihood' && !f.hazards.length)) {
    const out = [`${p.dim('hazards:')} ${p.yellow(coverage === 'gap' ? 'none names it (coverage gap)' : 'none names it')}`];
    if (f.suggestion) out.push(`${p.dim('suggested hazard:')} ${safeLine(f.suggestion.title)}`);
    return out;
  }
  if (coverage === 'partial') {
    const uncovered = f.figures?.uncovered;
    return [`${p.dim('hazards:')} ${p.yellow('partly covered:')} ${named || 'no hazard names all of it'}${typeof uncovered === 'number' ? `; ${uncovered} asset${uncovered === 1 ? '' : 's'} no hazard names` : ''}`];
  }
  if (f.kind === 'incident-likelihood' && coverage === undefined) return [];
  return [`${p.dim('hazards:')} ${named}`];
}

/**
 * `--by icb|region`: one group per place, most registered patients first, then by name; in each,
 * the findings whose reach touches it, with the reach counted for that place alone. Findings that
 * reach no place (nothing cut, or sites in none) close the list, so nothing is dropped.
 */
function byPlace(register: Register, findings: readonly Finding[], tier: Tier, top: number | undefined, labels: ReadonlyMap<string, SiteLabel>, p: Paint): string[] {
  const placeOfSite = new Map<string, string>();
  for (const [site, places] of placesOf(register).sites) if (places[tier] !== undefined) placeOfSite.set(site, places[tier]!);
  const size = new Map<string, number>();
  for (const [site, place] of placeOfSite) size.set(place, (size.get(place) ?? 0) + (labels.get(site)?.patients ?? 0));
  const orgs = new Map(register.organisations.map((o) => [o.id, o] as const));
  const name = (id: string) => orgs.get(id)?.name ?? id;
  const order = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || name(a).localeCompare(name(b), 'en-GB') || (a < b ? -1 : a > b ? 1 : 0));
  const out: string[] = [];
  const placed = new Set<Finding>();
  for (const place of order) {
    const here = findings.filter((f) => (tier === 'icb' ? f.reach.byIcb : f.reach.byRegion).some((r) => r.id === place));
    if (!here.length) continue;
    for (const f of here) placed.add(f);
    const org = orgs.get(place);
    const heading = `${safeLine(name(place))} (${safeLine(org?.ods ?? place)})`;
    out.push(p.bold(`${heading}: ${size.get(place)!.toLocaleString('en-GB')} patients; ${here.length} finding${here.length === 1 ? '' : 's'} reach it`));
    out.push(
      ...kindSections(
        here,
        top,
        (f) => {
          const sites = f.reach.sites.filter((s) => placeOfSite.get(s) === place);
          const figures = (tier === 'icb' ? f.reach.byIcb : f.reach.byRegion).find((r) => r.id === place)!;
          return findingLines(f, labels, p, { sites, patients: figures.patients, place: safeLine(name(place)) });
        },
        p,
        '  ',
      ),
    );
  }
  const rest = findings.filter((f) => !placed.has(f));
  if (rest.length) {
    out.push(p.bold(`In no ${tierWords[tier].one}: ${rest.length} finding${rest.length === 1 ? '' : 's'} that cut no site in one`));
    out.push(...kindSections(rest, top, (f) => findingLines(f, labels, p), p, '  '));
  }
  return out;
}
