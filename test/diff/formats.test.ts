/**
 * Every output format of `crr diff`: the markdown pull-request comment (pinned by snapshots,
 * overridable by the register, and safe against hostile register strings), the documented JSON,
 * GitHub workflow commands, and SARIF checked against the official 2.1.0 schema.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SarifLog } from '../../packages/cli/src/render/sarif.js';
import {
  addAcceptance,
  addHazard,
  bindG99001,
  commands,
  diff,
  edit,
  git,
  HAZARDS,
  hazardYaml,
  INFRA,
  lineOf,
  lowerResidual,
  makeRepo,
  parse,
  removeRecord,
  ROOT,
  setPolicy,
  tripAll,
  useScratch,
  type Repo,
} from './helpers.js';
import { expectValidSarif, SCHEMA_PATH, SCHEMA_SHA256 } from '../support/sarif-schema.js';

const scratch = useScratch('formats');
const md = async (r: Repo, extra: string[] = []) => {
  const run = await diff(r.dir, ['base', 'HEAD', 'reg', ...extra]);
  expect(run.stderr).toBe('');
  return run;
};

/** A change that passes and touches most sections: a covered failure point, a weakened control, a hazard added, a rating down, an acceptance gone stale. */
function passingChange(r: Repo): void {
  bindG99001(r, 'vpn-a');
  r.edit(HAZARDS, /(id: CTL-VPN-02\n(?:.*\n)*?)    status: verified/, '$1    status: implemented');
  addHazard(r, hazardYaml('HAZ-004', 'The core network fails'));
  r.edit(HAZARDS, 'residualRisk: { severity: major, likelihood: low, rating: 3 }', 'residualRisk: { severity: major, likelihood: very low }');
  r.edit(HAZARDS, 'description: The hosted clinical system cannot reach the Electronic Prescription Service.', 'description: The hosted clinical system cannot reach the Spine.');
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/** Each markdown table's rows have as many cells as its header (an unescaped `|` would add one). */
function expectWellFormedTables(text: string): void {
  const cells = (line: string) => {
    let n = 0;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\\') i++;
      else if (line[i] === '|') n++;
    }
    return n;
  };
  let header: number | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) header = undefined;
    else if (header === undefined) header = cells(line);
    else expect(cells(line), line).toBe(header);
  }
}

