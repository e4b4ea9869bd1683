import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue, validationCatalogue } from '@crr/core';
import type { Annotation } from '../../packages/cli/src/render/annotations.js';
import { FINGERPRINT_KEY, sarifLog, type SarifLog, type SarifResult } from '../../packages/cli/src/render/sarif.js';
import { beyondExampleWarnings } from '../support/example-warnings.js';
import { runCli } from '../support/run-cli.js';
import { expectValidSarif, schema, SCHEMA_PATH, SCHEMA_SHA256, validate2020, validateDraft07 } from '../support/sarif-schema.js';
import { tempRegister } from '../support/temp-register.js';

/**
 * `crr validate --format sarif` on every rule fixture and on the worked example, checked against
 * the SARIF 2.1.0 JSON Schema (test/fixtures/sarif, see its README) and against the JSON output
 * of the same run.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const AS_OF = '2026-11-21';
describe('the SARIF 2.1.0 schema fixture', () => {
  it('is the committed copy from @microsoft/sarif-multitool-linux 5.7.0', () => {
    expect(createHash('sha256').update(readFileSync(SCHEMA_PATH)).digest('hex')).toBe(SCHEMA_SHA256);
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('uses only keywords that mean the same in draft-07 and 2020-12, with nothing beside $ref but a description', () => {
    const keywords = new Set<string>();
    const refSiblings = new Set<string>();
    const walk = (node: unknown, isMapOfSchemas = false): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n));
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (isMapOfSchemas) {
          walk(value);
          continue;
        }
        keywords.add(key);
        if (key === '$ref') for (const k of Object.keys(node)) if (k !== '$ref') refSiblings.add(k);
        if (key === 'properties' || key === 'definitions') walk(value, true);
        else if (key !== 'enum' && key !== 'default' && key !== 'required') walk(value);
      }
    };
    walk(schema);
    const sameInBoth = ['$ref', '$schema', 'additionalProperties', 'anyOf', 'default', 'definitions', 'description', 'enum', 'format', 'items', 'maximum', 'minItems', 'minimum', 'oneOf', 'pattern', 'properties', 'required', 'title', 'type', 'uniqueItems'];
    expect([...keywords].filter((k) => !sameInBoth.includes(k))).toEqual([]);
    expect([...refSiblings]).toEqual(['description']);
    // `items` is always one schema (in 2020-12 an array would have to be `prefixItems`).
    expect(readFileSync(SCHEMA_PATH, 'utf8')).not.toMatch(/"items"\s*:\s*\[/);
  });

  it('rejects what is not SARIF, so that passing means something', () => {
    const good = sarifLog([], catalogue, { toolVersion: '1.0.0' });
    expectValidSarif(good);
    const accepts = (mutate: (log: SarifLog) => void) => {
      const copy = JSON.parse(JSON.stringify(good)) as SarifLog;
      mutate(copy);
      return validateDraft07(copy) || validate2020(copy);
    };
    expect(accepts((l) => ((l as { version: string }).version = '2.0.0'))).toBe(false);
    expect(accepts((l) => (l.runs[0].tool.driver.rules[0]!.defaultConfiguration.level = 'fatal' as 'error'))).toBe(false);
    expect(accepts((l) => l.runs[0].results.push({ ruleId: 'X', ruleIndex: -5, level: 'error', message: { text: 'x' } }))).toBe(false);
    const at = (uri: string, startLine: number) => ({ ruleId: 'X', ruleIndex: 0, level: 'error' as const, message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' as const }, region: { startLine } } }] });
    expect(accepts((l) => l.runs[0].results.push(at('a%20b.yaml', 1)))).toBe(true);
    expect(accepts((l) => l.runs[0].results.push(at('a b.yaml', 1)))).toBe(false);
    expect(accepts((l) => l.runs[0].results.push(at('a.yaml', 0)))).toBe(false);
  });
});

interface JsonDiagnostic {
  code: string;
  severity: 'error' | 'warning';
  file: string | null;
  line: number | null;
  column: number | null;
  message: string;
  hint: string | null;
}

const fixtureDirs = readdirSync(join(root, 'test/fixtures/rules'))
  .filter((name) => statSync(join(root, 'test/fixtures/rules', name)).isDirectory())
  .sort()
  .map((name) => `test/fixtures/rules/${name}`);
const dirs = [...fixtureDirs, 'registers/example-icb'];

function where(r: SarifResult) {
  const loc = r.locations?.[0]?.physicalLocation;
  return { uri: loc?.artifactLocation.uri, line: loc?.region?.startLine, column: loc?.region?.startColumn };
}

describe('crr validate --format sarif', () => {
  it('runs on every rule fixture and the worked example', () => {
    expect(fixtureDirs.length).toBeGreaterThanOrEqual(32);
    expect(fixtureDirs).toContain('test/fixtures/rules/valid');
  });

  describe.each(dirs)('%s', (dir) => {
    it('is valid SARIF 2.1.0 that says what the JSON output says, the same bytes every run, with the same exit code', async () => {
      const argv = ['validate', dir, '--as-of', AS_OF];
      const [first, second, json, pretty] = await Promise.all([
        runCli([...argv, '--format', 'sarif'], { cwd: root }),
        runCli([...argv, '--format', 'sarif'], { cwd: root }),
        runCli([...argv, '--format', 'json'], { cwd: root }),
        runCli(argv, { cwd: root }),
      ]);
      expect(first.stderr).toBe('');
      expect(second.stdout).toBe(first.stdout);
      const report = JSON.parse(json.stdout) as { summary: { errors: number }; diagnostics: JsonDiagnostic[] };
      expect(first.code).toBe(pretty.code);
      expect(first.code).toBe(report.summary.errors > 0 ? 1 : 0);

      const log = JSON.parse(first.stdout) as SarifLog;
      expectValidSarif(log);
      expect(first.stdout).toBe(JSON.stringify(log, null, 2) + '\n');
      expect(first.stdout).not.toContain(root.replace(/\/$/, ''));
      expect(log.runs).toHaveLength(1);
      const run = log.runs[0];

      // Every code validation can report is described, once, at its severity (the G codes are crr diff's).
      const { rules } = run.tool.driver;
      expect(rules.map((r) => r.id)).toEqual([...rules.map((r) => r.id)].sort());
      expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
      expect(rules.filter((r) => r.id.startsWith('CRR-G'))).toEqual([]);
      for (const c of validationCatalogue) {
        const rule = rules.find((r) => r.id === c.code);
        expect(rule, c.code).toBeDefined();
        expect(rule!.defaultConfiguration.level).toBe(c.severity);
        expect(rule!.shortDescription!.text).toBe(c.title);
        expect(rule!.fullDescription!.text).toBe(c.explanation);
      }

      // One result per diagnostic, at the same level, place and words.
      const expected = report.diagnostics.map((d) => ({
        ruleId: d.code,
        level: d.severity,
        text: d.hint ? `${d.message}\nHint: ${d.hint}` : d.message,
        uri: `${dir}/${d.file}`,
        line: d.line ?? undefined,
        column: d.column ?? undefined,
      }));
      const actual = run.results.map((r) => ({ ruleId: r.ruleId, level: r.level, text: r.message.text, ...where(r) }));
      const byKey = (list: object[]) => list.map((x) => JSON.stringify(x)).sort();
      expect(byKey(actual)).toEqual(byKey(expected));

      for (const r of run.results) {
        expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
        expect(r.level).toBe(catalogue.find((c) => c.code === r.ruleId)!.severity);
        const { artifactLocation } = r.locations![0]!.physicalLocation;
        expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
        expect(artifactLocation.uri).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/|\\|(^|\/)\.\.?\//i);
        expect(artifactLocation.uri.startsWith(`${dir}/`)).toBe(true);
      }
      const prints = run.results.map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
      expect(new Set(prints).size).toBe(prints.length);

      if (dir.endsWith('/valid')) {
        expect(run.results).toEqual([]);
        expect(first.code).toBe(0);
      } else if (dir === 'registers/example-icb') {
        expect(run.results.length).toBeGreaterThan(0);
        expect(beyondExampleWarnings(run.results.map((r) => ({ code: r.ruleId })))).toEqual([]);
        expect(run.results.every((r) => r.level === 'warning')).toBe(true);
        expect(first.code).toBe(0);
      } else expect(run.results.length).toBeGreaterThan(0);
    });
  });

  it('names files the same way whatever form of the folder was typed', async () => {
    const dir = 'test/fixtures/rules/CRR-E031-unknown-reference';
    const outs = await Promise.all([dir, `./${dir}/`, join(root, dir)].map((d) => runCli(['validate', d, '--format', 'sarif', '--as-of', AS_OF], { cwd: root })));
    for (const o of outs) expect(o.stdout).toBe(outs[0]!.stdout);
    const inside = await runCli(['validate', '.', '--format', 'sarif', '--as-of', AS_OF], { cwd: join(root, dir) });
    expect(where((JSON.parse(inside.stdout) as SarifLog).runs[0].results[0]!).uri).toBe('register.yaml');
    const workspace = await runCli(['validate', '.', '--format', 'sarif', '--as-of', AS_OF], { cwd: join(root, dir), env: { GITHUB_WORKSPACE: root } });
    expect(workspace.stdout).toBe(outs[0]!.stdout);
  });

  it('places a problem with the whole register on its folder (code scanning needs a location)', async () => {
    const reg = tempRegister({});
    try {
      for (const [cwd, arg, uri] of [[join(reg.dir, '..'), basename(reg.dir), basename(reg.dir)], [reg.dir, '.', '.']] as const) {
        const r = await runCli(['validate', arg, '--format', 'sarif'], { cwd });
        expect(r.code).toBe(1);
        const log = JSON.parse(r.stdout) as SarifLog;
        expectValidSarif(log);
        expect(log.runs[0].results).toHaveLength(1);
        expect(log.runs[0].results[0]).toMatchObject({ ruleId: 'CRR-E001', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' } } }] });
        expect(log.runs[0].results[0]!.locations![0]!.physicalLocation).not.toHaveProperty('region');
      }
    } finally {
      reg.cleanup();
    }
  });

  it('percent-encodes awkward folder names into valid relative URIs', async () => {
    const reg = tempRegister({});
    try {
      const name = 'my regs, v1: 100%#?';
      mkdirSync(join(reg.dir, name));
      cpSync(join(root, 'test/fixtures/rules/CRR-E030-duplicate-id/register.yaml'), join(reg.dir, name, 'register.yaml'));
      const r = await runCli(['validate', name, '--format', 'sarif', '--as-of', AS_OF], { cwd: reg.dir });
      expect(r.code).toBe(1);
      const log = JSON.parse(r.stdout) as SarifLog;
      expectValidSarif(log);
      const { uri } = where(log.runs[0].results[0]!);
      expect(uri).toBe('my%20regs%2C%20v1%3A%20100%25%23%3F/register.yaml');
      expect(uri!.split('/').map(decodeURIComponent).join('/')).toBe(`${name}/register.yaml`);
    } finally {
      reg.cleanup();
    }
  });

  it('keeps a result\'s fingerprint when lines move, though its region and message change', async () => {
    const text = readFileSync(join(root, 'test/fixtures/rules/CRR-E030-duplicate-id/register.yaml'), 'utf8');
    const reg = tempRegister({ 'before/register.yaml': text, 'after/register.yaml': `# A comment\n\n${text}` });
    try {
      const [before, after] = await Promise.all(
        ['before', 'after'].map(async (d) => JSON.parse((await runCli(['validate', '.', '--format', 'sarif', '--as-of', AS_OF], { cwd: join(reg.dir, d) })).stdout) as SarifLog),
      );
      const [b, a] = [before!.runs[0].results[0]!, after!.runs[0].results[0]!];
      expect(where(a).line).toBe(where(b).line! + 2);
      expect(a.message.text).not.toBe(b.message.text);
      expect(a.partialFingerprints).toEqual(b.partialFingerprints);
    } finally {
      reg.cleanup();
    }
  });

  it('writes valid SARIF for annotations without a file or a line, notices and rules it was not given', () => {
    const annotations: Annotation[] = [
      { level: 'error', ruleId: 'CRR-E001', title: 'CRR-E001 no-register', message: 'No register.' },
      { level: 'warning', ruleId: 'CRR-W047', title: 'CRR-W047 review-overdue', message: 'Overdue.\nHint: review.', file: 'a.yaml' },
      { level: 'notice', ruleId: 'CRR-D001', title: 'CRR-D001 hazard-added', message: 'Added.', file: 'a.yaml', line: 3 },
    ];
    const log = sarifLog(annotations, catalogue, { toolVersion: '0.1.0', informationUri: 'https://example.org/crr' });
    expectValidSarif(log);
    expect(log.runs[0].results.map((r) => r.level)).toEqual(['error', 'warning', 'note']);
  });
});

describe('the SARIF output stays byte-identical', () => {
  it('for a register whose files were written in another order', async () => {
    const text = readFileSync(join(root, 'test/fixtures/rules/CRR-E023-manifest/sites.yaml'), 'utf8');
    const manifest = readFileSync(join(root, 'test/fixtures/rules/CRR-E023-manifest/register.yaml'), 'utf8');
    const a = tempRegister({ 'register.yaml': manifest, 'sites.yaml': text });
    const b = tempRegister({ 'sites.yaml': text, 'register.yaml': manifest });
    try {
      const [ra, rb] = await Promise.all([a, b].map((r) => runCli(['validate', '.', '--format', 'sarif', '--as-of', AS_OF], { cwd: r.dir })));
      expect(ra!.stdout).toBe(rb!.stdout);
      expect((JSON.parse(ra!.stdout) as SarifLog).runs[0].results.length).toBeGreaterThan(0);
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});
