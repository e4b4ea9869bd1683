import { describe, expect, it } from 'vitest';
import { Policy } from '../model/manifest.js';
import { SoftwareTrains, softwareTrain, trainName } from './software-train.js';

describe('the default software train: major.minor', () => {
  it.each([
    ['FortiOS 7.2.5', 'FortiOS 7.2'],
    ['FortiOS 7.2', 'FortiOS 7.2'],
    ['MX 19.1.4', 'MX 19.1'],
    ['MX 18.107', 'MX 18.107'],
    ['MX 18.107.2', 'MX 18.107'],
    ['9.16.4', '9.16'],
    ['NX-OS 10.2(5)', 'NX-OS 10.2'],
    ['21.4R3-S5', '21.4'],
    ['Windows Server 2022', 'Windows Server 2022'],
    ['  v2.3 ', 'v2.3'],
    ['latest', 'latest'],
  ])('%s is on train %s', (version, train) => expect(softwareTrain(version)).toBe(train));

  it('takes as many leading numbers as asked', () => {
    expect(softwareTrain('9.16.4', 1)).toBe('9');
    expect(softwareTrain('8.10.0.6', 3)).toBe('8.10.0');
    expect(softwareTrain('MX 18.107', 1)).toBe('MX 18');
  });
});

describe('trains from policy.trains', () => {
  const trains = new SoftwareTrains({ 'Cisco Meraki': ['MX 18.1*', 'MX 18.2*'], Microsoft: 1 });

  it('names a train by its pattern without the trailing wildcard', () => {
    expect(trainName('MX 18.1*')).toBe('MX 18.1');
    expect(trainName('MX 18.*')).toBe('MX 18');
    expect(trainName('FortiOS 7.2*')).toBe('FortiOS 7.2');
    expect(trainName('MX *-LTS')).toBe('MX *-LTS');
  });

  it('puts a version on the first train pattern it matches, ignoring the case of the vendor', () => {
    expect(trains.of('Cisco Meraki', 'MX 18.104')).toBe('MX 18.1');
    expect(trains.of('cisco meraki', 'MX 18.107.2')).toBe('MX 18.1');
    expect(trains.of('Cisco Meraki', 'MX 18.211')).toBe('MX 18.2');
  });

  it('puts a version no pattern matches on its major.minor train', () => {
    expect(trains.of('Cisco Meraki', 'MX 19.1.4')).toBe('MX 19.1');
  });

  it('counts leading numbers for a vendor given a number, and leaves other vendors on the default', () => {
    expect(trains.of('Microsoft', 'Windows 10.0.19045')).toBe('Windows 10');
    expect(trains.of('Fortinet', 'FortiOS 7.2.5')).toBe('FortiOS 7.2');
    expect(trains.of(undefined, 'MX 18.104')).toBe('MX 18.104');
  });
});

describe('the trains policy schema', () => {
  it('takes a number of leading components or a list of patterns per vendor', () => {
    expect(Policy.safeParse({ trains: { 'Cisco Meraki': ['MX 18.1*'], Juniper: 1 } }).success).toBe(true);
  });

  it.each([
    ['no pattern', { X: [] }],
    ['a blank pattern', { X: [' '] }],
    ['zero components', { X: 0 }],
    ['a fraction', { X: 1.5 }],
    ['too many wildcards', { X: ['*'.repeat(11)] }],
    ['a pattern too long', { X: ['a'.repeat(201)] }],
  ])('refuses %s', (_, trains) => expect(Policy.safeParse({ trains }).success).toBe(false));
});
