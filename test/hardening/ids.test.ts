/**
 * Issue 8, class 4: ids become file names. A record's page is `<section>/<slug>/index.html`, and
 * ids come from registers in pull requests. On main a hazard `index.html`, a 300-character id, and
 * services `Telephony` beside `telephony` all validated and then failed `crr build` with
 * "internal error" (the hazard log page in the way, a file name over 255 bytes, two pages in one
 * folder). Through the real binary: such a register builds, every record has its own page, and
 * every link in the site leads to a file that exists (and an anchor that exists).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, REPO, runBin } from '../support/run-bin.js';
import { MINIMAL_MANIFEST, tempRegister } from '../support/temp-register.js';

const AS_OF = '2026-11-21';
const LONG_ID = `HAZ-${'L'.repeat(96)}`; // 100 characters: valid (ids are capped at 128), longer than a slug (64)

const hazard = (id: string, title: string, extra = '') => `  - id: ${id}
    title: ${title}
    description: A hazard whose id is awkward as a file name.
    causes: [{ description: Concentrator A fails., assets: [vpn-a] }]
    effects: [Consultations without the record]
    harms: [Delayed treatment]
    initialRisk: { severity: minor, likelihood: low }
    residualRisk: { severity: minor, likelihood: low }
    status: open
    owner: ICB digital team
    raised: 2026-04-22
    reviewed: 2026-10-01
${extra}`;

/** Added to a copy of the worked example, whose `services.yaml` has `telephony`. Sorts after it. */
const UNSAFE_IDS = `services:
  - id: Telephony
    name: Telephony with a capital T
hazards:
${hazard('index.html', 'Named like the hazard log page', '    services: [Telephony, telephony]\n')}${hazard(LONG_ID, 'Named at length')}${hazard('con', 'Named like a Windows device')}`;

let temp: string;
let register: string;
let site: string;

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'crr-ids-'));
  register = join(temp, 'register');
  site = join(temp, 'site');
  cpSync(join(REPO, 'registers/example-icb'), register, { recursive: true });
  writeFileSync(join(register, 'unsafe-ids.yaml'), UNSAFE_IDS);
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every file under `dir`, as paths relative to it with `/`. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).map((f) => f.split('\\').join('/'));
}

/** The one page folder in `section` whose page shows `text`. */
function pageShowing(section: string, text: string): string[] {
  return readdirSync(join(site, section)).filter((name) => {
    const page = join(site, section, name, 'index.html');
    return existsSync(page) && readFileSync(page, 'utf8').includes(text);
  });
}

