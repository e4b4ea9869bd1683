/**
 * Capacity and scenarios on the report site of the worked example, built with real Eleventy:
 * vpn-a's page gives its N-1 verdict in figures and links the finding; the capacity page lists
 * every capacity-limited asset, worst first; each named scenario has a page with its figures and
 * its tolerance, linked both ways with its finding; the manifest's warning threshold is honoured.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, validateFolder, type ReportData } from '@crr/core';
import { buildSite } from '@crr/site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const AS_OF = '2026-11-21';
const temp = mkdtempSync(join(tmpdir(), 'crr-capacity-site-'));
let report: ReportData;
const out = join(temp, 'site');

async function build(folder: string, outDir: string): Promise<ReportData> {
  const { register, diagnostics } = await validateFolder(folder, { asOf: AS_OF });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const built = buildReport(register, { asOf: AS_OF, tool: 'crr test' }).report;
  await buildSite({ report: built, outDir, search: false });
  return built;
}

const page = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
/** A page's text: each tag a space (table cells apart), the entities of these pages' words decoded, whitespace folded. */
const text = (html: string) =>
  html.replace(/<[^>]*>/g, ' ').replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').replace(/ ([,.:)])/g, '$1').replace(/\( /g, '(');
const slugOfFinding = (id: string) => report.findings.find((f) => f.id === id)!.slug;

beforeAll(async () => {
  report = await build('registers/example-icb', out);
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('an asset page with a capacity', () => {
  it('says vpn-a would carry 48 of 30 tunnels if vpn-b fails, a shortfall of 18, and links the N-1 finding', () => {
    const html = page(out, 'assets/vpn-a/index.html');
    const words = text(html);
    expect(words).toContain('If vpn-b fails, vpn-a would carry 48 of 30 tunnels: a shortfall of 18.');
    expect(words).toContain('N-1 shortfall');
    expect(words).toContain('4 of 30 tunnels: 13% of capacity');
    expect(words).toContain('Headroom at peak 26 tunnels');
    const anchor = `finding-${slugOfFinding('capacity-n-1:vpn-b')}`;
    expect(html).toContain(`href="../../findings/index.html#${anchor}"`);
    expect(page(out, 'findings/index.html')).toContain(`id="${anchor}"`);
    // The meter: filled to the limit and beyond (a full red bar), the threshold marked at 80%.
    expect(html).toContain('<span class="crr-meter crr-meter--over" aria-hidden="true"><span class="crr-bar__fill crr-w-100"></span><span class="crr-meter__mark crr-at-80"></span></span>');
  });

  it('says what its own failure does on vpn-b\'s page, and that vpn-b is at 96% of capacity: a warning', () => {
    const words = text(page(out, 'assets/vpn-b/index.html'));
    expect(words).toContain('At 96% of capacity at peak (46 of 48 tunnels): at or above the 80% warning threshold.');
    expect(words).toContain('would carry 48 of 30 tunnels: a shortfall of 18');
    expect(words).toContain('No single failure of another capacity-limited asset moves load onto it.');
  });
});

describe('the capacity page', () => {
  it('is linked from the navigation and the overview', () => {
    expect(page(out, 'index.html')).toContain('href="capacity/index.html"');
    expect(page(out, 'hazards/index.html')).toContain('href="../capacity/index.html"');
  });

  it('lists vpn-a and vpn-b, worst first, with load, limit, utilisation, headroom and the worst N-1', () => {
    const html = page(out, 'capacity/index.html');
    const rows = [...html.matchAll(/<tr class="nhsuk-table__row">([\s\S]*?)<\/tr>/g)].slice(1).map((m) => text(m[1]!).trim());
    expect(rows).toEqual([
      'VPN concentrator A (the original) vpn-a N-1 shortfall 4 30 tunnels 13% 26 48 vpn-b -18 finding capacity-n-1:vpn-b',
      'VPN concentrator B vpn-b Warning 46 48 tunnels 96% 2 - None: no single failure moves load onto it -',
    ]);
    expect(html).toContain(`#finding-${slugOfFinding('capacity-n-1:vpn-b')}"`);
  });
});

describe('the scenario pages', () => {
  it('give every example scenario a page, linked from the index', () => {
    expect(report.scenarios.map((s) => s.id)).toEqual(['carrier-b-down', 'dns-1-patching', 'mx18-defect', 'vpn-b-maintenance']);
    const index = page(out, 'scenarios/index.html');
    for (const s of report.scenarios) {
      expect(index).toContain(`href="../scenarios/${s.slug}/index.html"`);
      const words = text(page(out, `scenarios/${s.slug}/index.html`));
      expect(words).toContain(s.title);
      expect(words).toContain(`Cut ${s.cut.sites} ${s.cut.practices} ${s.cut.patients.toLocaleString('en-GB')} ${s.cut.pcns} ${s.cut.pairs}`);
      expect(words).toContain(`Degraded ${s.degraded.sites} ${s.degraded.practices} ${s.degraded.patients.toLocaleString('en-GB')}`);
    }
  });

  it('vpn-b maintenance: 2 sites cut, 48 degraded, vpn-a overloaded 48 of 30, past its tolerance and linked to its finding', () => {
    const html = page(out, 'scenarios/vpn-b-maintenance/index.html');
    const words = text(html);
    expect(words).toContain('Cut 2 2 12,865');
    expect(words).toContain('Degraded 48 48 438,058');
    expect(words).toContain('VPN concentrator A (the original) vpn-a 4 tunnels 48 tunnels 30 tunnels 18 tunnels 48 438,058');
    expect(words).toContain('Sites cut off 0 2 Exceeded');
    expect(words).toContain('Assets overloaded 0 1 Exceeded');
    expect(words).toContain('Past its tolerance');
    const anchor = `finding-${slugOfFinding('scenario:vpn-b-maintenance')}`;
    expect(html).toContain(`href="../../findings/index.html#${anchor}"`);
    // …and the finding links back to the scenario's page.
    const findings = page(out, 'findings/index.html');
    const item = findings.slice(findings.indexOf(`id="${anchor}"`));
    expect(item.slice(0, item.indexOf('</li>'))).toContain('href="../scenarios/vpn-b-maintenance/index.html"');
  });

  it('dns-1 patching: within its tolerance, every practice degraded and none cut', () => {
    const words = text(page(out, 'scenarios/dns-1-patching/index.html'));
    expect(words).toContain('Within tolerance');
    expect(words).toContain('Degraded 50 50 450,923');
    expect(words).toContain('It is within every ceiling of its tolerance.');
    expect(words).toContain('No capacity-limited asset goes over its limit.');
  });

  it('mx18 defect: says in words what fails, then its selector and the assets it picks', () => {
    const s = report.scenarios.find((x) => x.id === 'mx18-defect')!;
    const words = text(page(out, 'scenarios/mx18-defect/index.html'));
    expect(words).toContain(`Every Cisco Meraki asset running MX 18.x (${s.failed[0]!.assetCount} assets)`);
    expect(words).toContain(`Selected by ${s.failed[0]!.spec}`);
    expect(s.failed[0]!.assetCount).toBe(43);
  });
});

describe('a warning threshold in the manifest', () => {
  it('is honoured: at 99%, vpn-b (96%) is OK', async () => {
    const folder = join(temp, 'register');
    cpSync('registers/example-icb', folder, { recursive: true });
    const manifest = join(folder, 'register.yaml');
    const before = readFileSync(manifest, 'utf8');
    // The example's manifest already has a `policy:` mapping (its software trains): add to it.
    const after = before.replace('\n  policy:\n', '\n  policy:\n    capacityWarning: 99\n');
    expect(after).not.toBe(before);
    writeFileSync(manifest, after);
    const strictOut = join(temp, 'strict');
    const strict = await build(folder, strictOut);
    expect(strict.capacity.warningAt).toBe(0.99);
    const words = text(page(strictOut, 'assets/vpn-b/index.html'));
    expect(words).toContain('Within capacity: 46 of 48 tunnels at peak (96%), below the 99% warning threshold.');
    expect(text(page(strictOut, 'capacity/index.html'))).toContain('VPN concentrator B vpn-b OK 46');
    expect(page(strictOut, 'assets/vpn-b/index.html')).toContain('crr-at-100');
  });
});
