/**
 * A manufacturer's hazard log (DCB0129) beside the deployer's worked example (DCB0160), both
 * built with Eleventy, printed to PDF by a real Chromium and read back section by section with
 * pdftotext (issue 13, items 1 and 8). The manufacturer's register, `registers/manufacturer-crr`, is
 * crr's own log: seven hazards of software, no assets, sites or suppliers. Its safety case must
 * read as a manufacturer's, with none of a deployer's network wording and no empty network
 * sections; the example's must keep them, with its CSO's statement and its acceptance's end.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, validateFolder, type ReportData } from '@crr/core';
import { buildSite } from '@crr/site';
import { closeBrowser, launchBrowser, openPage } from './support/browser.js';
import { buildExampleSite } from './support/example-site.js';
import { pdfText, printToPdf, SAFETY_CASE_SECTIONS } from './support/pdf.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const AS_OF = '2026-11-21';

type Section = (typeof SAFETY_CASE_SECTIONS)[number];

/**
 * Words a deployer's infrastructure report writes and a manufacturer's must not: the standard's
 * other number, the network, and counts of things the register does not have.
 */
const DEPLOYER_WORDING: RegExp[] = [
  // The default scheme is named for both standards ("DCB0129/DCB0160 implementation guidance").
  /(?<!DCB0129\/)DCB0160/,
  /infrastructure/i,
  /\bDeploying organisation\b/,
  /registered patients/i,
  /\b0 (assets?|practices?|sites?|suppliers?|PCNs?|primary care networks?)\b/i,
  /firewall/i,
  /concentrator/i,
  /Suppliers and their/,
  /Transferred hazards/,
  /Clinical services (lost|in scope)/,
  /Who and what it reaches/,
];

/** Flattened PDF text: pdftotext breaks lines (and words at hyphens) where the page did. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The printed text split at the numbered section headings; the title block before them is `title`. */
function sections(text: string): Record<Section | 'title', string> {
  const out = { title: '' } as Record<Section | 'title', string>;
  let rest = flat(text);
  let key: Section | 'title' = 'title';
  SAFETY_CASE_SECTIONS.forEach((name, i) => {
    const heading = `${i + 1}. ${name}`;
    const at = rest.indexOf(heading);
    expect(at, `section "${heading}" is printed`).toBeGreaterThanOrEqual(0);
    out[key] = rest.slice(0, at);
    rest = rest.slice(at + heading.length);
    key = name;
  });
  out[key] = rest;
  return out;
}

let browser: Browser;
const built: { dir: string; report: ReportData }[] = [];

async function buildRegister(dir: string, prefix: string): Promise<{ out: string; report: ReportData }> {
  const { register, diagnostics } = await validateFolder(dir, { asOf: AS_OF });
  expect(diagnostics).toEqual([]);
  const report = buildReport(register, { asOf: AS_OF, tool: 'crr test' }).report;
  const out = mkdtempSync(join(tmpdir(), prefix));
  await buildSite({ report, outDir: out });
  built.push({ dir: out, report });
  return { out, report };
}

async function printedSafetyCase(out: string): Promise<string> {
  const { page, close } = await openPage(browser, pathToFileURL(join(out, 'safety-case', 'index.html')).href);
  const pdf = join(out, '..', `${out.split(/[\\/]/).pop()}-safety-case.pdf`);
  try {
    await printToPdf(page, pdf, { preferCSSPageSize: true });
    return await pdfText(pdf);
  } finally {
    rmSync(pdf, { force: true });
    await close();
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await closeBrowser();
  for (const b of built) rmSync(b.dir, { recursive: true, force: true });
});

