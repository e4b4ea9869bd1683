import { parseSelectorText, type CompactGraph, type FailureSpec } from '@crr/core';
import { Rng } from '../generate/random.js';

/**
 * Seeded random failure sets for a register, as `crr what-if --fail` takes them: one to three
 * parts, each an asset id, a selector on software train, carrier, location or place (the values
 * the register's own assets and sites carry), or a named scenario's parts. The same seed and
 * register always give the same sets.
 */
export function failureSets(c: CompactGraph, count: number, seed = 15): string[][] {
  const rng = new Rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
  const values = (key: 'software' | 'carrier' | 'location') => [...new Set(c.assets.map((a) => a[key]).filter((v): v is string => typeof v === 'string' && !v.includes(',')))].sort();
  const software = values('software');
  const carriers = values('carrier');
  const locations = values('location');
  const pcns = [...new Set(c.sites.map((s) => s[3]).filter((p): p is string => p !== null))].sort();
  const icbs = [...new Set(c.sites.filter((s) => s[4] >= 0).map((s) => c.places[s[4]]!.id))].sort();
  const kinds: (() => string[])[] = [() => [pick(c.assets).id]];
  if (software.length) kinds.push(() => [`software=${pick(software)}`], () => [`software=${pick(software).split(' ')[0]!}*`]);
  if (carriers.length) kinds.push(() => [`carrier=${pick(carriers)}`]);
  if (locations.length) kinds.push(() => [`location=${pick(locations)}`]);
  if (pcns.length) kinds.push(() => [`pcn=${pick(pcns)}`]);
  if (icbs.length) kinds.push(() => [`icb=${pick(icbs)}`]);
  const scenarios = c.scenarios.filter((s) => s.specs.every((p) => 'asset' in p || !p.text.includes(',')));
  if (scenarios.length) kinds.push(() => pick(scenarios).specs.map((p) => ('asset' in p ? p.asset : p.text)));
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const parts = new Set<string>();
    const n = 1 + Math.floor(rng.next() * 3);
    for (let j = 0; j < n; j++) for (const p of pick(kinds)()) parts.add(p);
    out.push([...parts]);
  }
  return out;
}

/** One part of a failure set as `crr what-if --fail` reads it: an asset id, or a selector. */
export function specOf(text: string): FailureSpec {
  if (!text.includes('=')) return { asset: text };
  const { selector } = parseSelectorText(text);
  if (!selector) throw new Error(`not a selector: ${text}`);
  return { selector, text };
}
