import { describe, expect, it } from 'vitest';
import { catalogue } from '@crr/core';
import type { Annotation } from './annotations.js';
import { FINGERPRINT_KEY, fileUri, pascalCase, sarifLog, type SarifRule } from './sarif.js';

const annotation = (over: Partial<Annotation> = {}): Annotation => ({
  level: 'error',
  ruleId: 'CRR-E040',
  title: 'CRR-E040 residual-above-initial',
  message: 'Residual risk is higher than initial risk.',
  file: 'registers/x/register.yaml',
  line: 19,
  column: 7,
  record: 'HAZ-1',
  field: 'residualRisk',
  ...over,
});
const rules: SarifRule[] = [
  { code: 'CRR-W047', name: 'review-overdue', severity: 'warning', title: 'A hazard is overdue for review', explanation: 'Review it.' },
  { code: 'CRR-E040', name: 'residual-above-initial', severity: 'error', title: 'Residual risk is higher than initial risk', explanation: 'Lower it.' },
];
const log = (annotations: Annotation[], r: readonly SarifRule[] = rules) => sarifLog(annotations, r, { toolVersion: '9.9.9' });
const fp = (result: { partialFingerprints?: Record<string, string> }) => result.partialFingerprints![FINGERPRINT_KEY]!;

describe('sarifLog', () => {
  it('writes a 2.1.0 log of one run, with crr as the driver and the rules sorted by id', () => {
    const out = log([annotation()]);
    expect(out.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(out.version).toBe('2.1.0');
    expect(out.runs).toHaveLength(1);
    const { driver } = out.runs[0].tool;
    expect(driver).toEqual({
      name: 'crr',
      version: '9.9.9',
      rules: [
        { id: 'CRR-E040', name: 'ResidualAboveInitial', shortDescription: { text: 'Residual risk is higher than initial risk' }, fullDescription: { text: 'Lower it.' }, defaultConfiguration: { level: 'error' } },
        { id: 'CRR-W047', name: 'ReviewOverdue', shortDescription: { text: 'A hazard is overdue for review' }, fullDescription: { text: 'Review it.' }, defaultConfiguration: { level: 'warning' } },
      ],
    });
    expect(out.runs[0].originalUriBaseIds['%SRCROOT%'].description.text).toMatch(/relative to/);
    expect(sarifLog([], rules, { toolVersion: '1', informationUri: 'https://example.org/crr' }).runs[0].tool.driver.informationUri).toBe('https://example.org/crr');
  });

  it('writes a result with rule, index, level, message and a relative location', () => {
    const [result] = log([annotation()]).runs[0].results;
    expect(result).toEqual({
      ruleId: 'CRR-E040',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Residual risk is higher than initial risk.' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'registers/x/register.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 19, startColumn: 7 } } }],
      partialFingerprints: { [FINGERPRINT_KEY]: expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
  });

  it('leaves out the region without a line, the column without one, and the location without a file', () => {
    const results = log([annotation({ line: undefined, column: undefined }), annotation({ file: 'b.yaml', column: undefined }), annotation({ file: undefined, line: undefined, column: undefined })]).runs[0].results;
    expect(results[0]!.locations).toBeUndefined();
    expect(results[1]!.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'b.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 19 } });
    expect(results[2]!.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'registers/x/register.yaml', uriBaseId: '%SRCROOT%' } });
  });

  it('maps notice to note, and describes a rule the caller did not', () => {
    const out = log([annotation({ level: 'notice', ruleId: 'CRR-D001', title: 'CRR-D001 hazard-added' })]);
    const { rules: described } = out.runs[0].tool.driver;
    expect(described.map((r) => r.id)).toEqual(['CRR-D001', 'CRR-E040', 'CRR-W047']);
    expect(described[0]).toEqual({ id: 'CRR-D001', shortDescription: { text: 'CRR-D001 hazard-added' }, defaultConfiguration: { level: 'note' } });
    expect(out.runs[0].results[0]).toMatchObject({ ruleId: 'CRR-D001', ruleIndex: 0, level: 'note' });
  });

  it('describes every catalogue rule, used or not, with a ruleIndex that points at the result\'s rule', () => {
    const out = log([annotation({ ruleId: 'CRR-W047', level: 'warning' }), annotation()], catalogue);
    const { rules: described } = out.runs[0].tool.driver;
    expect(described.map((r) => r.id).sort()).toEqual(catalogue.map((c) => c.code).sort());
    for (const r of out.runs[0].results) expect(described[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('sorts results, so that the output does not depend on the order given', () => {
    const list = [annotation({ line: 30 }), annotation({ file: 'a.yaml' }), annotation({ line: 2, ruleId: 'CRR-W047', level: 'warning' })];
    expect(JSON.stringify(log([...list].reverse()))).toBe(JSON.stringify(log(list)));
    expect(log(list).runs[0].results.map((r) => `${r.locations![0]!.physicalLocation.artifactLocation.uri}:${r.locations![0]!.physicalLocation.region!.startLine}`)).toEqual(['a.yaml:19', 'registers/x/register.yaml:2', 'registers/x/register.yaml:30']);
  });
});

describe('fingerprints', () => {
  it('stay the same when only lines move, even when the message quotes a line', () => {
    const before = annotation({ message: 'The id `G1` is already used by a site at register.yaml:23.' });
    const after = annotation({ line: 40, column: 9, message: 'The id `G1` is already used by a site at register.yaml:37.' });
    expect(fp(log([after]).runs[0].results[0]!)).toBe(fp(log([before]).runs[0].results[0]!));
  });

  it('differ by rule, file, record, field and message', () => {
    const base = fp(log([annotation()]).runs[0].results[0]!);
    for (const change of [{ ruleId: 'CRR-W047' }, { file: 'other.yaml' }, { record: 'HAZ-2' }, { field: 'initialRisk' }, { message: 'Something else.' }])
      expect(fp(log([annotation(change)]).runs[0].results[0]!)).not.toBe(base);
  });

  it('are numbered apart when two results are otherwise the same', () => {
    const results = log([annotation({ line: 3 }), annotation({ line: 5 }), annotation({ line: 9 })]).runs[0].results;
    const prints = results.map(fp);
    expect(prints[1]).toBe(`${prints[0]}:2`);
    expect(prints[2]).toBe(`${prints[0]}:3`);
  });
});

describe('pascalCase and fileUri', () => {
  it('turns kebab-case rule names into Pascal case', () => {
    expect(pascalCase('duplicate-id')).toBe('DuplicateId');
    expect(pascalCase('yaml-syntax')).toBe('YamlSyntax');
    expect(pascalCase('encoding')).toBe('Encoding');
    for (const c of catalogue) expect(pascalCase(c.name)).toMatch(/^[A-Z][A-Za-z0-9]*$/);
  });

  it('percent-encodes each segment of a path and keeps the slashes', () => {
    expect(fileUri('registers/example-icb/register.yaml')).toBe('registers/example-icb/register.yaml');
    expect(fileUri('my regs/a,b:c%#?.yaml')).toBe('my%20regs/a%2Cb%3Ac%25%23%3F.yaml');
    expect(fileUri('c:/x.yaml')).toBe('c%3A/x.yaml');
    expect(fileUri('../x/é.yaml')).toBe('../x/%C3%A9.yaml');
  });
});
