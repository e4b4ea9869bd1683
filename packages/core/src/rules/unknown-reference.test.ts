import { describe, expect, it } from 'vitest';
import { codes, findings, hazardYaml, lineOf, RECORDS, yaml } from './test-register.js';

const CODE = 'CRR-E031';

const controls = yaml`
  controls:
    - { id: CTL-BCP-01, title: Practice business continuity plan, kind: business-process, status: implemented, owner: Practice manager }
    - { id: CTL-VPN-02, title: Second VPN concentrator with failover, kind: design, status: implemented, owner: CSU network team }
  assets:
    - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A }
`;

const practice = (id: string) => `- { id: ${id}, type: practice, name: Practice ${id}, ods: ${id}, pcn: pcn-north, listSize: 5000, profile: kpsn-emis }`;

const profileRegister = (route: string) => yaml`
  services:
    - { id: patient-record, name: Patient record and consultation }
  sites:
    ${practice('G99001')}
    ${practice('G99002')}
    ${practice('G99003')}
  profiles:
    - id: kpsn-emis
      localAssets:
        firewall: { type: firewall, vendor: Cisco Meraki, model: MX68 }
      routes:
        patient-record: ${route}
  assets:
    - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A }
    - { id: vpn-b, type: vpn-concentrator, name: VPN concentrator B }
    - { id: emis-web, type: clinical-system, name: EMIS Web }
`;

