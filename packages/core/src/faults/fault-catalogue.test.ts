import { describe, expect, it } from 'vitest';
import { assetTypes } from '../model/asset.js';
import { idPattern } from '../model/field.js';
import { FAULT_CATALOGUE, faultsById } from './fault-catalogue.js';

describe('the fault catalogue', () => {
  it('gives every fault a unique, valid id, an asset type of the model, and words', () => {
    const ids = FAULT_CATALOGUE.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of FAULT_CATALOGUE) {
      expect(f.id).toMatch(idPattern);
      expect(assetTypes).toContain(f.assetType);
      expect(f.title.trim()).not.toBe('');
      expect(f.description).toMatch(/\.\)?$/);
      expect(f.hazard).not.toMatch(/\.$/);
    }
  });

  it('lists the faults the April 2026 outage and the brief name', () => {
    const of = (type: string) => FAULT_CATALOGUE.filter((f) => f.assetType === type).map((f) => f.id);
    expect(of('firewall')).toEqual([
      'firewall-firmware-defect',
      'firewall-cloud-management',
      'firewall-config-push',
      'firewall-certificate-licence-expiry',
      'firewall-hardware',
      'firewall-throughput',
    ]);
    expect(of('network-link')).toEqual(['link-cut', 'link-carrier-outage', 'link-planned-maintenance', 'link-saturation']);
    expect(of('vpn-concentrator')).toEqual(['vpn-capacity', 'vpn-software-defect', 'vpn-licence']);
    expect(of('data-centre-service')).toEqual(['dc-power', 'dc-cooling', 'dc-network-core']);
    expect(of('clinical-system')).toEqual(['clinical-system-supplier-outage', 'clinical-system-release-defect']);
    expect(of('telephony')).toEqual(['telephony-supplier-outage']);
    expect(of('other')).toEqual([]);
  });

  it('adds a register\'s own faults after crr\'s, never in their place', () => {
    const own = { id: 'firewall-hardware', assetType: 'firewall' as const, title: 'Mine', description: 'Mine.', hazard: 'Mine', origin: 'register' as const };
    const extra = { ...own, id: 'firewall-ha-split-brain' };
    const byId = faultsById([own, extra]);
    expect(byId.get('firewall-hardware')!.origin).toBe('catalogue');
    expect(byId.get('firewall-ha-split-brain')!.origin).toBe('register');
    expect([...byId.keys()].at(-1)).toBe('firewall-ha-split-brain');
  });
});
