import { describe, expect, it } from 'vitest';
import { placesLine } from './reach.js';

const place = (i: number) => ({ id: `Q${i}`, name: `ICB ${i}`, sites: 100 - i, patients: 1_000_000 - i * 1000 });

describe('placesLine', () => {
  it('names places with their sites and patients, in the order given, with thousands separators', () => {
    expect(placesLine([place(1), place(2)])).toBe('ICB 1 99 sites (999,000); ICB 2 98 sites (998,000)');
    expect(placesLine([{ id: 'Q', name: 'One', sites: 1, patients: 5 }])).toBe('One 1 site (5)');
  });

  it('lists at most eight and counts the rest, as a national reach of 42 ICBs needs', () => {
    const line = placesLine(Array.from({ length: 42 }, (_, i) => place(i + 1)));
    expect(line.split('; ')).toHaveLength(8);
    expect(line).toMatch(/ and 34 more$/);
  });

  it('escapes a place name from the register before it reaches the terminal', () => {
    expect(placesLine([{ id: 'Q', name: 'Evil\u001b[2J ICB', sites: 1, patients: 1 }])).not.toContain('\u001b');
  });
});
