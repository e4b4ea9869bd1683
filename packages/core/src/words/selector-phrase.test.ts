import { describe, expect, it } from 'vitest';
import { selectorKeys, type Selector } from '../model/selector.js';
import { selectorPhrase } from './selector-phrase.js';

const NAMES: Record<string, string> = {
  Y90208: 'Barrowfield Surgery',
  'org-meraki': 'Meraki Networks',
  'org-carrier-b': 'Carrier B',
  QKS: 'NHS Kent and Medway ICB',
  U12345: 'Riverhythe PCN',
  '91Q': 'Kent and Medway sub-ICB',
  Y59: 'NHS England South East',
  'dc-maidstone': 'Maidstone data centre',
  'vpn-a': 'VPN concentrator A',
};
const nameOf = (id: string) => NAMES[id];

/** One selector per key, and the phrase it reads as: every key of the model has a row. */
const ONE_KEY: Record<string, [Selector, string]> = {
  id: [{ id: 'vpn-a' }, 'VPN concentrator A'],
  type: [{ type: 'firewall' }, 'every firewall'],
  supplier: [{ supplier: 'org-meraki' }, 'every asset supplied by Meraki Networks'],
  vendor: [{ vendor: 'Cisco Meraki' }, 'every Cisco Meraki asset'],
  model: [{ model: 'MX68' }, 'every MX68 asset'],
  software: [{ software: 'MX 18.*' }, 'every asset running MX 18.x'],
  carrier: [{ carrier: 'org-carrier-b' }, 'every asset carried by Carrier B'],
  network: [{ network: 'KPSN' }, 'every asset on the KPSN network'],
  location: [{ location: 'dc-maidstone' }, 'every asset hosted at Maidstone data centre'],
  managedBy: [{ managedBy: 'Meraki dashboard' }, 'every asset managed through Meraki dashboard'],
  site: [{ site: 'Y90208' }, 'the asset at Barrowfield Surgery'],
  pcn: [{ pcn: 'U12345' }, 'every asset in Riverhythe PCN'],
  subIcb: [{ subIcb: '91Q' }, 'every asset in Kent and Medway sub-ICB'],
  icb: [{ icb: 'QKS' }, 'every asset in NHS Kent and Medway ICB'],
  region: [{ region: 'Y59' }, 'every asset in NHS England South East'],
  attributes: [{ attributes: { exchange: 'Maidstone North', 'power-feed': 'B*' } }, 'every asset whose exchange is Maidstone North and whose power feed matches B…'],
};

describe('selectorPhrase', () => {
  it('reads every selector key as words, naming records by their names', () => {
    expect(Object.keys(ONE_KEY).sort()).toEqual([...selectorKeys].sort());
    for (const [key, [selector, phrase]] of Object.entries(ONE_KEY)) expect(selectorPhrase(selector, nameOf), key).toBe(phrase);
  });

  it('reads the causes the reviewer meets', () => {
    expect(selectorPhrase({ type: 'firewall', site: 'Y90208' }, nameOf)).toBe('the firewall at Barrowfield Surgery');
    expect(selectorPhrase({ software: 'ASA 9.16', type: 'firewall' }, nameOf)).toBe('every firewall running ASA 9.16');
    expect(selectorPhrase({ icb: 'QKS', type: 'vpn-concentrator' }, nameOf)).toBe('every VPN concentrator in NHS Kent and Medway ICB');
    expect(selectorPhrase({ vendor: 'Cisco Meraki', model: 'MX68', software: 'MX 18.*', type: 'firewall' }, nameOf)).toBe('every Cisco Meraki MX68 firewall running MX 18.x');
  });

  it('says what a pattern or an unnamed code matches, and never writes key=value', () => {
    expect(selectorPhrase({ icb: 'QXX' })).toBe('every asset in ICB QXX');
    expect(selectorPhrase({ icb: 'Q*' })).toBe('every asset in any ICB matching Q…');
    expect(selectorPhrase({ id: 'fw-*' })).toBe('every asset with an id matching fw-…');
    expect(selectorPhrase({ type: 'fire*' })).toBe('every asset of a type matching fire…');
    expect(selectorPhrase({ site: 'Y9*', type: 'firewall' })).toBe('every firewall at any site matching Y9…');
    expect(selectorPhrase({ vendor: 'Cisco*' })).toBe('every asset made by Cisco…');
    expect(selectorPhrase({ id: 'zz' })).toBe('the asset zz');
    for (const [selector] of Object.values(ONE_KEY)) expect(selectorPhrase(selector)).not.toMatch(/\w=\S/);
  });

  it('reads the keys in one order whatever order they were written in', () => {
    expect(selectorPhrase({ type: 'router', network: 'HSCN', supplier: 'org-meraki' }, nameOf)).toBe(selectorPhrase({ supplier: 'org-meraki', network: 'HSCN', type: 'router' }, nameOf));
  });
});
