/**
 * TEST SUPPORT ONLY: builds small in-memory registers from YAML snippets for the rules' unit
 * tests (`*.test.ts` beside each rule). Nothing in the library imports this file.
 *
 * A test register is two files: `register.yaml`, a valid manifest with a handful of
 * organisations, and `records.yaml`, the snippet under test. Keeping the snippet in its own file
 * means a diagnostic's line is the line in the snippet, found with `lineOf`.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sourceFromText, type SourceFile } from '../source/source-file.js';
import { validateFiles, type Validation } from '../validate.js';

/** The as-of date every rule test judges at unless it says otherwise. */
export const AS_OF = '2026-11-21';

/** The file the snippet is written to. */
export const RECORDS = 'records.yaml';

export interface TestRegisterOptions {
  asOf?: string;
  /** Extra YAML under `register:` (e.g. a `riskScheme:` or `reviewPolicy:`), indented by 2. */
  manifest?: string;
  /** Omit `register.yaml` altogether: the snippet brings its own manifest and organisations. */
  bare?: boolean;
}

/** Organisations every test register has, so snippets can name them. */
export const BASE_ORGANISATIONS = ['org-icb', 'pcn-north', 'org-csu', 'org-emis', 'org-carrier-a'] as const;

export function baseManifest(extra = ''): string {
  return `register:
  id: test-icb
  title: Test ICB GP IT infrastructure hazard log
  version: 1.0.0
  organisation: org-icb
  cso:
    name: Dr Asha Patel
    registration: { body: GMC, number: "7012345" }
    organisation: org-icb
${indent(dedent(extra), 2)}
organisations:
  - { id: org-icb, type: icb, name: NHS Test ICB, ods: QXX }
  - { id: pcn-north, type: pcn, name: North Downs PCN, parent: org-icb }
  - { id: org-csu, type: csu, name: Test CSU }
  - { id: org-emis, type: manufacturer, name: EMIS Health, safetyCase: EMIS Web CSCR v12.3 }
  - { id: org-carrier-a, type: carrier, name: Southern Fibre Networks }
`;
}

/** Validate the snippet (plus the base manifest) as of `AS_OF`. */
export function validateSnippet(snippet: string, options: TestRegisterOptions = {}): Validation {
  const files: SourceFile[] = [];
  if (!options.bare) files.push(sourceFromText('register.yaml', baseManifest(options.manifest)));
  files.push(sourceFromText(RECORDS, dedent(snippet)));
  return validateFiles(files, { asOf: options.asOf ?? AS_OF });
}

/** The diagnostics of one code for the snippet. */
export function findings(code: string, snippet: string, options: TestRegisterOptions = {}): Diagnostic[] {
  return validateSnippet(snippet, options).diagnostics.filter((d) => d.code === code);
}

/** Every code the snippet raises, in output order: to show a case raises nothing else. */
export function codes(snippet: string, options: TestRegisterOptions = {}): string[] {
  return validateSnippet(snippet, options).diagnostics.map((d) => d.code);
}

/** The 1-based line of the snippet (as dedented) holding `needle`, or of its `nth` occurrence. */
export function lineOf(snippet: string, needle: string, nth = 1): number {
  const lines = dedent(snippet).split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(needle) && ++seen === nth) return i + 1;
  }
  throw new Error(`\`${needle}\` is not in the snippet`);
}

/**
 * A hazard as a YAML list item (put it under `hazards:` with the `yaml` tag), valid and quiet by
 * default: open, reviewed recently, residual rating 1 (acceptable, needs no justification). Each
 * field is raw YAML (write nested values in flow style) and replaces the default; `undefined`
 * drops a default field. Fields not among the defaults are added at the end.
 */
export function hazardYaml(fields: Record<string, string | undefined> = {}): string {
  const defaults: Record<string, string> = {
    id: 'HAZ-001',
    title: 'Clinicians cannot open the patient record during consultations',
    description: 'Practices lose the VPN path to the hosted clinical system.',
    causes: '[{ description: VPN concentrator A runs out of tunnel capacity at the morning peak. }]',
    effects: '[Consultations without the medical history]',
    harms: '[Delayed diagnosis]',
    initialRisk: '{ severity: major, likelihood: medium }',
    residualRisk: '{ severity: minor, likelihood: low }',
    status: 'open',
    owner: 'ICB digital team',
    raised: '2026-04-22',
    reviewed: '2026-10-01',
  };
  const merged: Record<string, string | undefined> = { ...defaults, ...fields };
  const lines: string[] = [];
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined) continue;
    lines.push(`${lines.length ? '  ' : '- '}${key}: ${value}`);
  }
  return lines.join('\n');
}

/**
 * A YAML snippet as a template literal: a multi-line value interpolated into it keeps the
 * indentation of the line it starts on, and the whole is dedented.
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0]!;
  values.forEach((value, i) => {
    const margin = /^[ \t]*/.exec(out.slice(out.lastIndexOf('\n') + 1))![0];
    out += String(value).split('\n').join('\n' + margin) + strings[i + 1]!;
  });
  return dedent(out);
}

/** Strip the common indentation of a template literal and its leading blank line. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const margins = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const margin = margins.length ? Math.min(...margins) : 0;
  return lines.map((l) => l.slice(margin)).join('\n');
}

function indent(text: string, by: number): string {
  const pad = ' '.repeat(by);
  return text
    .split('\n')
    .map((l) => (l.trim() ? pad + l : l))
    .join('\n');
}
