import { isAbsolute, relative, resolve, sep } from 'node:path';
import { cmp, countOf, type Diagnostic } from '@crr/core';
import { displayPath } from './pretty.js';

/**
 * One thing to tell a CI system about, whatever produced it: a diagnostic of `crr validate`
 * now, a change found by `crr diff` later. The GitHub and SARIF renderers take these, never
 * diagnostics, so that both commands share them.
 */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  /** A permanent id of the rule, e.g. `CRR-E040`. */
  ruleId: string;
  /** A short title, e.g. `CRR-E040 residual-above-initial`. */
  title: string;
  /** What is wrong; may span lines. */
  message: string;
  /** The path as the repository sees it, with `/` separators and no leading `./`. */
  file?: string;
  /** 1-based. */
  line?: number;
  column?: number;
  /**
   * The record and field the annotation concerns. Not shown; they make SARIF fingerprints
   * follow a problem when lines move.
   */
  record?: string;
  field?: string;
}

/**
 * Diagnostics as annotations. `displayDir` is the register folder as the repository sees it
 * (see `repositoryDir`); a diagnostic about the whole register (no file) is placed on that
 * folder, since GitHub code scanning rejects a SARIF result with no location.
 */
export function annotationsFromDiagnostics(diagnostics: readonly Diagnostic[], displayDir: string): Annotation[] {
  return diagnostics.map((d) => {
    const a: Annotation = {
      level: d.severity,
      ruleId: d.code,
      title: `${d.code} ${d.rule}`,
      message: d.hint ? `${d.message}\nHint: ${d.hint}` : d.message,
      file: repositoryPath(displayPath(displayDir, d.file)),
    };
    if (d.line !== undefined) a.line = d.line;
    if (d.column !== undefined) a.column = d.column;
    if (d.record !== undefined) a.record = d.record;
    if (d.field !== undefined) a.field = d.field;
    return a;
  });
}

/** Forward slashes, no leading `./`, no doubled or trailing slash. */
export function repositoryPath(path: string): string {
  let p = path.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  if (p.length > 1) p = p.replace(/\/$/, '');
  return p === '' ? '.' : p;
}

/**
 * The register folder relative to the root the CI system resolves paths against: the GitHub
 * Actions workspace when there is one (`GITHUB_WORKSPACE`, the checkout), otherwise the folder
 * crr runs in. Annotations then name files the same way whether the user typed
 * `registers/x`, `./registers/x/` or an absolute path.
 */
export function repositoryDir(dir: string, cwd: string, env: Record<string, string | undefined> = {}): string {
  const root = env.GITHUB_WORKSPACE && isAbsolute(env.GITHUB_WORKSPACE) ? env.GITHUB_WORKSPACE : cwd;
  const rel = relative(root, resolve(cwd, dir));
  return repositoryPath(sep === '/' ? rel : rel.split(sep).join('/'));
}

const levelOrder: Record<Annotation['level'], number> = { error: 0, warning: 1, notice: 2 };

/** By file (annotations without one first), position, rule, level, message: output never depends on input order. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return (
    cmp(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    levelOrder[a.level] - levelOrder[b.level] ||
    cmp(a.record ?? '', b.record ?? '') ||
    cmp(a.field ?? '', b.field ?? '') ||
    cmp(a.message, b.message)
  );
}

export function sortAnnotations(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort(compareAnnotations);
}

/** `2 errors, 1 warning` (and notices, when there are any). */
export function countsText(annotations: readonly Annotation[]): string {
  const n = { error: 0, warning: 0, notice: 0 };
  for (const a of annotations) n[a.level]++;
  return [countOf(n.error, 'error'), countOf(n.warning, 'warning'), ...(n.notice ? [countOf(n.notice, 'notice')] : [])].join(', ');
}