describe('ids that are awkward as file names', () => {
  it('validates, warning (CRR-W059) at the service whose id differs only by case from another', () => {
    const run = runBin(['validate', register, '--as-of', AS_OF, '--format', 'json'], { timeoutMs: 30_000 });
    expectClean(run, 'crr validate');
    expect(run.code).toBe(0);
    const diagnostics = (JSON.parse(run.stdout) as { diagnostics: { code: string; file: string; line: number; record: string; message: string }[] }).diagnostics;
    const byCase = diagnostics.filter((d) => d.code === 'CRR-W059');
    const servicesYaml = readFileSync(join(register, 'services.yaml'), 'utf8').split('\n');
    expect(byCase).toEqual([
      expect.objectContaining({ file: 'unsafe-ids.yaml', line: 2, record: 'Telephony' }),
    ]);
    expect(byCase[0]!.message).toContain(`from the id \`telephony\` of a clinical service at services.yaml:${servicesYaml.findIndex((l) => l.includes('id: telephony')) + 1}`);
  });

  it('builds, with a page of its own for every record and every link leading to a file and anchor that exist', () => {
    const run = runBin(['build', register, '--out', site, '--no-search', '--as-of', AS_OF], { timeoutMs: 60_000 });
    expectClean(run, 'crr build');
    expect(run.code).toBe(0);

    // The hazard log page is the hazard log, not the hazard `index.html`; that hazard has its own page.
    expect(readFileSync(join(site, 'hazards/index.html'), 'utf8')).toContain('Hazard log');
    expect(pageShowing('hazards', 'Named like the hazard log page')).toEqual([expect.stringMatching(/^index\.html~[0-9a-f]{8}$/)]);
    expect(pageShowing('hazards', 'Named at length')).toEqual([expect.stringMatching(/^HAZ-L+~[0-9a-f]{8}$/)]);
    expect(pageShowing('hazards', 'Named at length')[0]).toHaveLength(64);
    expect(pageShowing('hazards', 'Named like a Windows device')).toEqual([expect.stringMatching(/^con~[0-9a-f]{8}$/)]);
    // Hazards whose ids are safe keep them as their folder names.
    expect(existsSync(join(site, 'hazards/HAZ-001/index.html'))).toBe(true);

    // Two services that differ only by case: two folders that differ by more, each with its own page.
    const telephony = readdirSync(join(site, 'services')).filter((n) => n.toLowerCase().startsWith('telephony'));
    expect(telephony.sort()).toEqual([expect.stringMatching(/^Telephony~[0-9a-f]{8}$/), expect.stringMatching(/^telephony~[0-9a-f]{8}$/)]);
    expect(new Set(telephony.map((n) => n.toLowerCase())).size).toBe(2);
    expect(pageShowing('services', '<h1>Telephony with a capital T</h1>')).toEqual([telephony.find((n) => n.startsWith('T'))]);
    expect(pageShowing('services', '<h1>Practice telephony</h1>')).toEqual([telephony.find((n) => n.startsWith('t'))]);

    // Every record has a page: one folder per hazard and per service, none lost to another's.
    const hazards = readdirSync(join(site, 'hazards')).filter((n) => n !== 'index.html');
    expect(hazards).toHaveLength(14 + 3);
    expect(readdirSync(join(site, 'services')).filter((n) => n !== 'index.html')).toHaveLength(5 + 1);

    // Every relative link of every page leads to a file, and every #anchor to an id on that page.
    const pages = filesUnder(site).filter((f) => f.endsWith('.html'));
    const html = new Map<string, string>();
    const read = (file: string) => html.get(file) ?? html.set(file, readFileSync(file, 'utf8')).get(file)!;
    const broken: string[] = [];
    let links = 0;
    for (const page of pages) {
      const from = join(site, page);
      for (const [, href] of read(from).matchAll(/\shref="([^"]*)"/g)) {
        if (/^[a-z]+:/i.test(href!) || href!.startsWith('//')) continue;
        const [path, fragment] = href!.split('#') as [string, string | undefined];
        const target = path ? resolve(dirname(from), decodeURIComponent(path)) : from;
        links++;
        if (!target.startsWith(site) || !existsSync(target) || !statSync(target).isFile()) broken.push(`${page}: ${href}`);
        else if (fragment && target.endsWith('.html') && !read(target).includes(`id="${fragment}"`)) broken.push(`${page}: ${href} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(1000);
    // The pages of the awkward ids are linked from the hazard log and the hazard that names both services.
    const log = read(join(site, 'hazards/index.html'));
    for (const name of hazards.filter((n) => n.includes('~'))) expect(log).toContain(`href="../hazards/${name}/index.html"`);
    const indexHazard = read(join(site, 'hazards', pageShowing('hazards', 'Named like the hazard log page')[0]!, 'index.html'));
    for (const name of telephony) expect(indexHazard).toContain(`href="../../services/${name}/index.html"`);
  });
});

describe('ids too long to be ids', () => {
  const withService = (id: string) => tempRegister({ 'register.yaml': `${MINIMAL_MANIFEST}services:\n  - { id: ${id}, name: A service }\n` });

  it.each([300, 10_000])('refuses a %i-character id with a sentence that says so', (length) => {
    const reg = withService('S'.repeat(length));
    try {
      const run = runBin(['validate', reg.dir, '--as-of', AS_OF, '--format', 'json'], { timeoutMs: 30_000 });
      expectClean(run, 'crr validate');
      expect(run.code).toBe(1);
      const diagnostics = (JSON.parse(run.stdout) as { diagnostics: { code: string; line: number; message: string }[] }).diagnostics;
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'CRR-E021', line: 12 })]);
      expect(diagnostics[0]!.message).toContain(`is not valid: it is ${length} characters long, and an id can be at most 128; shorten it.`);
    } finally {
      reg.cleanup();
    }
  });

  it('builds nothing from a register with such an id, and says why', () => {
    const reg = withService('S'.repeat(10_000));
    const out = join(temp, 'too-long-site');
    try {
      const run = runBin(['build', reg.dir, '--out', out, '--no-search', '--as-of', AS_OF], { timeoutMs: 30_000 });
      expectClean(run, 'crr build');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('no site was built');
      expect(existsSync(out)).toBe(false);
    } finally {
      reg.cleanup();
    }
  });
});
