import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph.js';
import { globMatches, parseSelectorText, selectAssets } from './selector-match.js';
import { smallRegister } from './test-support.js';

describe('selectors', () => {
  it('matches `*` as a wildcard and ignores case', () => {
    expect(globMatches('MX 18.*', 'MX 18.107')).toBe(true);
    expect(globMatches('mx 18.*', 'MX 18.107')).toBe(true);
    expect(globMatches('MX 18.*', 'MX 19.1')).toBe(false);
    expect(globMatches('MX 1?.*', 'MX 18.1')).toBe(false); // `?` is literal
    expect(globMatches('a.b', 'axb')).toBe(false); // `.` is literal
    expect(globMatches('*', undefined)).toBe(false);
  });

  it('selects by several keys at once, and by a site\'s own assets', () => {
    const graph = buildGraph(smallRegister());
    const ids = (sel: Parameters<typeof selectAssets>[0]) => selectAssets(sel, graph.assets).map((a) => graph.assets[a]!.id);
    expect(ids({ vendor: 'Cisco', software: '9.1*' })).toEqual(['vpn-a', 'vpn-b']);
    expect(ids({ site: 'P1' })).toEqual(['P1/firewall', 'P1/link']);
    expect(ids({ type: 'firewall', site: 'P*' })).toEqual(['P1/firewall', 'P2/firewall', 'P3/firewall']);
  });

  it('parses `key=value,…` from the command line', () => {
    expect(parseSelectorText('software=MX 18.*,vendor=Cisco Meraki')).toEqual({ selector: { software: 'MX 18.*', vendor: 'Cisco Meraki' } });
    expect(parseSelectorText('attributes.exchange=Riverhythe')).toEqual({ selector: { attributes: { exchange: 'Riverhythe' } } });
    expect(parseSelectorText('sofware=x')).toEqual({ problem: '`sofware` is not a selector key', badKey: 'sofware' });
    expect(parseSelectorText('attributes=x').problem).toBe('`attributes` is not a selector key');
    expect(parseSelectorText('vendor').problem).toBe('`vendor` is not `key=value`');
  });
});
