import { describe, expect, it } from 'vitest';
import { codes, findings, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E057';

const register = (site: string) => yaml`
  services:
    - { id: patient-record, name: Patient record and consultation }
  sites:
    - id: G99001
      type: practice
      name: Northgate Surgery
      ods: G99001
      pcn: pcn-north
      listSize: 9240
      ${site}
  profiles:
    - id: kpsn-emis
      localAssets:
        firewall: { type: firewall, vendor: Cisco Meraki, model: MX68, software: MX 18.107 }
        link: { type: network-link, network: KPSN }
      routes:
        patient-record: [$firewall, $link, emis-web]
  assets:
    - { id: emis-web, type: clinical-system, name: EMIS Web }
`;

describe('local-asset-type (CRR-E057)', () => {
  it('reports a local asset the site adds with no type and no template to inherit one from', () => {
    const snippet = register('profile: kpsn-emis\nlocalAssets:\n  ups: { name: Northgate comms-room UPS, vendor: APC }');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, record: 'G99001', file: RECORDS, line: lineOf(snippet, 'ups:'), field: 'localAssets.ups' });
    expect(found[0]!.message).toBe('Local asset `ups` of site `G99001` has no `type`, and its profile `kpsn-emis` has no template of that name to give it one.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('reports a misspelt override, which adds a new, typeless asset instead', () => {
    const found = findings(CODE, register('profile: kpsn-emis\nlocalAssets:\n  firewal: { software: MX 19.1.4 }'));
    expect(found.map((d) => d.field)).toEqual(['localAssets.firewal']);
  });

  it('passes an override of a profile template that inherits its type', () => {
    expect(codes(register('profile: kpsn-emis\nlocalAssets:\n  firewall: { software: MX 19.1.4 }'))).toEqual([]);
  });

  it('passes a new local asset that gives its own type', () => {
    expect(codes(register('profile: kpsn-emis\nlocalAssets:\n  ups: { type: power, name: Northgate comms-room UPS }'))).toEqual([]);
  });

  it('reports a typeless local asset on a site with no profile', () => {
    const snippet = register('localAssets:\n  firewall: { vendor: Cisco Meraki, model: MX68 }\nroutes:\n  patient-record: [$firewall, emis-web]');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(lineOf(snippet, 'firewall: { vendor'));
  });

  // Was a bug (fixed): for a site with no profile the message still says "its profile has no template of that
  // name", which sends the reader looking for a profile that does not exist.
  it('does not speak of a profile when the site has none', () => {
    const found = findings(CODE, register('localAssets:\n  firewall: { vendor: Cisco Meraki, model: MX68 }\nroutes:\n  patient-record: [$firewall, emis-web]'));
    expect(found[0]!.message).not.toContain('its profile');
  });
});