describe('unknown-reference (CRR-E031)', () => {
  it('reports an id that names nothing, suggesting the id it probably means', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ existingControls: '[CTL-BCP-01]', additionalControls: '[CTL-VPN-2]' })}
      ${controls}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, severity: 'error', record: 'HAZ-001', file: RECORDS, line: lineOf(snippet, 'CTL-VPN-2]'), field: 'additionalControls' });
    expect(found[0]!.message).toBe('An additional control of hazard `HAZ-001` is `CTL-VPN-2`, but no record has that id. Did you mean `CTL-VPN-02`?');
    expect(found[0]!.hint).toBe('Declare the control, or correct the id.');
    expect(codes(snippet)).toEqual([CODE]);
  });

  it('suggests only ids of the right kind, and nothing when none is close', () => {
    const found = findings(CODE, yaml`
      hazards:
        ${hazardYaml({ existingControls: '[vpn-b]', additionalControls: '[CTL-FIREWALL-UPGRADE]' })}
      ${controls}
    `);
    expect(found.map((d) => d.message)).toEqual([
      'An existing control of hazard `HAZ-001` is `vpn-b`, but no record has that id.',
      'An additional control of hazard `HAZ-001` is `CTL-FIREWALL-UPGRADE`, but no record has that id.',
    ]);
  });

  it('reports a hazard\'s control that names an asset, saying what it is instead', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ existingControls: '[CTL-BCP-01]', additionalControls: '[vpn-a]' })}
      ${controls}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'HAZ-001', field: 'additionalControls', line: lineOf(snippet, 'additionalControls') });
    expect(found[0]!.message).toMatch(/^An additional control of hazard `HAZ-001` is `vpn-a`, which is an? asset, not a control\.$/);
    expect(found[0]!.hint).toBe('Refer to a control here.');
  });

  // Was a bug (fixed): the article is always "a": "which is a asset, not a control", "which is a
  // organisation, not a site", "not a organisation".
  it('uses "an" before a kind that starts with a vowel', () => {
    const found = findings(CODE, yaml`
      hazards:
        ${hazardYaml({ additionalControls: '[vpn-a]' })}
      ${controls}
    `);
    expect(found[0]!.message).toContain('which is an asset, not a control');
  });

  it('reports a missing asset in a profile route once, however many practices use the profile', () => {
    const snippet = profileRegister('[$firewall, vpn-c, emis-web]');
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: CODE, file: RECORDS, line: lineOf(snippet, 'vpn-c') });
    expect(found[0]!.message).toMatch(/is `vpn-c`, but no record has that id\. Did you mean `vpn-[ab]`\?$/);
    expect(codes(snippet)).toEqual([CODE]);
  });

  // Was a bug (fixed): the message blames the first practice on the profile ("A requirement of the
  // patient-record route of site `G99001` is `vpn-c`") although the id is written in profile
  // `kpsn-emis` and cuts all three practices off.
  it('says that a missing asset in a profile route is in the profile', () => {
    const found = findings(CODE, profileRegister('[$firewall, vpn-c, emis-web]'));
    expect(found[0]!.message).toContain('profile `kpsn-emis`');
  });

  it('passes a profile route whose parts all exist, inside groups too', () => {
    expect(codes(profileRegister('[$firewall, { anyOf: [vpn-b, vpn-a], name: VPN concentrator pair }, emis-web]'))).toEqual([]);
  });

  it('reports a missing asset nested in a group in an asset\'s needs', () => {
    const snippet = yaml`
      assets:
        - { id: dns-1, type: dns, name: DNS resolver 1 }
        - { id: dc-core, type: data-centre-service, name: Data-centre core network, needs: [{ atLeast: 1, of: [dns-1, dns-2] }] }
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(snippet, 'dns-2') });
    expect(found[0]!.message).toBe('A requirement in the needs of asset `dc-core` is `dns-2`, but no record has that id. Did you mean `dns-1`?');
  });

  // Was a bug (fixed): the finding for a missing part of an asset's own needs names no record (`record` is
  // absent; `--format json` shows null), although it is plainly about asset `dc-core`.
  it('names the asset whose needs hold the missing part as the record', () => {
    const found = findings(CODE, yaml`
      assets:
        - { id: dc-core, type: data-centre-service, name: Data-centre core network, needs: [dns-2] }
    `);
    expect(found[0]!.record).toBe('dc-core');
  });

  it('accepts a site-local asset id (`<site>/<name>`) in an asset\'s needs', () => {
    expect(codes(yaml`
      services:
        - { id: patient-record, name: Patient record and consultation }
      sites:
        - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240,
            localAssets: { firewall: { type: firewall, vendor: Cisco Meraki } }, routes: { patient-record: [$firewall, emis-web] } }
      assets:
        - { id: emis-web, type: clinical-system, name: EMIS Web }
        - { id: pcn-wifi, type: other, name: Shared PCN Wi-Fi controller, needs: [G99001/firewall] }
    `)).toEqual([]);
  });

  // The format guide says hazards and incidents can name site-local assets (`G99001/firewall`).
  it('accepts a site-local asset id in a hazard\'s cause and an incident', () => {
    expect(codes(yaml`
      services:
        - { id: patient-record, name: Patient record and consultation }
      sites:
        - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240,
            localAssets: { firewall: { type: firewall, vendor: Cisco Meraki } }, routes: { patient-record: [$firewall] } }
      hazards:
        ${hazardYaml({ causes: '[{ description: Northgate firewall drops the VPN tunnel., assets: [G99001/firewall] }]' })}
      incidents:
        - { id: INC-2026-04, title: Northgate firewall outage, start: 2026-04-07, assets: [G99001/firewall], hazards: [HAZ-001] }
    `)).toEqual([]);
  });

  it('reports a site-local asset id whose site has no such asset', () => {
    const snippet = yaml`
      services:
        - { id: patient-record, name: Patient record and consultation }
      sites:
        - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240,
            localAssets: { firewall: { type: firewall, vendor: Cisco Meraki } }, routes: { patient-record: [$firewall] } }
      hazards:
        ${hazardYaml({ causes: '[{ description: Northgate firewall drops the VPN tunnel., assets: [G99001/firewal] }]' })}
    `;
    const found = findings(CODE, snippet);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ record: 'HAZ-001', field: 'causes.assets', line: lineOf(snippet, 'G99001/firewal]') });
    expect(found[0]!.message).toBe('An asset of a cause of hazard `HAZ-001` is `G99001/firewal`, but no record has that id. Did you mean `G99001/firewall`?');
  });

  it('does not report references to a record that failed its schema: that record has its own error', () => {
    const snippet = yaml`
      services:
        - { id: patient-record, name: Patient record and consultation }
      sites:
        - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-north, listSize: 9240, routes: { patient-record: [fw-northgate, emis-web] } }
      assets:
        - { id: fw-northgate, type: firewall, name: Northgate Surgery firewall, sofware: MX 18.107 }
        - { id: emis-web, type: clinical-system, name: EMIS Web }
      hazards:
        ${hazardYaml({ existingControls: '[CTL-BCP-01]', causes: '[{ description: Firewall firmware defect., assets: [fw-northgate] }]' })}
      controls:
        - { id: CTL-BCP-01, title: Practice business continuity plan, kind: business-continuity, status: implemented, owner: Practice manager }
      incidents:
        - { id: INC-2026-04, title: Northgate outage, start: 2026-04-07, assets: [fw-northgate], hazards: [HAZ-001] }
    `;
    expect(codes(snippet).sort()).toEqual(['CRR-E020', 'CRR-E021']);
  });

  it('still reports a reference to an unparsed record of the wrong kind', () => {
    const snippet = yaml`
      hazards:
        ${hazardYaml({ additionalControls: '[vpn-x]' })}
      assets:
        - { id: vpn-x, type: vpn-concentrator, name: VPN concentrator X, colour: red }
    `;
    expect(codes(snippet).sort()).toEqual(['CRR-E020', CODE]);
  });

  it('checks the references of every kind of record', () => {
    const found = findings(CODE, yaml`
      sites:
        - { id: G99001, type: practice, name: Northgate Surgery, ods: G99001, pcn: pcn-nort, listSize: 9240, profile: kpsn-emiss }
      assets:
        - { id: vpn-a, type: vpn-concentrator, name: VPN concentrator A, supplier: org-cs, location: dc-maidstone }
      acceptances:
        - { id: ACC-001, hazard: HAZ-009, acceptedBy: Dr Sam Okafor, role: ICB Chief Medical Officer, date: 2026-10-15 }
    `);
    expect(found.map((d) => [d.record, d.field])).toEqual([
      ['G99001', 'pcn'],
      ['G99001', 'profile'],
      ['vpn-a', 'supplier'],
      ['vpn-a', 'location'],
      ['ACC-001', 'hazard'],
    ]);
    expect(found[0]!.message).toBe('The PCN of site `G99001` is `pcn-nort`, but no record has that id. Did you mean `pcn-north`?');
  });
});
