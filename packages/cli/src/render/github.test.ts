import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateFolder } from '@crr/core';
import { annotationsFromDiagnostics, type Annotation } from './annotations.js';
import { escapeData, escapeProperty, githubCommands, workflowCommand } from './github.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * How the Actions runner reads a workflow command back (ActionCommand.TryParseV2 in
 * actions/runner): the command ends at the first `::` after the leading one, properties are
 * split on `,` and then on the first `=`, and escapes are undone with `%25` last.
 */
function parseCommand(line: string): { command: string; properties: Record<string, string>; data: string } | undefined {
  if (!line.startsWith('::')) return undefined;
  const end = line.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space >= 0)
    for (const pair of info.slice(space + 1).split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true);
    }
  return { command, properties, data: unescape(line.slice(end + 2), false) };
}
function unescape(s: string, property: boolean): string {
  let out = s.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return out.replace(/%25/g, '%');
}

const annotation = (over: Partial<Annotation> = {}): Annotation => ({
  level: 'error',
  ruleId: 'CRR-E040',
  title: 'CRR-E040 residual-above-initial',
  message: 'Residual risk is higher than initial risk.',
  file: 'registers/x/register.yaml',
  line: 19,
  column: 7,
  ...over,
});

describe('escaping, as @actions/core does it', () => {
  it('escapes %, CR and LF in a message, % first; leaves : , and :: alone', () => {
    expect(escapeData('100% sure\r\nnext: a, b :: c')).toBe('100%25 sure%0D%0Anext: a, b :: c');
    expect(escapeData('%0A is not a newline')).toBe('%250A is not a newline');
  });

  it('also escapes : and , in a property value', () => {
    expect(escapeProperty('a,b:c%d\re\nf::g')).toBe('a%2Cb%3Ac%25d%0De%0Af%3A%3Ag');
  });

  it('escapes a file path with , : % and newlines, and a message with %, newlines and ::', () => {
    const line = workflowCommand('error', { file: 'regs/a,b:c%/x\ny.yaml', line: 3, col: 4, title: 'T: a,b' }, 'Say 50%.\nHint: use `::` or not\r\n');
    expect(line).toBe('::error file=regs/a%2Cb%3Ac%25/x%0Ay.yaml,line=3,col=4,title=T%3A a%2Cb::Say 50%25.%0AHint: use `::` or not%0D%0A');
    expect(line).not.toMatch(/[\r\n]/);
    expect(parseCommand(line)).toEqual({
      command: 'error',
      properties: { file: 'regs/a,b:c%/x\ny.yaml', line: '3', col: '4', title: 'T: a,b' },
      data: 'Say 50%.\nHint: use `::` or not\r\n',
    });
  });

  it('round-trips any file, title and message through the runner\'s parser, on one line', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '%', ':', ',', '=', '\r', '\n', '0', 'A', 'D', '2', '5', 'C', '3', 'é', '🙂') });
    fc.assert(
      fc.property(text, text, text, (file, title, message) => {
        const line = githubCommands([annotation({ file: file || undefined, title: title || 'T', message })]).split('\n')[0]!;
        const parsed = parseCommand(line)!;
        expect(parsed.data).toBe(message);
        expect(parsed.properties.title).toBe(title || 'T');
        expect(parsed.properties.file).toBe(file || undefined);
      }),
    );
  });
});

describe('githubCommands', () => {
  it('writes one command per annotation, at its level, then the counts as a notice', () => {
    const out = githubCommands([annotation(), annotation({ level: 'warning', ruleId: 'CRR-W047', title: 'CRR-W047 review-overdue', line: 30, column: 5 }), annotation({ level: 'notice', ruleId: 'D1', title: 'D1 added', line: 40, column: undefined })]);
    expect(out.split('\n')).toEqual([
      '::error file=registers/x/register.yaml,line=19,col=7,title=CRR-E040 residual-above-initial::Residual risk is higher than initial risk.',
      '::warning file=registers/x/register.yaml,line=30,col=5,title=CRR-W047 review-overdue::Residual risk is higher than initial risk.',
      '::notice file=registers/x/register.yaml,line=40,title=D1 added::Residual risk is higher than initial risk.',
      '::notice::crr: 1 error, 1 warning, 1 notice',
      '',
    ]);
  });

  it('leaves out absent properties', () => {
    expect(githubCommands([annotation({ column: undefined })])).toMatch(/^::error file=registers\/x\/register.yaml,line=19,title=CRR-E040 residual-above-initial::/);
    expect(githubCommands([annotation({ line: undefined, column: undefined })])).toMatch(/^::error file=registers\/x\/register.yaml,title=CRR-E040 residual-above-initial::/);
    expect(githubCommands([annotation({ file: undefined, line: undefined, column: undefined })])).toMatch(/^::error title=CRR-E040 residual-above-initial::/);
    expect(workflowCommand('notice', { file: undefined, title: '' }, 'x')).toBe('::notice::x');
  });

  it('sorts, so that the output does not depend on the order given', () => {
    const list = [annotation({ line: 30 }), annotation({ file: 'a.yaml' }), annotation({ line: 2 })];
    expect(githubCommands([...list].reverse())).toBe(githubCommands(list));
    expect(githubCommands(list).split('\n').map((l) => l.match(/file=([^,]+),line=(\d+)/)?.slice(1).join(':'))).toEqual(['a.yaml:19', 'registers/x/register.yaml:2', 'registers/x/register.yaml:30', undefined, undefined]);
  });

  it('says so when there is nothing to report', () => {
    expect(githubCommands([])).toBe('::notice::crr: 0 errors, 0 warnings\n');
  });

  it('renders a small register with errors (rule fixtures CRR-E038 and CRR-W047)', async () => {
    const annotations: Annotation[] = [];
    for (const folder of ['test/fixtures/rules/CRR-E038-risk-scheme-not-monotone', 'test/fixtures/rules/CRR-W047-review-overdue']) {
      const { diagnostics } = await validateFolder(join(repoRoot, folder), { asOf: '2026-11-21' });
      annotations.push(...annotationsFromDiagnostics(diagnostics, folder));
    }
    expect(githubCommands(annotations)).toMatchInlineSnapshot(`
      "::error file=test/fixtures/rules/CRR-E038-risk-scheme-not-monotone/register.yaml,line=26,col=20,title=CRR-E038 risk-scheme-not-monotone::The risk scheme is not monotone. At likelihood \`high\`, severity \`major\` rates 2, lower than the less severe \`significant\` (3).%0AHint: Raise the rating of this cell to at least that of its less severe and less likely neighbours.
      ::error file=test/fixtures/rules/CRR-E038-risk-scheme-not-monotone/register.yaml,line=26,col=20,title=CRR-E038 risk-scheme-not-monotone::The risk scheme is not monotone. At severity \`major\`, likelihood \`high\` rates 2, lower than the less likely \`medium\` (3).%0AHint: Raise the rating of this cell to at least that of its less severe and less likely neighbours.
      ::warning file=test/fixtures/rules/CRR-W047-review-overdue/register.yaml,line=48,col=15,title=CRR-W047 review-overdue::Hazard \`HAZ-001\` was due for review on 2026-06-12 (12 months after its last review on 2025-06-12) and is overdue as of 2026-11-21.%0AHint: Review the hazard with the CSO, then update \`reviewed\` (and \`nextReview\` if it has one).
      ::notice::crr: 2 errors, 1 warning
      "
    `);
  });
});