describe('a manufacturer\'s hazard log (DCB0129): crr\'s own', () => {
  let out: string;
  let report: ReportData;
  let printed: Record<Section | 'title', string>;
  let whole: string;

  beforeAll(async () => {
    ({ out, report } = await buildRegister(join(root, 'registers/manufacturer-crr'), 'crr-dcb0129-'));
    whole = flat(await printedSafetyCase(out));
    printed = sections(whole);
  }, 180_000);

  it('is a register of software: no assets, sites, suppliers or services', () => {
    expect(report.meta.standard.code).toBe('DCB0129');
    expect(report.meta.describesInfrastructure).toBe(false);
    expect([report.assets.length, report.sites.length, report.suppliers.length, report.services.length]).toEqual([0, 0, 0, 0]);
    expect(report.hazards.length).toBe(7);
  });

  it('prints a safety case with no deployer\'s network wording in any section', () => {
    for (const [name, text] of Object.entries(printed)) {
      for (const words of DEPLOYER_WORDING) expect(text, `section ${name}`).not.toMatch(words);
    }
  });

  it('names the standard and the manufacturer in its title block and introduction', () => {
    expect(printed.title).toContain('DCB0129 Clinical Safety Case Report');
    expect(printed.title).toContain('Manufacturer crr developers');
    expect(printed.Introduction).toContain('Clinical Risk Management: its Application in the Manufacture of Health IT Systems');
    expect(printed.Introduction).toContain('kept by the manufacturer, crr developers');
  });

  it('gives purpose, scope, intended use and users from the manifest, and says it models no infrastructure in one line', () => {
    expect(printed.Introduction).toContain('To show that the clinical risks of crr');
    expect(printed.Introduction).toContain('Intended use Used by clinical safety officers');
    expect(printed['System definition']).toContain('The register records no assets or sites');
    for (const role of ['Clinical safety officer 45', 'ICB assurance reviewer 120', 'CI pipeline maintainer 20']) expect(printed['System definition']).toContain(role);
  });

  it('names who took part in the assessment, and uses the scheme\'s word "consequence" for severity', () => {
    for (const who of ['Dr Rowan Achterberg', 'Imogen Falk', 'Tomasz Wrobel', 'Dr Nia Ellery']) expect(printed['Clinical risk analysis']).toContain(who);
    expect(printed['Clinical risk analysis']).not.toContain('does not record who took part');
    expect(printed['Risk evaluation']).toContain('rating by likelihood and consequence');
    expect(printed['Risk evaluation']).not.toMatch(/\bseverity\b/i);
  });

  it('lists every hazard in the hazard log section, and prints the CSO\'s own statement in section 9', () => {
    for (const h of report.hazards) expect(printed['Hazard log']).toContain(h.id);
    expect(printed['Summary safety statement']).toContain('I am satisfied that crr 0.3 is acceptably safe for its intended use.');
    expect(printed['Summary safety statement']).toContain('Dr Rowan Achterberg, Clinical Safety Officer');
  });

  it('says in one line that no acceptance is recorded and none is needed', () => {
    expect(printed['Quality assurance and approval']).toContain('No acceptance of residual risk is recorded; none is needed.');
    expect(printed['Quality assurance and approval']).not.toContain('None recorded.');
  });

  it('shows only the pages with content in its navigation', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const nav = [...html.matchAll(/class="nhsuk-header__navigation-link"[^>]*>([^<]+)</g)].map((m) => m[1]!.trim());
    expect(nav).toEqual(['Overview', 'Hazard log', 'Risk matrices', 'Safety case', 'Search', 'Data']);
  });

  it('has hazard pages with no reach section, no clinical services row and no network wording', () => {
    for (const h of report.hazards) {
      const html = readFileSync(join(out, 'hazards', h.slug, 'index.html'), 'utf8');
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/<[^>]+>/g, ' ');
      for (const words of DEPLOYER_WORDING) expect(flat(main), h.id).not.toMatch(words);
      expect(main).not.toContain('Clinical services');
      expect(main).toContain('Consequence');
    }
  });
});

describe('beside it, the deployer\'s worked example (DCB0160)', () => {
  let printed: Record<Section | 'title', string>;

  beforeAll(async () => {
    const { out, report } = await buildExampleSite('crr-dcb0160-');
    built.push({ dir: out, report });
    printed = sections(await printedSafetyCase(out));
  }, 180_000);

  it('keeps a deployer\'s wording and its infrastructure sections', () => {
    expect(printed.title).toContain('DCB0160 Clinical Safety Case Report');
    expect(printed.title).toContain('Deploying organisation');
    expect(printed.Introduction).toContain('the infrastructure described in section 2');
    expect(printed['System definition']).toMatch(/\d+ registered patients/);
    expect(printed['System definition']).toContain('Suppliers and their DCB0129 safety cases');
  });

  it('prints its CSO\'s statement, its approval, that it has changed since, and the end of its acceptance', () => {
    expect(printed['Summary safety statement']).toContain('The network under Wealdmarsh practices is not yet as safe as it must be.');
    // Approved as 2.1.0 on 6 November; the register has changed since (CRR-W077).
    expect(printed['Summary safety statement']).toContain('Version 2.1.0 was approved on 6 November 2026 by Dr Helen Marlowe, but the register has changed since');
    expect(printed['Configuration control']).toContain('Document control');
    expect(printed['Configuration control']).toContain('Changed since approval');
    expect(printed['Configuration control']).toMatch(/Version history \(3 approvals\)/);
    // pdftotext reads a table's wrapped cells in its own order, and drops the hyphen of an id
    // broken across lines (`HAZ-` then `013` reads `HAZ013`): the row's parts, not their sequence.
    const approval = printed['Quality assurance and approval'];
    expect(approval).toMatch(/HAZ-?013/);
    for (const part of ['Dr Miriam Ashdown', '31 March 2027', 'On 3 conditions']) expect(approval).toContain(part);
  });
});
