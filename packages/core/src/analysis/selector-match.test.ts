import { describe, expect, it } from 'vitest';
import { noPlaces } from './asset-places.js';
import { buildGraph } from './graph.js';
import { AssetIndex, declaredAttributeNames, globMatches, parseSelectorText, selectAssets } from './selector-match.js';
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
    const ids = (sel: Parameters<typeof selectAssets>[0]) => selectAssets(sel, graph.assets, noPlaces).map((a) => graph.assets[a]!.id);
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
    expect(parseSelectorText('vendor=a,vendor=b').problem).toBe('`vendor` is given twice');
  });

  it('refuses a value beyond the pattern limits, and cuts long text short in the problem', () => {
    expect(parseSelectorText(`id=${'*'.repeat(11)}zz`)).toEqual({ problem: 'the value of `id` has 11 `*` wildcards, more than the 10 a selector pattern may have', overLimit: true });
    expect(parseSelectorText(`id=${'*'.repeat(10)}zz`).selector).toEqual({ id: `${'*'.repeat(10)}zz` });
    expect(parseSelectorText(`vendor=${'x'.repeat(201)}`).problem).toBe('the value of `vendor` is 201 characters long, more than the 200 a selector pattern may have');
    expect(parseSelectorText(`${'k'.repeat(1000)}=x`).problem).toBe(`\`${'k'.repeat(59)}…\` is not a selector key`);
  });

  it('takes attribute names from a closed set, and builds objects no key can give a prototype', () => {
    const names = new Set(['exchange']);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'exchang'])
      expect(parseSelectorText(`attributes.${name}=x`, names)).toEqual({ problem: `\`${name}\` is not an attribute of any asset in the register`, badAttribute: name });
    // Without the register's names, the model's pattern for a name still holds.
    expect(parseSelectorText('attributes.__proto__=x').badAttribute).toBe('__proto__');
    expect(parseSelectorText('attributes.=x').badAttribute).toBe('');
    const { selector } = parseSelectorText('attributes.exchange=Riverhythe,vendor=Cisco', names);
    expect(Object.getPrototypeOf(selector)).toBeNull();
    expect(Object.getPrototypeOf(selector!.attributes)).toBeNull();
    expect(Object.keys(selector!)).toEqual(['vendor', 'attributes']);
  });

  it('reads only an asset\'s own attributes, never Object.prototype\'s', () => {
    const graph = buildGraph(smallRegister({ assets: '  - { id: ups, type: power, name: UPS, attributes: { feed: A } }' }));
    const ids = (sel: Parameters<typeof selectAssets>[0]) => selectAssets(sel, graph.assets, noPlaces).map((a) => graph.assets[a]!.id);
    expect(ids({ attributes: { feed: 'a' } })).toEqual(['ups']);
    expect(ids({ attributes: { constructor: '*' } })).toEqual([]);
    expect(ids({ attributes: { toString: '*' } })).toEqual([]);
    // As JSON.parse builds it: `__proto__` an own key, at the top or among the attributes.
    expect(ids(JSON.parse('{ "__proto__": { "id": "*" } }'))).toEqual([]);
    expect(ids(JSON.parse('{ "attributes": { "__proto__": "*" } }'))).toEqual([]);
    expect(ids(JSON.parse('{ "id": "ups", "nonsense": "*" }'))).toEqual([]);
    expect(declaredAttributeNames(graph.assets)).toEqual(['feed']);
  });

  it('selects nothing with a selector that names nothing', () => {
    const graph = buildGraph(smallRegister());
    expect(selectAssets({}, graph.assets, noPlaces)).toEqual([]);
    expect(selectAssets({ attributes: {} }, graph.assets, noPlaces)).toEqual([]);
    expect(new AssetIndex(graph.assets, noPlaces).select({ attributes: {} })).toEqual([]);
    expect(selectAssets({ id: '*' }, graph.assets, noPlaces)).toHaveLength(graph.assets.length);
  });

  it('indexes literal values by the same case fold the matcher uses', () => {
    const graph = buildGraph(smallRegister());
    const index = new AssetIndex(graph.assets, noPlaces);
    for (const sel of [{ vendor: 'cisco' }, { vendor: 'CISCO', software: '9.1*' }, { site: 'p1' }, { type: 'FIREWALL', site: 'P*' }, { id: 'nothing' }])
      expect(index.select(sel)).toEqual(selectAssets(sel, graph.assets, noPlaces));
  });
});