/** The contents of the code spans of a line of markdown (CommonMark: a backslash-escaped backtick opens none). */
function codeSpans(text: string): string[] {
  const spans: string[] = [];
  for (const line of text.split('\n')) {
    let i = 0;
    while (i < line.length) {
      if (line[i] === '\\') {
        i += 2;
        continue;
      }
      if (line[i] !== '`') {
        i++;
        continue;
      }
      let n = 0;
      while (line[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      let close = line.indexOf(fence, i + n);
      while (close >= 0 && line[close + n] === '`') close = line.indexOf(fence, close + n + 1);
      if (close < 0) {
        i += n;
        continue;
      }
      spans.push(line.slice(i + n, close));
      i = close + n;
    }
  }
  return spans;
}

describe('--format markdown (the default)', () => {
  it('pins a change that passes', async () => {
    const r = makeRepo(scratch);
    passingChange(r);
    r.commit();
    const run = await md(r);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('## ✅ Clinical risk: 11 changes to clinical risk; no guard tripped\\.');
    expectWellFormedTables(run.stdout);
    expect(run.stdout).toMatchSnapshot();
    // The same bytes with `--format markdown` said out loud.
    expect((await md(r, ['--format', 'markdown'])).stdout).toBe(run.stdout);
  });

  it('pins a change that trips every guard', async () => {
    const r = makeRepo(scratch, lowerResidual);
    tripAll(r);
    r.commit();
    const run = await md(r);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('## ❌ Clinical risk: 4 changes must not pass unnoticed\\: an open or transferred hazard was deleted instead of closed; a residual rating rose without a new acceptance; a control was removed from an open hazard with no replacement; a new failure point reaches a clinical service and no hazard names it\\.');
    expect(run.stdout).toContain('### Guards tripped');
    for (const code of ['CRR-G001', 'CRR-G002', 'CRR-G003', 'CRR-G004']) expect(run.stdout).toMatch(new RegExp(`^\\| \`${code.replace('-', '\\\\?-')}\``, 'm'));
    expectWellFormedTables(run.stdout);
    expect(run.stdout).toMatchSnapshot();
  });

  it('pins a head register that fails validation', async () => {
    const r = makeRepo(scratch);
    r.edit(HAZARDS, 'existingControls: [CTL-BCP-01]\n    additionalControls', 'existingControls: [CTL-NOPE-01]\n    additionalControls');
    r.commit();
    const run = await md(r);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('## ❌ Clinical risk: The register at HEAD has 1 validation error\\.');
    expect(run.stdout).toMatchSnapshot();
  });

  it('links hazards and assets to the site given with --site-url', async () => {
    const r = makeRepo(scratch);
    passingChange(r);
    r.commit();
    const run = await md(r, ['--site-url', 'https://example.nhs.uk/registers/north-downs']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| [HAZ\\-004](https://example.nhs.uk/registers/north-downs/hazards/HAZ-004/index.html) The core network fails | open |');
    expect(run.stdout).toContain('[vpn\\-a](https://example.nhs.uk/registers/north-downs/assets/vpn-a/index.html) VPN concentrator A');
    expect(run.stdout).toMatchSnapshot();
  });

  it("links to the base's policy.siteUrl, with a site-local asset's page under its `~` name, and --site-url wins over it", async () => {
    const r = makeRepo(scratch, (b) => setPolicy(b, '    siteUrl: https://example.nhs.uk/registers/nd/\n'));
    r.edit(INFRA, 'listSize: 9240', 'listSize: 10240');
    r.edit(HAZARDS, 'residualRisk: { severity: major, likelihood: low, rating: 3 }', 'residualRisk: { severity: major, likelihood: very low }');
    r.commit();
    const run = await md(r);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| [HAZ\\-001](https://example.nhs.uk/registers/nd/hazards/HAZ-001/index.html) Clinicians cannot open the patient record during consultations | residual | 3 | ▼ 2 |');
    expect(run.stdout).toContain('| [G99001/firewall](https://example.nhs.uk/registers/nd/assets/G99001~firewall/index.html) Northgate Surgery firewall | 9,240 | 10,240 | \\+1,000 |');
    expect(run.stdout).toMatchSnapshot();
    const given = await md(r, ['--site-url', 'https://other.example/']);
    expect(given.stdout).toContain('(https://other.example/hazards/HAZ-001/index.html)');
    expect(given.stdout).not.toContain('registers/nd');
  });

  it('percent-encodes what a site address would need encoded, so that it cannot leave the link', async () => {
    const r = makeRepo(scratch);
    bindG99001(r, 'vpn-a');
    r.commit();
    const run = await md(r, ['--site-url', 'https://x.example/a b)"<>[]/']);
    expect(run.stdout).toContain('[vpn\\-a](https://x.example/a%20b%29%22%3C%3E%5B%5D/assets/vpn-a/index.html)');
    expect(run.stdout).not.toContain('<');
  });

  // Was a bug (fixed): `--site-url` is used as given, so an address already percent-encoded (as any address
  // with a space in a folder name is) is encoded again: `GP%20IT` becomes `GP%2520IT` and every
  // link is broken. diff-view.ts `safeUrl` runs `encodeURI` over the whole address.
  it('keeps an already percent-encoded site address as it is', async () => {
    const r = makeRepo(scratch);
    bindG99001(r, 'vpn-a');
    r.commit();
    const run = await md(r, ['--site-url', 'https://example.nhs.uk/GP%20IT/']);
    expect(run.stdout).toContain('(https://example.nhs.uk/GP%20IT/assets/vpn-a/index.html)');
  });

  // Was a bug (fixed): `--site-url` is not checked, unlike `policy.siteUrl` (which must be http(s)), so
  // `--site-url javascript:alert(1)//` writes `javascript:` links into the comment. Expected: a
  // usage error (exit 2), as for other bad options (options.ts: `site-url` is a plain string).
  it('refuses a --site-url that is not an http(s) address', async () => {
    const r = makeRepo(scratch);
    bindG99001(r, 'vpn-a');
    r.commit();
    const run = await diff(r.dir, ['base', 'HEAD', 'reg', '--site-url', 'javascript:alert(1)//']);
    expect(run.stdout).not.toContain('](javascript:');
    expect(run.code).toBe(2);
  });

  it("uses the register's own template at .crr/diff.md.hbs (the base's), with every string still escaped", async () => {
    const r = makeRepo(scratch, (b) => b.write('.crr/diff.md.hbs', 'Register check {{#if fail}}FAILED{{else}}passed{{/if}}: {{{verdict}}}\n{{#each added}}* {{{id}}}: {{{title}}}{{#if url}} <{{{url}}}>{{/if}}\n{{/each}}'));
    addHazard(r, hazardYaml('HAZ-004', '"[x](https://evil.example) <img src=x onerror=alert(1)>"'));
    r.commit();
    const run = await md(r);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Register check passed: 2 changes to clinical risk; no guard tripped\\.\n* HAZ\\-004: \\[x\\]\\(https\\://evil\\.example\\) &lt;img src=x onerror=alert\\(1\\)\\>\n');
    // The template is not part of the register (a dot-folder): the diff is the same without it.
    const json = parse((await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'json'])).stdout);
    expect(json.validation.head.diagnostics).toEqual([]);
  });

  describe('hostile strings in the register', () => {
    const HOSTILE = '[x](https://evil.example) ![img](https://evil.example/t.png) <img src=x onerror=alert(1)> | pipes | <script>alert(1)</script> **b** `c` # h &lt;b&gt; line1\\nline2';
    /** Hostile titles and names in every section that prints one: added, removed, changed, ratings, guards, failure points, reach. */
    function hostileChange(r: Repo): void {
      addHazard(r, hazardYaml('HAZ-004', `"${HOSTILE} (added)"`));
      removeRecord(r, HAZARDS, 'HAZ-005');
      r.edit(HAZARDS, 'title: Clinicians cannot open the patient record during consultations', `title: "${HOSTILE} (changed)"`);
      r.edit(HAZARDS, 'residualRisk: { severity: major, likelihood: low, rating: 3 }', 'residualRisk: { severity: major, likelihood: very low }');
      r.edit(INFRA, 'name: VPN concentrator B,', `name: "${HOSTILE} (asset)",`);
      bindG99001(r, 'vpn-b');
    }
    const prepare = (b: Repo) => addHazard(b, hazardYaml('HAZ-005', `"${HOSTILE} (removed)"`));

    it('cannot make a link, an image, HTML or a table cell of them', async () => {
      const r = makeRepo(scratch, prepare);
      hostileChange(r);
      r.commit();
      for (const extra of [[], ['--site-url', 'https://example.nhs.uk/nd/']]) {
        const run = await md(r, extra);
        expect(run.code).toBe(1); // G001 (HAZ-005 was open) and G004 (vpn-b)
        const out = run.stdout;
        for (const what of ['(added)', '(removed)', '(changed)', '(asset)']) expect(out).toContain(`line1 line2 ${what.replace(/[()]/g, (c) => `\\${c}`)}`);
        if (extra.length === 0) expect(out).not.toContain('](http');
        expect(out).not.toContain('](http' + 's://evil');
        expect(out).not.toMatch(/\]\(https?:\/\/evil/);
        expect(out).not.toContain('![');
        expect(out).not.toContain('<img');
        expect(out).not.toContain('<script');
        expect(out).not.toContain('<'); // the template itself writes none
        expect(out).toContain('&amp;lt;b&amp;gt;');
        expect(out).toContain('\\| pipes \\|');
        expect(out).not.toMatch(/^#+ .*line1/m);
        expectWellFormedTables(out);
        // Every link is to the site.
        for (const m of out.matchAll(/\]\(([^)]*)\)/g)) expect(m[1]).toMatch(/^https:\/\/example\.nhs\.uk\/nd\//);
      }
    });

    it('cannot make a link or HTML in the GitHub annotations either (they are plain text, escaped as workflow commands)', async () => {
      const r = makeRepo(scratch, prepare);
      hostileChange(r);
      r.commit();
      const run = await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'github']);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines.every((l) => l.startsWith('::'))).toBe(true); // no hostile newline starts a command of its own
      expect(commands(run.stdout, 'error').map((l) => /title=(CRR-G00\d)/.exec(l)?.[1])).toEqual(['CRR-G001', 'CRR-G004']);
      expect(run.stdout).toContain('line1%0Aline2');
    });

    // Was a bug (fixed): a lone carriage return is a line ending in CommonMark, but mdEscape (diff-view.ts)
    // only folds `\r?\n` into a space, so a register string with `\r` ends a table row early
    // and starts a new one (or a new block) with whatever follows.
    it('cannot break a line of the markdown with a lone carriage return', async () => {
      const r = makeRepo(scratch);
      addHazard(r, hazardYaml('HAZ-004', '"first\\r| CRR-G000 | all clear | \\rthird"'));
      r.commit();
      const out = (await md(r)).stdout;
      expect(out).not.toContain('\r');
    });

    // Was a bug (fixed): GitHub (GFM) turns a bare URL into a link ("autolink literal"). mdEscape escapes `.`,
    // which only cuts `https://evil.example/x` down to a link to `https://evil`, and leaves a
    // dotless address such as an intranet host (`http://intranet/phish`) a whole working link.
    // Expected: no `scheme://` survives (e.g. escape `:`), so no link is made.
    it('cannot make a link of a bare URL (GFM autolinks)', async () => {
      const r = makeRepo(scratch);
      addHazard(r, hazardYaml('HAZ-004', 'See http://intranet/phish or https://evil.example/login'));
      r.commit();
      const out = (await md(r)).stdout;
      expect(out).toContain('intranet');
      expect(out).not.toMatch(/https?:\/\//);
    });
  });

  // Was a bug (fixed): every string is escaped for markdown before it reaches the template, also where the
  // template puts it in a code span (`` `{{{code}}}` ``, `` `{{{field}}}` ``, the switched-off
  // guards), and backslash escapes do not work in code spans (CommonMark 6.1), so the comment
  // shows `CRR\-G001`, `residualRisk\.likelihood` and `uncovered\-failure\-point` with the
  // backslashes. Expected: code spans hold the text as it is (with a longer backtick fence
  // where it holds a backtick).
  it('shows guard codes and field names in code spans without backslashes', async () => {
    const r = makeRepo(scratch, lowerResidual);
    tripAll(r);
    r.commit();
    const out = (await md(r)).stdout;
    const spans = codeSpans(out);
    expect(spans).toContain('CRR-G001');
    expect(spans).toContain('residualRisk.likelihood');
    expect(spans.filter((s) => s.includes('\\'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

describe('--format json', () => {
  it('has the documented keys, a verdict, and the same bytes on every run and in a repository built again', async () => {
    const build = () => {
      const r = makeRepo(scratch, lowerResidual);
      tripAll(r);
      r.commit();
      return r;
    };
    const r = build();
    const [a, b] = [await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'json']), await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'json'])];
    const again = await diff(build().dir, ['base', 'HEAD', 'reg', '--format', 'json']);
    expect(a.code).toBe(1);
    expect(b.stdout).toBe(a.stdout);
    expect(again.stdout).toBe(a.stdout);
    expect(a.stdout).toBe(JSON.stringify(JSON.parse(a.stdout), null, 2) + '\n');
    expect(a.stdout).not.toContain(scratch);

    const out = parse(a.stdout);
    expect(Object.keys(out)).toEqual(['schemaVersion', 'tool', 'verdict', 'guards', 'validation', 'base', 'head', 'hazards', 'ratings', 'controls', 'failurePoints', 'commonCauses', 'coverage', 'reach', 'capacity', 'scenarios', 'acceptances', 'riskProfile']);
    expect(out).not.toHaveProperty('acceptancesByHazard');
    expect(out.schemaVersion).toBe(2);
    expect(out.tool).toEqual({ name: 'crr', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(out.verdict).toBe('fail');
    expect(out.base).toEqual({ label: 'base', version: '2.1.0', title: 'North Downs GP IT infrastructure hazard log' });
    expect(out.head).toEqual({ label: 'HEAD', version: '2.1.0', title: 'North Downs GP IT infrastructure hazard log' });
    expect(out.guards.map((g) => Object.keys(g))).toEqual(Array(6).fill(['code', 'name', 'title', 'enabled', 'findings']));
    expect(out.guards.map((g) => [g.code, g.name])).toEqual([
      ['CRR-G001', 'deleted-open-hazard'],
      ['CRR-G002', 'residual-raised-without-acceptance'],
      ['CRR-G003', 'control-removed-without-replacement'],
      ['CRR-G004', 'uncovered-failure-point'],
      ['CRR-G007', 'uncovered-capacity-shortfall'],
      ['CRR-G008', 'scenario-past-tolerance'],
    ]);
    expect(Object.keys(out.validation.head)).toEqual(['errors', 'warnings', 'diagnostics']);
    expect(Object.keys(out.hazards)).toEqual(['added', 'removed', 'changed']);
    expect(Object.keys(out.controls)).toEqual(['added', 'removed', 'removedFromHazard', 'weakened', 'evidenceExpired']);
    expect(Object.keys(out.failurePoints)).toEqual(['gained', 'lost']);
    expect(Object.keys(out.commonCauses)).toEqual(['gained', 'lost']);
    expect(Object.keys(out.coverage)).toEqual(['gained', 'lost']);
    expect(Object.keys(out.acceptances)).toEqual(['noLongerHold', 'added']);
    expect(Object.keys(out.capacity)).toEqual(['limited', 'loads', 'unchanged', 'overloads', 'nMinusOne', 'degradedReach']);
    expect(Object.keys(out.scenarios)).toEqual(['list', 'added', 'removed', 'changed', 'unchanged']);
  });

  it("says `pass` for a change that trips nothing, and `fail` for a head that does not validate", async () => {
    const ok = makeRepo(scratch);
    passingChange(ok);
    ok.commit();
    const pass = await diff(ok.dir, ['base', 'HEAD', 'reg', '--format', 'json']);
    expect(pass.code).toBe(0);
    expect(parse(pass.stdout).verdict).toBe('pass');

    const bad = makeRepo(scratch);
    bad.edit(HAZARDS, 'existingControls: [CTL-BCP-01]\n    additionalControls', 'existingControls: [CTL-NOPE-01]\n    additionalControls');
    bad.commit();
    const fail = await diff(bad.dir, ['base', 'HEAD', 'reg', '--format', 'json']);
    expect(fail.code).toBe(1);
    const out = parse(fail.stdout);
    expect(out.verdict).toBe('fail');
    expect(out.guards.every((g) => g.findings.length === 0)).toBe(true);
    expect(out.validation.head).toMatchObject({ errors: 1, diagnostics: [{ code: 'CRR-E031', severity: 'error', file: 'hazard-log.yaml', line: lineOf(bad.file(HAZARDS), 'CTL-NOPE-01') }] });
  });
});

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands
// ---------------------------------------------------------------------------------------------

describe('--format github', () => {
  it('writes one ::error per tripped guard, at its file and line, then the counts', async () => {
    const r = makeRepo(scratch, lowerResidual);
    const g001 = lineOf(r.file(HAZARDS), '  - id: HAZ-002');
    tripAll(r);
    r.commit();
    const haz001 = lineOf(r.file(HAZARDS), '  - id: HAZ-001');
    const vpnB = lineOf(r.file(INFRA), '  - { id: vpn-b,');
    const run = await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'github']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const errors = commands(run.stdout, 'error').map((l) => /^::error file=([^,]+),line=(\d+),col=\d+,title=(CRR-G00\d) [a-z-]+::/.exec(l)?.slice(1));
    // Sorted by file and line: HAZ-001 (G002, G003) is above where HAZ-002 was (G001, a base line).
    expect(haz001).toBeLessThan(g001);
    expect(errors).toEqual([
      ['reg/hazard-log.yaml', String(haz001), 'CRR-G002'],
      ['reg/hazard-log.yaml', String(haz001), 'CRR-G003'],
      ['reg/hazard-log.yaml', String(g001), 'CRR-G001'],
      ['reg/infrastructure.yaml', String(vpnB), 'CRR-G004'],
    ]);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^::notice::crr: 4 errors, \d+ warnings?/);
  });

  it('escapes messages and properties as workflow commands need', async () => {
    const name = 'my regs, v1: 100%';
    const r = makeRepo(scratch, (b) => {
      b.edit(HAZARDS, 'title: Clinicians cannot open the patient record during consultations', 'title: "Down 100%,\\nreally: yes\\r\\n::error::forged"');
      renameSync(b.reg, join(b.dir, name));
    });
    const hazards = join(r.dir, name, HAZARDS);
    const line = lineOf(hazards, '  - id: HAZ-001');
    const text = readFileSync(hazards, 'utf8');
    const start = text.indexOf('  - id: HAZ-001');
    edit(hazards, text.slice(start, text.indexOf('  - id: HAZ-002')), '');
    edit(hazards, '    hazards: [HAZ-001]\n', '');
    git(r.dir, 'add', '-A');
    git(r.dir, 'commit', '-q', '-m', 'delete');
    const run = await diff(r.dir, ['base', 'HEAD', name, '--format', 'github']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.every((l) => l.startsWith('::'))).toBe(true);
    expect(commands(run.stdout, 'error')).toEqual([
      `::error file=my regs%2C v1%3A 100%25/hazard-log.yaml,line=${line},col=5,title=CRR-G001 deleted-open-hazard::Hazard \`HAZ-001\` (Down 100%25,%0Areally: yes%0D%0A::error::forged) was open and has been deleted.%0AHint: Keep the hazard and set its status to \`closed\` once every control is verified, or restore it.`,
    ]);
  });

  it('names files in the repository for a register at its top, and for the folder typed as ./reg/', async () => {
    const top = makeRepo(scratch, (b) => {
      for (const f of [HAZARDS, INFRA, 'register.yaml']) renameSync(b.file(f), join(b.dir, f));
    });
    edit(join(top.dir, INFRA), 'listSize: 9240, profile: kpsn-emis }', 'listSize: 9240, profile: kpsn-emis, bindings: { concentrator: vpn-b } }');
    git(top.dir, 'add', '-A');
    git(top.dir, 'commit', '-q', '-m', 'bind');
    const atTop = await diff(top.dir, ['base', 'HEAD', '--format', 'github']);
    expect(atTop.code).toBe(1);
    expect(commands(atTop.stdout, 'error')[0]).toMatch(/^::error file=infrastructure\.yaml,line=\d+,/);

    const r = makeRepo(scratch);
    bindG99001(r, 'vpn-b');
    r.commit();
    const [plain, dotted] = [await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'github']), await diff(r.dir, ['base', 'HEAD', './reg/', '--format', 'github'])];
    expect(commands(plain.stdout, 'error')[0]).toMatch(/^::error file=reg\/infrastructure\.yaml,line=\d+,/);
    expect(dotted.stdout).toBe(plain.stdout);
  });

  // Was a bug (fixed): `crr validate` names files relative to GITHUB_WORKSPACE (or the folder crr runs in)
  // whatever form of the folder was typed (annotations.ts `repositoryDir`); `crr diff` uses
  // the folder exactly as typed (diff.ts `shownDir`), so an absolute folder gives absolute paths
  // and `../reg` gives `../reg/...`, which GitHub cannot place on the pull request's files.
  it('names files the same way whatever form of the folder was typed, as crr validate does', async () => {
    const r = makeRepo(scratch);
    bindG99001(r, 'vpn-b');
    r.commit();
    const file = (stdout: string) => /^::error file=([^,]+),/m.exec(stdout)?.[1];
    const plain = await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'github']);
    expect(file(plain.stdout)).toBe('reg/infrastructure.yaml');
    const absolute = await diff(r.dir, ['base', 'HEAD', join(r.dir, 'reg'), '--format', 'github']);
    expect(file(absolute.stdout)).toBe('reg/infrastructure.yaml');
    const below = await diff(join(r.dir, 'reg'), ['base', 'HEAD', '.', '--format', 'github'], { repo: r.dir, env: { GITHUB_WORKSPACE: r.dir } });
    expect(file(below.stdout)).toBe('reg/infrastructure.yaml');
  });
});

// ---------------------------------------------------------------------------------------------
// SARIF, checked exactly as test/cli/sarif.test.ts checks `crr validate`
// ---------------------------------------------------------------------------------------------

describe('--format sarif', () => {
  /** Every guard, a stale acceptance (G005), a covered new failure point (G006) and a head warning. */
  function everything(): Repo {
    const r = makeRepo(scratch, (b) => {
      lowerResidual(b);
      addAcceptance(b, 'ACC-002', 'HAZ-003');
    });
    tripAll(r);
    r.edit(INFRA, 'parent: G99003, profile: kpsn-emis }', 'parent: G99003, profile: kpsn-emis, bindings: { concentrator: vpn-a } }'); // G006
    r.edit(HAZARDS, 'description: Patients cannot reach the practice by phone when the broadband line fails.', 'description: Patients cannot reach the practice by phone.'); // G005
    r.edit(HAZARDS, 'date: 2026-03-15, expires: 2027-03-15 }', 'date: 2026-03-15, expires: 2026-11-20 }'); // CRR-W046 at head
    r.commit();
    return r;
  }

  it('uses the committed official schema', () => {
    expect(createHash('sha256').update(readFileSync(SCHEMA_PATH)).digest('hex')).toBe(SCHEMA_SHA256);
  });

  it('is valid SARIF 2.1.0 with the guard codes among its rules, one result per annotation, the same bytes every run', async () => {
    const r = everything();
    const [first, second, github] = [
      await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'sarif']),
      await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'sarif']),
      await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'github']),
    ];
    expect(first.code).toBe(1);
    expect(first.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    const log = JSON.parse(first.stdout) as SarifLog;
    expectValidSarif(log);
    expect(first.stdout).toBe(JSON.stringify(log, null, 2) + '\n');
    expect(first.stdout).not.toContain(scratch);

    const run = log.runs[0];
    const rules = run.tool.driver.rules;
    expect(rules.map((x) => x.id)).toEqual([...rules.map((x) => x.id)].sort());
    expect(new Set(rules.map((x) => x.id)).size).toBe(rules.length);
    const guardRules = rules.filter((x) => x.id.startsWith('CRR-G'));
    expect(guardRules.map((x) => [x.id, x.name, x.defaultConfiguration.level])).toEqual([
      ['CRR-G001', 'DeletedOpenHazard', 'error'],
      ['CRR-G002', 'ResidualRaisedWithoutAcceptance', 'error'],
      ['CRR-G003', 'ControlRemovedWithoutReplacement', 'error'],
      ['CRR-G004', 'UncoveredFailurePoint', 'error'],
      ['CRR-G005', 'AcceptanceStale', 'warning'],
      ['CRR-G006', 'NewFailurePoint', expect.any(String)],
      ['CRR-G007', 'UncoveredCapacityShortfall', 'error'],
      ['CRR-G008', 'ScenarioPastTolerance', 'error'],
    ]);
    for (const x of guardRules) {
      expect(x.shortDescription?.text).toBeTruthy();
      expect(x.fullDescription?.text).toBeTruthy();
    }

    // One result per annotation of the github format, at the same level and place.
    const annotations = github.stdout.trimEnd().split('\n').filter((l) => !l.startsWith('::notice::crr:'));
    expect(run.results).toHaveLength(annotations.length);
    const byRule = (id: string) => run.results.filter((x) => x.ruleId === id);
    for (const id of ['CRR-G001', 'CRR-G002', 'CRR-G003', 'CRR-G004']) expect(byRule(id).map((x) => x.level)).toEqual(['error']);
    expect(byRule('CRR-G005').map((x) => x.level)).toEqual(['warning']);
    expect(byRule('CRR-G006').map((x) => x.level)).toEqual(['note']);
    expect(byRule('CRR-W046').map((x) => x.level)).toEqual(['warning']);
    for (const x of run.results) {
      expect(rules[x.ruleIndex]!.id).toBe(x.ruleId);
      const loc = x.locations![0]!.physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc.artifactLocation.uri).toMatch(/^reg\/[a-z-]+\.yaml$/);
      expect(loc.region!.startLine).toBeGreaterThan(0);
    }
    const prints = run.results.map((x) => Object.values(x.partialFingerprints!)[0]);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('is valid SARIF for a change that trips nothing, with every guard still described', async () => {
    const r = makeRepo(scratch);
    passingChange(r);
    r.commit();
    const run = await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'sarif']);
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout) as SarifLog;
    expectValidSarif(log);
    expect(log.runs[0].tool.driver.rules.map((x) => x.id)).toEqual(['CRR-G001', 'CRR-G002', 'CRR-G003', 'CRR-G004', 'CRR-G005', 'CRR-G006', 'CRR-G007', 'CRR-G008']);
    expect(log.runs[0].results.map((x) => [x.ruleId, x.level])).toEqual([
      ['CRR-G005', 'warning'],
      ['CRR-G006', 'note'],
    ]);
  });

  // Was a bug (fixed): CRR-G006 is written as a notice (`note`) but described in `tool.driver.rules` with
  // the default level `warning` (diff.ts `guardRules`), unlike every other rule crr describes,
  // whose results are at their rule's level; code scanning then files the rule as a warning.
  it("gives every result its rule's level", async () => {
    const r = makeRepo(scratch);
    passingChange(r);
    r.commit();
    const log = JSON.parse((await diff(r.dir, ['base', 'HEAD', 'reg', '--format', 'sarif'])).stdout) as SarifLog;
    const { rules } = log.runs[0].tool.driver;
    for (const x of log.runs[0].results) expect([x.ruleId, x.level]).toEqual([x.ruleId, rules[x.ruleIndex]!.defaultConfiguration.level]);
  });
});
