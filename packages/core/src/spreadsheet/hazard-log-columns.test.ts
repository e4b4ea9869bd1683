import { describe, expect, it } from 'vitest';
import type { Hazard } from '../model/hazard.js';
import { DCB_EXAMPLE_SCHEME } from '../risk/scheme.js';
import {
  columnForHeader,
  decodeItem,
  decodeList,
  encodeItem,
  encodeList,
  hazardLogColumns,
  hazardLogContext,
  hazardLogHeaders,
  hazardRow,
  neutraliseFormula,
  readHazardRow,
  restoreFormula,
} from './hazard-log-columns.js';

const hostile: Hazard = {
  id: 'HAZ-001',
  title: '=HYPERLINK("http://x","click")',
  description: 'Line one\nline two with a back\\slash and [brackets]; semi',
  services: ['patient-record', 'prescribing'],
  causes: [
    { description: 'Firmware [MX] defect\nacross lines', assets: ['vpn-a', 'Y90104/link'], select: { vendor: 'Cisco; Meraki]', software: 'MX 18.*', attributes: { exchange: 'Maidstone North' } } },
    { description: 'Ends like details [owner: x]' },
    { description: 'Empty selector', select: {} },
    { description: '-starts with minus', assets: ['a'] },
    { description: 'Names its known fault', assets: ['vpn-a'], fault: 'vpn-capacity' },
  ],
  effects: ['+1 effect', 'two\\n literal'],
  harms: ['@harm'],
  existingControls: ['CTL-1'],
  additionalControls: ['CTL-2', 'CTL-UNKNOWN'],
  notApplicable: [{ kind: 'training', reason: 'Reason: with a colon\nand a line' }],
  initialRisk: { severity: 'major', likelihood: 'medium', rating: 3 },
  residualRisk: { severity: 'major', likelihood: 'low' },
  justification: "'quoted already",
  status: 'transferred',
  owner: '\tTabbed owner',
  raised: '2026-01-20',
  reviewed: '2026-05-14',
  nextReview: '2026-11-14',
  closure: { date: '2026-10-15', reason: 'Done', by: 'Dr A' },
  transfer: { from: 'org-emis', date: '2026-03-02', controls: ['CTL-1'], reference: 'CSCR §7' },
  actions: [
    { description: 'Upgrade; [now]', owner: 'CSU; network', due: '2026-07-01', done: '2026-08-01' },
    { description: 'Second', owner: ' spaced ', due: '2026-09-01' },
  ],
  sites: ['G99001'],
};

const ctx = hazardLogContext(
  DCB_EXAMPLE_SCHEME,
  [
    { id: 'CTL-1', title: 'BCP', kind: 'business-process', status: 'verified' },
    { id: 'CTL-2', title: 'Second concentrator', kind: 'design', status: 'implemented' },
  ],
  [{ id: 'ACC-1', hazard: 'HAZ-001', acceptedBy: 'Dr S', role: 'CMO', date: '2026-06-03', until: '2027-03-31' }],
);

const asText = (v: string | number | undefined) => (v === undefined ? '' : neutraliseFormula(String(v)));

describe('the Hazards sheet columns', () => {
  it('starts with the NHS hazard-log template columns, in order', () => {
    expect(hazardLogHeaders.slice(0, 20)).toEqual([
      'Hazard ID', 'Hazard name', 'Description', 'Causes', 'Effects', 'Potential clinical harm', 'Existing controls',
      'Initial severity', 'Initial likelihood', 'Initial rating', 'Additional controls', 'Residual severity',
      'Residual likelihood', 'Residual rating', 'Status', 'Owner', 'Raised', 'Last reviewed', 'Justification', 'Acceptance',
    ]);
    expect(new Set(hazardLogColumns.map((c) => c.key)).size).toBe(hazardLogColumns.length);
  });

  it('matches headers tolerantly, and every spelling names one column', () => {
    expect(columnForHeader('hazard id')?.key).toBe('id');
    expect(columnForHeader('Additional controls (with kind and status)')?.key).toBe('additionalControls');
    expect(columnForHeader('Likelihood (residual)')?.key).toBe('residualLikelihood');
    expect(columnForHeader('Colour')).toBeUndefined();
    const seen = new Map<string, string>();
    for (const c of hazardLogColumns)
      for (const h of [c.header, ...c.aliases]) {
        const k = h.toLowerCase().replace(/[^a-z0-9]+/g, '');
        expect(seen.get(k) ?? c.key, `${h}`).toBe(c.key);
        seen.set(k, c.key);
      }
  });

  it('computes ratings from the scheme and shows controls with kind and status', () => {
    const row = hazardRow(hostile, ctx);
    const at = (key: string) => row[hazardLogColumns.findIndex((c) => c.key === key)];
    expect(at('initialRating')).toBe(3);
    expect(at('residualRating')).toBe(3);
    expect(at('additionalControls')).toBe('CTL-2 — Second concentrator (design, implemented)\nCTL-UNKNOWN');
    expect(at('acceptance')).toBe('ACC-1 — Dr S (CMO), 2026-06-03, until 2027-03-31');
  });

  it('round-trips every field through the cell texts, and the row again', () => {
    const row = hazardRow(hostile, ctx).map(asText);
    const cells = new Map(hazardLogColumns.map((c, i) => [c.key, row[i]!]));
    const { draft, problems } = readHazardRow(cells);
    expect(problems).toEqual([]);
    const { rating: _r, ...initialRisk } = hostile.initialRisk;
    expect(draft).toEqual({ ...hostile, initialRisk });
    expect(hazardRow(draft as Hazard, ctx).map(asText)).toEqual(row);
  });

  it('neutralises formulas reversibly', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', "'x", 'plain', ''])
      expect(restoreFormula(neutraliseFormula(s))).toBe(s);
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('plain')).toBe('plain');
  });

  it('escapes lists and structured items reversibly', () => {
    const items = ['a\nb', 'c\\d', 'e\\nf', ' g '];
    expect(decodeList(encodeList(items)!)).toEqual(items);
    expect(decodeList('one\r\ntwo\n\nthree')).toEqual(['one', 'two', 'three']);
    const item = encodeItem('x [y]', [['k', 'v;w]'], ['m', ' n']]);
    expect(decodeItem(item)).toEqual({ text: 'x [y]', details: [['k', 'v;w]'], ['m', ' n']] });
    expect(decodeItem('text [k: v')).toHaveProperty('error');
  });
});
