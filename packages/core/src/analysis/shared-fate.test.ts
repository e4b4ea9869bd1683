import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assetTypes } from '../model/asset.js';
import { commonCauseAttributes } from './common-causes.js';
import { SHARED_FATE, sharedFateRow, sharesFate } from './shared-fate.js';

describe('the shared-fate table', () => {
  it('has a row for every attribute common causes group by, for every asset type', () => {
    for (const attribute of [...commonCauseAttributes, 'attributes.exchange', 'attributes.power-feed'])
      for (const type of assetTypes) expect(sharedFateRow(attribute, type).reason.length).toBeGreaterThan(40);
  });

  it('says a network alone is no shared fate, and a carrier or an exchange is', () => {
    expect(sharesFate('network', 'network-link')).toBe(false);
    expect(sharesFate('carrier', 'network-link')).toBe(true);
    expect(sharesFate('attributes.exchange', 'network-link')).toBe(true);
    expect(sharesFate('attributes.power-feed', 'vpn-concentrator')).toBe(true);
  });

  it('counts a supplier for links (it runs their network service) and for nothing else', () => {
    expect(sharesFate('supplier', 'network-link')).toBe(true);
    expect(sharesFate('supplier', 'firewall')).toBe(false);
    expect(sharesFate('vendor', 'firewall')).toBe(false);
  });

  it('counts a software train, not a model: units of one model fail together only through their firmware', () => {
    expect(sharesFate('software train', 'vpn-concentrator')).toBe(true);
    expect(sharesFate('model', 'vpn-concentrator')).toBe(false);
    expect(sharesFate('model', 'firewall')).toBe(false);
  });

  it('is the table in docs/analysis.md, row for row, each with its reason', () => {
    const doc = readFileSync(new URL('../../../../docs/analysis.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## The shared-fate table'));
    const rows = section
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Attribute') && !l.startsWith('| ---'))
      .map((l) => l.split(' | ').map((c) => c.replace(/^\| |\|$/g, '').trim()));
    const words = (s: string) => s.replaceAll('`', '');
    expect(rows.map(([attribute, types, shared, reason]) => [words(attribute!), words(types!), shared, reason])).toEqual(
      SHARED_FATE.map((r) => [
        r.attribute === 'attributes.*' ? 'any other attributes key' : r.attribute,
        r.types === 'any' ? 'any' : r.types.join(', '),
        r.shared ? 'yes' : 'no',
        r.reason,
      ]),
    );
  });
});
