import { describe, expect, it } from 'vitest';
import { analyseContext } from '../analysis/analyse.js';
import { analysisContext } from '../analysis/context.js';
import { hazard, smallRegister } from '../analysis/test-support.js';
import { relations, type Relations } from './relations.js';

const register = smallRegister({
  hazards: [hazard('HAZ-1', '{ description: C, assets: [vpn-a] }', ', existingControls: [CTL-1], additionalControls: [CTL-2, CTL-1]'), hazard('HAZ-2', '{ description: C, assets: [emis] }', ', additionalControls: [CTL-2]')].join('\n'),
  incidents: '  - { id: INC-1, title: Outage, start: 2026-04-01, assets: [vpn-a], sites: [P1, P3], hazards: [HAZ-1] }\n  - { id: INC-2, title: Slow, start: 2026-05-01, sites: [P1] }',
});
const ctx = analysisContext(register, '2026-11-21');
const analysis = analyseContext(ctx);
const { graph } = ctx;
const rel = relations(register, graph, analysis.findings);
const at = (id: string) => graph.assetIndex.get(id)!;
const ids = (indices: readonly number[]) => indices.map((i) => graph.assets[i]!.id);

/** Every (key, value) pair of a relation, as strings. */
const pairs = (m: ReadonlyMap<string, readonly (string | { id: string })[]>) => [...m].flatMap(([k, vs]) => vs.map((v) => `${k}>${typeof v === 'string' ? v : v.id}`)).sort();
const flip = (ps: string[]) => ps.map((p) => p.split('>').reverse().join('>')).sort();

describe('relations', () => {
  it('names what an asset needs directly and, inversely, what needs it', () => {
    expect(ids(rel.needs[at('vpn-a')]!)).toEqual(['dc-core']);
    expect(ids(rel.neededBy[at('dc-core')]!)).toEqual(['vpn-a', 'vpn-b']);
    expect(rel.neededBy[at('emis')]).toEqual([]);
  });

  it('lists a hazard\'s controls once, existing first, and each control\'s hazards', () => {
    expect(rel.controlsOfHazard.get('HAZ-1')).toEqual(['CTL-1', 'CTL-2']);
    expect(rel.hazardsOfControl.get('CTL-2')).toEqual(['HAZ-1', 'HAZ-2']);
    expect(rel.hazardsOfControl.get('CTL-1')).toEqual(['HAZ-1']);
  });

  it('indexes incidents by the assets, sites and hazards they name', () => {
    expect(rel.incidentsOfSite.get('P1')).toEqual(['INC-1', 'INC-2']);
    expect(rel.incidentsOfAsset.get('vpn-a')).toEqual(['INC-1']);
    expect(rel.incidentsOfHazard.get('HAZ-1')).toEqual(['INC-1']);
    expect(rel.incidentsOfHazard.get('HAZ-2')).toBeUndefined();
  });

  it('indexes findings by the assets they name', () => {
    const named = analysis.findings.filter((f) => f.assets.includes('vpn-a')).map((f) => f.id);
    expect(named.length).toBeGreaterThan(0);
    expect(rel.findingsOfAsset.get('vpn-a')!.map((f) => f.id)).toEqual(named);
  });

  it('gives each site its PCN and each PCN its sites', () => {
    expect(rel.pcnOfSite[graph.siteIndex.get('P3')!]).toBe('pcn-2');
    expect(rel.sitesOfPcn.get('pcn-1')!.map((s) => graph.sites[s]!.id)).toEqual(['P1', 'P2']);
    expect(rel.routesOfSite[graph.siteIndex.get('P1')!]!.map((r) => graph.routes[r]!.service).sort()).toEqual(['patient-record', 'telephony']);
  });

  it('holds every pair in both directions', () => {
    const inverses: [keyof Relations, keyof Relations][] = [
      ['controlsOfHazard', 'hazardsOfControl'],
      ['assetsOfIncident', 'incidentsOfAsset'],
      ['sitesOfIncident', 'incidentsOfSite'],
      ['hazardsOfIncident', 'incidentsOfHazard'],
      ['assetsOfFinding', 'findingsOfAsset'],
    ];
    for (const [forward, inverse] of inverses) expect(flip(pairs(rel[inverse] as never))).toEqual(pairs(rel[forward] as never));
    const needPairs = rel.needs.flatMap((bs, a) => bs.map((b) => `${a}>${b}`)).sort();
    expect(flip(rel.neededBy.flatMap((as, b) => as.map((a) => `${b}>${a}`)))).toEqual(needPairs);
  });
});
