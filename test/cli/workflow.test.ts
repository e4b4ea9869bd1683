import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '@crr/cli';

/** The ready workflow in docs/ only runs crr command lines that crr accepts. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const workflow = yaml.load(readFileSync(`${root}/docs/github-workflow.yml`, 'utf8')) as {
  env: Record<string, string>;
  jobs: Record<string, { steps: { run?: string; with?: Record<string, unknown> }[] }>;
};

/** Split a shell line into words, with "…" quoting and $VARIABLE / ${{ … }} expanded to samples. */
function words(line: string): string[] {
  const expanded = line.replace(/\$\{\{[^}]*\}\}/g, 'main').replace(/"?\$REGISTER"?/g, workflow.env.REGISTER!);
  return [...expanded.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

describe('docs/github-workflow.yml', () => {
  const runs = Object.values(workflow.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ?? '').split('\n')));
  const crrLines = runs.filter((l) => l.includes('crr ')).map((l) => l.trim());

  it('validates, diffs for the summary, uploads SARIF and builds the site', () => {
    const commands = crrLines.map((l) => words(l.slice(l.indexOf('crr ') + 4).split(/\s*(>>|>|\|\|)\s*/)[0]!));
    expect(commands.map((c) => `${c[0]} ${c.includes('--format') ? c[c.indexOf('--format') + 1] : ''}`.trim())).toEqual(
      expect.arrayContaining(['validate github', 'diff markdown', 'validate sarif', 'diff sarif', 'diff github', 'build']),
    );
    for (const argv of commands) expect(() => parseArgs(argv)).not.toThrow();
    expect(workflow.jobs.check!.steps.some((s) => s.with?.['fetch-depth'] === 0)).toBe(true);
    expect(JSON.stringify(workflow.jobs.check)).toContain('GITHUB_STEP_SUMMARY');
    expect(JSON.stringify(workflow.jobs.check)).toContain('upload-sarif');
    expect(JSON.stringify(workflow.jobs.publish)).toContain('deploy-pages');
  });

  it('installs the pinned pnpm of package.json', () => {
    const pinned = (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { packageManager: string }).packageManager;
    expect(runs.join('\n')).toContain(`npm install --global ${pinned}`);
  });
});
