/**
 * Issue 8, class 7: register text cannot drive the reader's terminal. A title, an asset name, a
 * hazard title, a value quoted in a message and a source line in a code frame carry an OSC 52
 * clipboard write, a "hide text" SGR, a carriage return, a bidi override and an 8-bit CSI. Every
 * text output of the real binary shows them as visible escapes and never writes them raw; JSON
 * and SARIF parse back to the exact original strings.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, REPO, runBin, type BinRun } from '../support/run-bin.js';
import { tempRegister } from '../support/temp-register.js';

const AS_OF = '2026-11-21';
const KILL_MS = 10_000;

/** The hostile text as YAML writes it in a double-quoted string… */
const YAML_HOSTILE = String.raw`\e]52;c;ZXZpbA==\a \e[8mhidden \rover \u202eevil \x9b2J`;
/** …and as the register holds it. */
const HOSTILE = '\u001b]52;c;ZXZpbA==\u0007 \u001b[8mhidden \rover \u202eevil \u009b2J';
/** How crr shows it. */
const SHOWN = String.raw`\x1b]52;c;ZXZpbA==\x07 \x1b[8mhidden \rover \u202eevil \u009b2J`;

/** Any character a terminal acts on, except line feed and tab (what crr writes itself). */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
/** crr's own colours (render/colour.ts), allowed when colour is on. */
const OWN_STYLE = /\u001b\[(?:1|2|22|31|33|36|39)m/g;

const TITLE = `Title ${HOSTILE}`;
const ASSET = `VPN A ${HOSTILE}`;

let good: { dir: string; cleanup: () => void };
let bad: { dir: string; cleanup: () => void };

/** The valid rule fixture, with hostile text in the register's title, an asset's name and vendor, and a hazard's title. */
function hostileRegister(): { dir: string; cleanup: () => void } {
  const tmp = tempRegister({});
  cpSync(join(REPO, 'test/fixtures/rules/valid'), tmp.dir, { recursive: true });
  edit(tmp.dir, 'register.yaml', /^ {2}title: .*$/m, `  title: "Title ${YAML_HOSTILE}"`);
  edit(tmp.dir, 'infrastructure.yaml', 'name: VPN concentrator A,', `name: "VPN A ${YAML_HOSTILE}",`);
  edit(tmp.dir, 'infrastructure.yaml', 'vendor: Cisco, model: ASA 5555', `vendor: "Evil ${YAML_HOSTILE}", model: ASA 5555`);
  edit(tmp.dir, 'hazard-log.yaml', 'title: Clinicians cannot open the patient record during consultations', `title: "Clinicians ${YAML_HOSTILE}"`);
  return tmp;
}

function edit(dir: string, file: string, find: string | RegExp, replace: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toMatch(find);
  writeFileSync(path, text.replace(find, replace));
}

const crr = (argv: string[], env: Record<string, string> = {}) => runBin([...argv, '--as-of', AS_OF], { timeoutMs: KILL_MS, env });

/** Clean, nothing raw, and the hostile text shown escaped (`times` at least). */
function expectEscaped(run: BinRun, what: string, times = 1, shown = SHOWN): void {
  expectClean(run, what);
  const all = run.stdout + run.stderr;
  expect(all.replace(OWN_STYLE, ''), what).not.toMatch(RAW);
  expect(all.split(shown).length - 1, `${what} shows the escaped text`).toBeGreaterThanOrEqual(times);
}

beforeAll(() => {
  good = hostileRegister();
  bad = hostileRegister();
  // A reference that is not an id, and a value not allowed, both quoting the hostile text…
  edit(bad.dir, 'hazard-log.yaml', 'existingControls: [CTL-BCP-01]', `existingControls: [CTL-BCP-01, "CTL-${YAML_HOSTILE}"]`);
  // …and raw control bytes in the source line of an error, which its code frame prints.
  edit(bad.dir, 'hazard-log.yaml', '    status: open\n', `    status: "open ${YAML_HOSTILE}"   # raw \u001b]52;c;ZXZpbA==\u0007 \u001b[8m \u202e \u0085 end\n`);
});
afterAll(() => {
  good.cleanup();
  bad.cleanup();
});

describe('pretty output shows control characters as escapes', () => {
  it('validate: messages quoting a value, and code frames of raw source lines', () => {
    const run = crr(['validate', bad.dir]);
    expect(run.code).toBe(1);
    expectEscaped(run, 'validate', 2);
    // The raw bytes of the source line, shown escaped in the frame, with the caret still under the value.
    expect(run.stdout).toContain(String.raw`# raw \x1b]52;c;ZXZpbA==\x07 \x1b[8m \u202e \u0085 end`);
    const frame = run.stdout.split('\n');
    const at = frame.findIndex((l) => l.startsWith('> ') && l.includes('status: "open'));
    expect(frame[at + 1]!.indexOf('^')).toBe(frame[at]!.indexOf('"open'));
  });

  it('validate with colour: only crr\'s own colours are escape sequences', () => {
    const run = crr(['validate', bad.dir], { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(run.stdout).toMatch(OWN_STYLE);
    expectEscaped(run, 'validate in colour', 2);
  });

  it('analyse: the register title and an asset name', () => {
    const run = crr(['analyse', good.dir], { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(run.code).toBe(0);
    expectEscaped(run, 'analyse', 2);
    expect(run.stdout.replace(OWN_STYLE, '')).toContain(`Title ${SHOWN} v`);
    expect(run.stdout).toContain(`VPN A ${SHOWN} (\`vpn-a\`) is a single failure point`);
  });

  it('analyse of a register with errors: the diagnostics it prints instead', () => {
    const run = crr(['analyse', bad.dir]);
    expect(run.code).toBe(1);
    expectEscaped(run, 'analyse with errors', 2);
  });

  it('what-if: a selector quoting the hostile text', () => {
    const run = crr(['what-if', good.dir, '--fail', `vendor=Evil ${HOSTILE}`]);
    expect(run.code).toBe(0);
    expectEscaped(run, 'what-if', 2);
    expect(run.stdout).toContain(`vendor=Evil ${SHOWN} selects 1 asset: vpn-a`);
  });

  it('a usage error quoting a typed value', () => {
    const run = crr(['what-if', good.dir, '--fail', `vendor=Nobody ${HOSTILE}`]);
    expect(run.code).toBe(2);
    expectEscaped(run, 'what-if usage error');
  });
});

describe('CI formats', () => {
  it('diff of two folders: the markdown comment (printed to the terminal, posted to the pull request)', () => {
    const base = tempRegister({});
    try {
      cpSync(join(REPO, 'test/fixtures/rules/valid'), base.dir, { recursive: true });
      const run = crr(['diff', base.dir, good.dir]);
      expectClean(run, 'diff');
      expect(run.stdout + run.stderr).not.toMatch(RAW);
      // The changed hazard title, markdown-escaped, with its control characters shown.
      expect(run.stdout).toContain(String.raw`Clinicians \x1b\]52;c;ZXZpbA==\x07 \x1b\[8mhidden`);
      expect(run.stdout).toContain(String.raw`\u202eevil \u009b2J`);
    } finally {
      base.cleanup();
    }
  });

  it('github: workflow commands with nothing raw, one line each', () => {
    const run = crr(['validate', bad.dir, '--format', 'github']);
    expect(run.code).toBe(1);
    // CR is %-escaped there, as the runner expects (it restores it in the annotation's text).
    expectEscaped(run, 'validate --format github', 2, SHOWN.replace(String.raw`\r`, '%0D'));
    for (const line of run.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice)/);
  });

  it('json: parses, round-trips the original strings exactly, and writes nothing raw', () => {
    const validate = crr(['validate', bad.dir, '--format', 'json']);
    expectClean(validate);
    expect(validate.stdout).not.toMatch(RAW);
    const v = JSON.parse(validate.stdout) as { register: { title: string }; diagnostics: { message: string }[] };
    expect(v.register.title).toBe(TITLE);
    expect(v.diagnostics.some((d) => d.message.includes(`CTL-${HOSTILE}`))).toBe(true);

    const analyse = crr(['analyse', good.dir, '--format', 'json']);
    expectClean(analyse);
    expect(analyse.stdout).not.toMatch(RAW);
    const a = JSON.parse(analyse.stdout) as { register: { title: string }; findings: { title: string }[] };
    expect(a.register.title).toBe(TITLE);
    expect(a.findings.some((f) => f.title.startsWith(ASSET))).toBe(true);

    const whatIf = crr(['what-if', good.dir, '--fail', `vendor=Evil ${HOSTILE}`, '--format', 'json']);
    expectClean(whatIf);
    expect(whatIf.stdout).not.toMatch(RAW);
    expect((JSON.parse(whatIf.stdout) as { register: { title: string } }).register.title).toBe(TITLE);
  });

  it('sarif: parses and round-trips the messages exactly, nothing raw', () => {
    const run = crr(['validate', bad.dir, '--format', 'sarif']);
    expectClean(run);
    expect(run.stdout).not.toMatch(RAW);
    const log = JSON.parse(run.stdout) as { runs: { results: { message: { text: string } }[] }[] };
    expect(log.runs[0]!.results.some((r) => r.message.text.includes(`open ${HOSTILE}`))).toBe(true);
  });
});
