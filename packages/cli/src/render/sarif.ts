import { createHash } from 'node:crypto';
import { cmp } from '@crr/core';
import { sortAnnotations, type Annotation } from './annotations.js';

/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning reads it. Only what crr writes is typed here.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifReportingDescriptor {
  id: string;
  name?: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  defaultConfiguration: { level: SarifLevel };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations?: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: typeof SRCROOT };
      region?: { startLine: number; startColumn?: number };
    };
  }[];
  partialFingerprints?: Record<string, string>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: 'crr'; version: string; informationUri?: string; rules: SarifReportingDescriptor[] } };
      originalUriBaseIds: Record<typeof SRCROOT, { description: { text: string } }>;
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

/**
 * A rule the log describes. A `CodeDefinition` from the catalogue is one; `crr diff` will bring
 * its own.
 */
export interface SarifRule {
  code: string;
  /** kebab-case, e.g. `duplicate-id`. */
  name: string;
  severity: Annotation['level'];
  title: string;
  explanation?: string;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** The key of crr's fingerprint in `partialFingerprints`; a new version if its recipe changes. */
export const FINGERPRINT_KEY = 'crrFingerprint/v1';

/**
 * A SARIF log of one run: every rule in `rules` (so that code scanning knows them all, used or
 * not) and any other rule the annotations use, then one result per annotation. Deterministic:
 * rules sorted by id, results by place, no timestamps, no absolute paths.
 */
export function sarifLog(annotations: readonly Annotation[], rules: readonly SarifRule[], options: { toolVersion: string; informationUri?: string }): SarifLog {
  const sorted = sortAnnotations(annotations);
  const descriptors = new Map<string, SarifReportingDescriptor>();
  for (const r of rules) {
    if (descriptors.has(r.code)) continue;
    descriptors.set(r.code, {
      id: r.code,
      name: pascalCase(r.name),
      shortDescription: { text: r.title },
      ...(r.explanation ? { fullDescription: { text: r.explanation } } : {}),
      defaultConfiguration: { level: sarifLevel(r.severity) },
    });
  }
  // A rule the caller did not describe still gets a descriptor, so that every ruleIndex resolves.
  for (const a of sorted) {
    if (!descriptors.has(a.ruleId)) descriptors.set(a.ruleId, { id: a.ruleId, shortDescription: { text: a.title }, defaultConfiguration: { level: sarifLevel(a.level) } });
  }
  const ruleList = [...descriptors.values()].sort((x, y) => cmp(x.id, y.id));
  const ruleIndex = new Map(ruleList.map((r, i) => [r.id, i]));

  const seen = new Map<string, number>();
  const results = sorted.map((a): SarifResult => {
    const result: SarifResult = { ruleId: a.ruleId, ruleIndex: ruleIndex.get(a.ruleId)!, level: sarifLevel(a.level), message: { text: a.message } };
    // Code scanning rejects a result with no location; callers give whole-register results a
    // file (the register folder), but a result without one is still valid SARIF.
    if (a.file !== undefined) {
      const region = a.line !== undefined ? { region: { startLine: a.line, ...(a.column !== undefined ? { startColumn: a.column } : {}) } } : {};
      result.locations = [{ physicalLocation: { artifactLocation: { uri: fileUri(a.file), uriBaseId: SRCROOT }, ...region } }];
    }
    const base = fingerprint(a);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    result.partialFingerprints = { [FINGERPRINT_KEY]: n === 1 ? base : `${base}:${n}` };
    return result;
  });

  const driver: SarifLog['runs'][0]['tool']['driver'] = {
    name: 'crr',
    version: options.toolVersion,
    ...(options.informationUri ? { informationUri: options.informationUri } : {}),
    rules: ruleList,
  };
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: 'The folder result paths are relative to: the GitHub Actions workspace (GITHUB_WORKSPACE) under GitHub Actions, otherwise the folder crr ran in.' } },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function sarifLevel(level: Annotation['level']): SarifLevel {
  return level === 'notice' ? 'note' : level;
}

/** `duplicate-id` → `DuplicateId`: SARIF recommends Pascal case for a rule's name. */
export function pascalCase(kebab: string): string {
  return kebab
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/**
 * A relative URI reference for a repository path: each segment percent-encoded, so that a space
 * or `#` stays part of the name and a `:` in the first segment is not read as a URI scheme.
 */
export function fileUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/**
 * What makes a result the same result in the next commit: its rule, file, record and field and
 * its message, with digits removed so that a line number quoted in a message ("already used at
 * register.yaml:25") does not make a new alert when lines move. Lines and columns are left out
 * for the same reason. Identical keys are numbered in order (`:2`, `:3`) to keep them apart.
 */
function fingerprint(a: Annotation): string {
  const key = JSON.stringify([a.ruleId, a.file ?? '', a.record ?? '', a.field ?? '', a.message.replace(/\d+/g, '')]);
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
