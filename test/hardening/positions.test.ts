/**
 * Issue 8, class 6: positions point at the mistake. Before the fix (on main): a NUL byte on line
 * 12 was reported at 1:609 (js-yaml counts no lines before that check); an unclosed quote on
 * line 12 at the line where YAML finally stopped, lines later; 10,000-deep nesting at 1:1 or
 * at column 1011. Now line and column come from the offset, the quote that ran on is found in
 * the text, and nesting is stopped where level 65 opens. CRLF line ends, a byte-order mark,
 * tabs and a missing final newline change nothing.
 *
 * One register holds every case, one file each, and the real binary validates it once.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { expectClean, runBin } from '../support/run-bin.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';

const lines = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i));
const flowOrgs = (edit: (l: string[]) => void) => {
  const l = lines(20, (i) => `  - { id: org-${i}, type: supplier, name: "Org ${i}" }`);
  edit(l);
  return `organisations:\n${l.join('\n')}\n`;
};
// 10 records of 3 lines after `organisations:`: file line 12 is the `type` of the fourth.
const blockOrgs = (id: string, edit: (l: string[]) => void) => {
  const l = lines(10, (i) => `  - id: ${id}-${i}\n    type: supplier\n    name: "Org ${i}"`).join('\n').split('\n');
  edit(l);
  return `organisations:\n${l.join('\n')}\n`;
};
const withUnknownKey = (id: string) => `services:\n  - id: ${id}\n    name: A service\n    bogus: 1\n`;

const files: Record<string, string | Uint8Array> = {
  'register.yaml': MINIMAL_MANIFEST,
  // Line 12 (index 10 after the `organisations:` line), inside the name.
  'nul-flow.yaml': flowOrgs((l) => (l[10] = '  - { id: org-x, type: supplier, name: "Org \u0000 x" }')),
  'nul-block.yaml': blockOrgs('nb', (l) => (l[10] = '    type: supp\u0000lier')),
  'control.yaml': blockOrgs('cc', (l) => (l[10] = '    type: "supp\u0007lier"')),
  // The quote opened on line 12 runs on to the first quote of line 13.
  'quote-flow.yaml': flowOrgs((l) => (l[10] = '  - { id: org-x, type: supplier, name: "Org x }')),
  'quote-block.yaml': blockOrgs('qb', (l) => (l[10] = '    type: "supplier')),
  // A single quote with no other after it: YAML reads to the end of the file.
  'quote-eof.yaml': blockOrgs('qe', (l) => {
    l[10] = "    type: 'supplier";
    for (let i = 0; i < l.length; i++) l[i] = l[i]!.replace(/"/g, '');
  }),
  // An apostrophe inside plain text is not a quote: the error is the bad indentation below it.
  'apostrophe.yaml': `organisations:\n  - id: ap-1\n    type: supplier\n    name: St Luke's Surgery\n     bad: indentation\n`,
  // Block nesting: level k opens on line k, at column 2k - 1.
  'deep-block.yaml': lines(70, (i) => `${'  '.repeat(i)}a:`).join('\n') + ' 1\n',
  'deep-flow.yaml': `organisations:\n  - id: a\n    name: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  'second-doc.yaml': `services:\n  - { id: sd-1, name: One }\n---\nservices:\n  - { id: sd-2, name: Two }\n`,
  'lf.yaml': withUnknownKey('lf-1'),
  'crlf.yaml': withUnknownKey('crlf-1').replace(/\n/g, '\r\n'),
  'bom.yaml': new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(withUnknownKey('bom-1'))]),
  'bom-crlf-nul.yaml': new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('services:\r\n  - id: bcn-1\r\n    name: A \u0000 service\r\n')]),
  'tab.yaml': `services:\n  - id: tab-1\n\tname: A service\n`,
  'no-newline.yaml': `services:\n  - id: nn-1\n    name: A service\n    bogus: 1`,
};

let diagnostics: { code: string; file: string | null; line: number | null; column: number | null; message: string }[] = [];
let cleanup = () => {};
beforeAll(() => {
  const r = tempRegister(files);
  cleanup = r.cleanup;
  const run = runBin(['validate', r.dir, '--as-of', '2026-11-21', '--format', 'json'], { timeoutMs: 20_000 });
  expectClean(run);
  expect(run.code).toBe(1);
  diagnostics = (JSON.parse(run.stdout) as { diagnostics: typeof diagnostics }).diagnostics;
});
afterAll(() => cleanup());

const at = (file: string) => diagnostics.filter((d) => d.file === file).map((d) => [d.code, d.line, d.column]);

describe('a diagnostic points at the mistake', () => {
  it.each([
    ['nul-flow.yaml', 'CRR-E002', 12, 45],
    ['nul-block.yaml', 'CRR-E002', 12, 15],
    ['control.yaml', 'CRR-E002', 12, 16],
    ['quote-flow.yaml', 'CRR-E002', 12, 40],
    ['quote-block.yaml', 'CRR-E002', 12, 11],
    ['quote-eof.yaml', 'CRR-E002', 12, 11],
    ['apostrophe.yaml', 'CRR-E002', 5, 9],
    ['deep-block.yaml', 'CRR-E015', 65, 129],
    ['deep-flow.yaml', 'CRR-E015', 3, 72],
    ['second-doc.yaml', 'CRR-E002', 3, 1],
    ['bom-crlf-nul.yaml', 'CRR-E002', 3, 13],
    ['tab.yaml', 'CRR-E002', 3, 1],
  ])('%s: %s at %i:%i', (file, code, line, column) => {
    expect(at(file)).toEqual([[code, line, column]]);
  });

  it('says what the character is, and where an unclosed quote led YAML', () => {
    const message = (file: string) => diagnostics.find((d) => d.file === file)!.message;
    expect(message('nul-flow.yaml')).toMatch(/a NUL byte \(U\+0000\)/);
    expect(message('control.yaml')).toMatch(/the control character U\+0007/);
    expect(message('quote-flow.yaml')).toMatch(/^The quoted text that starts here is not closed on its line, so YAML read on to line 13/);
    expect(message('quote-eof.yaml')).toMatch(/read on to the end of the file/);
    expect(message('apostrophe.yaml')).not.toMatch(/quoted/);
  });

  it('CRLF line ends, a byte-order mark and a missing final newline give the same positions as plain LF', () => {
    const unknownKey = (file: string) => at(file).filter(([code]) => code === 'CRR-E020');
    expect(unknownKey('lf.yaml')).toEqual([['CRR-E020', 4, 5]]);
    expect(unknownKey('crlf.yaml')).toEqual(unknownKey('lf.yaml'));
    expect(unknownKey('bom.yaml')).toEqual(unknownKey('lf.yaml'));
    expect(unknownKey('no-newline.yaml')).toEqual(unknownKey('lf.yaml'));
  });
});
