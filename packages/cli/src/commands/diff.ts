import {
  analyse,
  countBySeverity,
  diffAnalysis,
  diffCatalogue,
  diffRegisters,
  GitError,
  readRegisterAtRevision,
  readRegisterFolder,
  runDiffNotices,
  runGuards,
  validateRead,
  type Diagnostic,
  type DiffSide,
  type GuardResult,
  type Register,
  type RegisterDiff,
} from '@crr/core';
import { EXIT, UsageError, type Io } from '../io.js';
import type { Parsed } from '../options.js';
import { annotationsFromDiagnostics, repositoryDir, type Annotation } from '../render/annotations.js';
import { diffView, escapeAll, mdEscape } from '../render/diff-view.js';
import { capacitySummary } from '../render/capacity-diff-view.js';
import { githubCommands, workflowCommand } from '../render/github.js';
import { siteLabels, type SiteLabel } from '../render/reach.js';
import { jsonEnvelope, type JsonEnvelope } from '../render/json-envelope.js';
import { jsonText } from '../render/safe-text.js';
import { sarifLog } from '../render/sarif.js';
import { CLI_VERSION } from '../version.js';
import { resolveDir } from './common.js';
import { renderDiffTemplate, templateAtRevision, templateFromFolder, type TemplateChoice, type TemplateWarning } from './diff-template.js';
import { isFolder } from '../register-root.js';
import { checkRegisterRoot } from './load.js';
import { collectGarbage } from './collect-garbage.js';
import { crrCommand } from '../command-prefix.js';

export { TEMPLATE_OVERRIDE } from './diff-template.js';

interface LoadedSide extends DiffSide {
  diagnostics: Diagnostic[];
}

/**
 * `crr diff <base> <head> [dir]`: what a change to a register does to clinical risk, and
 * whether it trips a guard. Base and head are git revisions of the repository holding the
 * register folder, or two register folders. Reads only: nothing is written to the repository.
 */
