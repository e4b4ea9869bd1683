import type { RiskSchemeInput } from '../model/risk-scheme.js';

export interface SchemeProblem {
  kind: 'incomplete' | 'not-monotone';
  /** Path below `riskScheme`. */
  path: (string | number)[];
  message: string;
}

/**
 * A custom scheme must define every cell, give every rating a meaning, and never let the rating
 * fall as likelihood or severity rise: a scheme in which a worse harm rates lower would let a
 * hazard look safer by being judged more severe.
 */
export function checkScheme(s: RiskSchemeInput): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const levels = (list: { level: string }[], what: string, key: 'likelihood' | 'severity') => {
    const seen = new Set<string>();
    list.forEach((l, i) => {
      if (seen.has(l.level)) problems.push({ kind: 'incomplete', path: [key, i, 'level'], message: `The ${what} level \`${l.level}\` is listed twice.` });
      seen.add(l.level);
    });
  };
  levels(s.likelihood, 'likelihood', 'likelihood');
  levels(s.severity, 'severity', 'severity');

  const likelihoods = s.likelihood.map((l) => l.level);
  for (const row of Object.keys(s.matrix)) {
    if (!likelihoods.includes(row)) problems.push({ kind: 'incomplete', path: ['matrix', row], message: `The matrix has a row \`${row}\`, which is not a likelihood level of the scheme.` });
  }
  const rows: (number[] | undefined)[] = likelihoods.map((l) => s.matrix[l]);
  likelihoods.forEach((l, i) => {
    const row = rows[i];
    if (!row) problems.push({ kind: 'incomplete', path: ['matrix'], message: `The matrix has no row for likelihood \`${l}\`.` });
    else if (row.length !== s.severity.length)
      problems.push({ kind: 'incomplete', path: ['matrix', l], message: `The matrix row for likelihood \`${l}\` has ${row.length} ratings, but the scheme has ${s.severity.length} severity levels.` });
  });
  const defined = new Set(s.ratings.map((r) => r.rating));
  const missing = new Set<number>();
  for (const row of rows) for (const r of row ?? []) if (!defined.has(r)) missing.add(r);
  for (const r of [...missing].sort((a, b) => a - b))
    problems.push({ kind: 'incomplete', path: ['ratings'], message: `The matrix uses rating ${r}, but \`ratings\` does not say what it means.` });
  if (problems.length) return problems;

  for (let li = 0; li < rows.length; li++) {
    const row = rows[li]!;
    for (let si = 0; si < row.length; si++) {
      const here = row[si]!;
      const right = row[si + 1];
      if (right !== undefined && right < here)
        problems.push({
          kind: 'not-monotone',
          path: ['matrix', likelihoods[li]!, si + 1],
          message: `At likelihood \`${likelihoods[li]}\`, severity \`${s.severity[si + 1]!.level}\` rates ${right}, lower than the less severe \`${s.severity[si]!.level}\` (${here}).`,
        });
      const up = rows[li + 1]?.[si];
      if (up !== undefined && up < here)
        problems.push({
          kind: 'not-monotone',
          path: ['matrix', likelihoods[li + 1]!, si],
          message: `At severity \`${s.severity[si]!.level}\`, likelihood \`${likelihoods[li + 1]}\` rates ${up}, lower than the less likely \`${likelihoods[li]}\` (${here}).`,
        });
    }
  }
  return problems;
}
