import type { ReportData } from '@crr/core';
import { describe, expect, it } from 'vitest';
import { checkSlugs } from './view.js';

/** Just the lists `checkSlugs` reads. */
function report(parts: Partial<Record<'hazards' | 'services' | 'findings' | 'incidents', { id: string; slug: string }[]>>): ReportData {
  const empty = { hazards: [], assets: [], sites: [], pcns: [], suppliers: [], services: [], scenarios: [], regions: [], icbs: [], findings: [], controls: [], incidents: [] };
  return { ...empty, ...parts } as unknown as ReportData;
}

describe('checkSlugs (an invariant: the core never breaks it)', () => {
  it('accepts the slugs the core gives awkward ids', () => {
    expect(() =>
      checkSlugs(report({
        hazards: [{ id: 'HAZ-001', slug: 'HAZ-001' }, { id: 'index.html', slug: 'index.html~0eb54730' }],
        services: [{ id: 'Telephony', slug: 'Telephony~9d6875ca' }, { id: 'telephony', slug: 'telephony~d3a59bc2' }],
      })),
    ).not.toThrow();
  });

  it.each([
    ['a reserved name', 'index.html'],
    ['a path', '../x'],
    ['a Windows device', 'nul'],
    ['a name too long for a slug', 'x'.repeat(65)],
  ])('throws before anything is written on %s', (_what, slug) => {
    expect(() => checkSlugs(report({ hazards: [{ id: 'H', slug }] }))).toThrow(/not a safe path segment/);
  });

  it('throws on two pages in one folder, letter case aside, in a section or among the anchors of one page', () => {
    expect(() => checkSlugs(report({ services: [{ id: 'Telephony', slug: 'Telephony' }, { id: 'telephony', slug: 'telephony' }] }))).toThrow(
      'The services pages of "Telephony" and "telephony" would both be "telephony" (letter case aside).',
    );
    expect(() => checkSlugs(report({ findings: [{ id: 'gap:a b', slug: 'gap-a-b' }, { id: 'gap:a-b', slug: 'gap-a-b' }] }))).toThrow(/finding anchors/);
  });
});