export async function diffCommand(parsed: Parsed<'diff'>, io: Io): Promise<number> {
  const { base: baseArg, head: headArg } = parsed.args;
  const { format, 'as-of': asOf } = parsed.options;

  const baseIsFolder = isFolder(resolveDir(io, baseArg));
  const headIsFolder = isFolder(resolveDir(io, headArg));
  const folders = parsed.args.dir === undefined && baseIsFolder && headIsFolder;
  if (parsed.args.dir === undefined && baseIsFolder !== headIsFolder)
    throw new UsageError(
      `\`${baseIsFolder ? headArg : baseArg}\` is not a folder, but \`${baseIsFolder ? baseArg : headArg}\` is.`,
      `Give two register folders (\`${crrCommand('diff old/ new/')}\`), or two git revisions and the register folder (\`${crrCommand('diff main HEAD registers/x')}\`).`,
    );
  const dir = parsed.args.dir ?? '.';
  // Two folders are read from the working tree, so a folder that is only part of a register (or
  // holds registers below it) is named for what it is before hundreds of knock-on diagnostics.
  if (folders) {
    checkRegisterRoot(io, baseArg, 'diff');
    checkRegisterRoot(io, headArg, 'diff');
  }
  const load = async (which: 'base' | 'head', arg: string): Promise<LoadedSide> => {
    const read = folders ? await readRegisterFolder(resolveDir(io, arg)) : await readAtRevision(io, arg, dir, which);
    const { register, diagnostics: all } = validateRead(read, { asOf });
    const label = arg;
    if (which === 'base' && countBySeverity(all).errors > 0)
      throw new UsageError(
        `The register at ${label} (the base) has ${countBySeverity(all).errors} validation error${countBySeverity(all).errors === 1 ? '' : 's'}, so changes cannot be measured against it.`,
        `Compare with a revision whose register validates, or run \`${crrCommand('validate')}\` on it first.`,
      );
    // The head is analysed despite its errors, to show what changed, but not past a chain of needs
    // deeper than the cap (CRR-E062): the analysis grows with the square of a chain's length, so
    // a pull request's 15,000-link chain would hold the job for minutes.
    const deep = all.find((d) => d.code === 'CRR-E062');
    if (deep)
      throw new UsageError(
        `The register at ${label} (the ${which}) has a chain of needs too deep to analyse (CRR-E062${deep.file ? ` at ${deep.file}${deep.line ? `:${deep.line}` : ''}` : ''}), so changes cannot be measured.`,
        `Run \`${crrCommand('validate')}\` on it to see the chain, and shorten it: no real supply chain is that deep.`,
      );
    // Only what the diff compares is kept of the analysis (diffAnalysis): the base's is held
    // while the head is analysed.
    return { label, register, analysis: diffAnalysis(analyse(register, { asOf })), diagnostics: all };
  };
  const base = await load('base', baseArg);
  // The base's analysis garbage collected before the head's starts: the two would otherwise
  // add up in the peak (a national diff went past 500 MB).
  collectGarbage();
  const head = await load('head', headArg);
  const headCounts = countBySeverity(head.diagnostics);

  const diff = diffRegisters(base, head, { asOf });
  // The base's policy: a change cannot relax the guards it is judged by.
  const guardResults = runGuards(diff, base.register.manifest?.policy);
  const tripped = guardResults.some((g) => g.findings.length > 0);
  const fail = tripped || headCounts.errors > 0;
  // Links go where the base says (or the CI operator's --site-url): a pull request cannot point
  // its own review comment at another host.
  const siteUrl = parsed.options['site-url'] ?? base.register.manifest?.policy?.siteUrl;
  if (siteUrl !== undefined && !/^https?:\/\/[^\r\n]+$/.test(siteUrl)) throw new UsageError(`\`--site-url\` must be a web address starting with http:// or https://, not \`${siteUrl}\`.`);
  // Annotations name files as the repository sees them (relative to GITHUB_WORKSPACE in Actions).
  const shownDir = repositoryDir(folders ? headArg : dir, io.cwd, io.env);

  switch (format) {
    case 'json':
      io.stdout.write(jsonText(diffJson(diff, guardResults, head.diagnostics, fail)));
      break;
    case 'github':
      io.stdout.write(diffGithub(diff, guardResults, head.diagnostics, shownDir));
      break;
    case 'sarif':
      io.stdout.write(jsonText(sarifLog(diffAnnotations(diff, guardResults, head.diagnostics, shownDir), diffCatalogue, { toolVersion: CLI_VERSION })));
      break;
    default: {
      // The base's template, like the base's policy: the change under review cannot choose it.
      const template = folders ? templateFromFolder(resolveDir(io, baseArg), baseArg) : await templateAtRevision(io.cwd, baseArg, dir);
      const { markdown, warning } = renderMarkdown(diff, guardResults, {
        siteUrl,
        headErrors: headCounts.errors,
        headWarnings: headCounts.warnings,
        headProblems: head.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ where: d.file ? `${d.file}${d.line ? `:${d.line}` : ''}` : '', code: d.code, message: d.message })),
        siteLabels: siteLabels(head.register, base.register),
        template,
      });
      if (warning) io.stderr.write(`crr: warning: ${warning.message}\n  hint: ${warning.hint}\n`);
      io.stdout.write(markdown);
    }
  }
  return fail ? EXIT.errors : EXIT.ok;
}

async function readAtRevision(io: Io, rev: string, dir: string, which: 'base' | 'head') {
  try {
    return await readRegisterAtRevision({ cwd: io.cwd, rev, folder: dir });
  } catch (e) {
    if (e instanceof GitError) {
      if (e.kind === 'no-register' && which === 'base')
        throw new UsageError(`${e.message} If the register is new in this change, there is nothing to compare it with yet.`, `Validate the new register with \`${crrCommand('validate')}\`; \`${crrCommand('diff')}\` measures changes to a register that already exists at the base.`);
      throw new UsageError(e.message, e.hint);
    }
    throw e;
  }
}


/**
 * The documented JSON of `crr diff --format json`. Stable: fields are added, never renamed or
 * removed, without a new `schemaVersion`.
 */
export interface DiffJson extends JsonEnvelope, Omit<RegisterDiff, 'acceptancesByHazard'> {
  verdict: 'pass' | 'fail';
  guards: readonly GuardResult[];
  validation: { head: { errors: number; warnings: number; diagnostics: { code: string; severity: string; file: string | null; line: number | null; message: string }[] } };
}

export function diffJson(diff: RegisterDiff, guards: readonly GuardResult[], headDiagnostics: readonly Diagnostic[], fail: boolean): DiffJson {
  const { acceptancesByHazard: _internal, ...rest } = diff;
  const verdict: DiffJson['verdict'] = fail ? 'fail' : 'pass';
  return jsonEnvelope({
    verdict,
    guards,
    validation: { head: { ...countBySeverity(headDiagnostics), diagnostics: headDiagnostics.map((d) => ({ code: d.code, severity: d.severity, file: d.file ?? null, line: d.line ?? null, message: d.message })) } },
    ...rest,
  });
}

/**
 * The markdown comment, with the given template (`{ own: false }`: crr's default). When the
 * register's template could not be used, the comment is the default one and ends with a note that
 * says why, so the reviewers who read it (not only the CI log) learn of it; `warning` says it too.
 */
export function renderMarkdown(
  diff: RegisterDiff,
  guards: readonly GuardResult[],
  options: { siteUrl: string | undefined; headErrors: number; headWarnings: number; headProblems: { where: string; code: string; message: string }[]; siteLabels?: ReadonlyMap<string, SiteLabel>; template?: TemplateChoice },
): { markdown: string; warning?: TemplateWarning } {
  // Every string is escaped for markdown before it reaches the template (escapeAll), so the
  // template prints with no further escaping (HTML entities would show in a PR comment).
  const view = escapeAll(diffView(diff, guards, { ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}), headErrors: options.headErrors, headWarnings: options.headWarnings, headProblems: options.headProblems, ...(options.siteLabels ? { siteLabels: options.siteLabels } : {}) }));
  const { text, warning } = renderDiffTemplate(options.template ?? { own: false }, view);
  const note = warning ? `\n\n> crr: ${mdEscape(warning.message)} ${mdEscape(warning.hint)}\n` : '';
  return { markdown: (text + note).replace(/\n{3,}/g, '\n\n').trim() + '\n', ...(warning ? { warning } : {}) };
}

/**
 * `--format github`: the annotations, then the capacity and scenario sections as `::notice::crr:`
 * lines (a change to capacity is not on a line of a file, but the job log should say it), then
 * the counts, last.
 */
export function diffGithub(diff: RegisterDiff, guards: readonly GuardResult[], headDiagnostics: readonly Diagnostic[], dir: string): string {
  const lines = githubCommands(diffAnnotations(diff, guards, headDiagnostics, dir)).trimEnd().split('\n');
  const counts = lines.pop()!;
  return [...lines, ...capacitySummary(diff).map((l) => workflowCommand('notice', {}, `crr: ${l}`)), counts].join('\n') + '\n';
}

/** Annotations for CI: tripped guards (errors), acceptances that no longer hold (warnings), new failure points (notices), and the head's validation diagnostics. */
export function diffAnnotations(diff: RegisterDiff, guards: readonly GuardResult[], headDiagnostics: readonly Diagnostic[], dir: string): Annotation[] {
  const path = (file: string) => (dir === '.' || dir === './' ? file : `${dir.replace(/\/+$/, '').replace(/^\.\//, '')}/${file}`);
  const out: Annotation[] = [];
  for (const g of guards)
    for (const f of g.findings)
      out.push({ level: 'error', ruleId: g.code, title: `${g.code} ${g.name}`, message: `${f.message}\nHint: ${f.hint}`, ...(f.at ? { file: path(f.at.file), line: f.at.line, column: f.at.column } : {}) });
  // The notices: each at its code's severity, from the one definition in the catalogue.
  for (const { definition: def, findings } of runDiffNotices(diff))
    for (const f of findings)
      out.push({ level: def.severity, ruleId: def.code, title: `${def.code} ${def.name}`, message: f.hint ? `${f.message}\nHint: ${f.hint}` : f.message, ...(f.at ? { file: path(f.at.file), line: f.at.line, column: f.at.column } : {}) });
  out.push(...annotationsFromDiagnostics(headDiagnostics, dir));
  return out;
}

