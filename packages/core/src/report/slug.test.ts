import { describe, expect, it } from 'vitest';
import { findingSlug, isSafeSlug, SLUG_MAX_LENGTH, slugIndex, slugOf } from './slug.js';

const HASHED = /~[0-9a-f]{8}$/;

describe('slugOf', () => {
  it('keeps an id that is safe as it is', () => {
    expect(slugOf('HAZ-001')).toBe('HAZ-001');
    expect(slugOf('emis-web.v2_live')).toBe('emis-web.v2_live');
    expect(slugOf('Y90104/link')).toBe('Y90104~link');
    expect(slugOf('a'.repeat(SLUG_MAX_LENGTH))).toBe('a'.repeat(SLUG_MAX_LENGTH));
  });

  it('hashes names the site or Windows reserves, keeping them readable', () => {
    for (const id of ['index.html', 'INDEX.HTML', 'index', 'index.htm', 'con', 'NUL', 'nul.txt', 'com1', 'LPT9.log', 'aux.a.b']) {
      const slug = slugOf(id);
      expect(slug, id).toMatch(HASHED);
      expect(isSafeSlug(slug), slug).toBe(true);
    }
    expect(slugOf('index.html')).toMatch(/^index\.html~[0-9a-f]{8}$/);
    // Only the device name itself is reserved, not a word that starts with one.
    expect(slugOf('console')).toBe('console');
    expect(slugOf('com10')).toBe('com10');
  });

  it('bounds a long id: a readable prefix and a hash of the whole id', () => {
    const long = 'L'.repeat(100);
    const slug = slugOf(long);
    expect(slug).toHaveLength(SLUG_MAX_LENGTH);
    expect(slug).toMatch(/^L{55}~[0-9a-f]{8}$/);
    // Two ids that share the first 200 characters still part.
    expect(slugOf(`${'x'.repeat(200)}a`)).not.toBe(slugOf(`${'x'.repeat(200)}b`));
    // A 10,000-character id costs no more than a short one and gives a slug as short.
    expect(slugOf('y'.repeat(10_000))).toHaveLength(SLUG_MAX_LENGTH);
  });

  it('gives a safe slug for anything at all, never relying on the id being valid', () => {
    for (const id of ['', '.', '..', '../../etc/passwd', '/abs', 'a/b/c', 'a\\b', 'trailing.', '-dash', '_under', 'ünïcödé', 'a b', 'a~b', '\u0000', '\ud800', 'x'.repeat(300)]) {
      const slug = slugOf(id);
      expect(isSafeSlug(slug), `${JSON.stringify(id)} → ${JSON.stringify(slug)}`).toBe(true);
    }
    expect(slugOf('')).toMatch(/^id~[0-9a-f]{8}$/);
    expect(slugOf('../../etc/passwd')).toMatch(/^etc~passwd~[0-9a-f]{8}$/);
  });

  it('is deterministic', () => {
    expect(slugOf('index.html')).toBe(slugOf('index.html'));
    expect(slugOf('index.html')).not.toBe(slugOf('INDEX.HTML'));
  });
});

describe('slugIndex', () => {
  it('keeps every id whose slug no other id of the section shares', () => {
    expect([...slugIndex(['HAZ-002', 'HAZ-001'])]).toEqual([
      ['HAZ-001', 'HAZ-001'],
      ['HAZ-002', 'HAZ-002'],
    ]);
  });

  it('hashes every id of a group that differs only by case, so none takes another\'s page', () => {
    const slugs = slugIndex(['Telephony', 'telephony', 'TELEPHONY', 'prescribing']);
    expect(slugs.get('prescribing')).toBe('prescribing');
    const clashing = ['Telephony', 'telephony', 'TELEPHONY'].map((id) => slugs.get(id)!);
    for (const [i, slug] of clashing.entries()) expect(slug).toMatch(new RegExp(`^${['Telephony', 'telephony', 'TELEPHONY'][i]}~[0-9a-f]{8}$`));
    expect(new Set(clashing.map((s) => s.toLowerCase())).size).toBe(3);
  });

  it('parts ids that map to the same readable slug (`a/b` and a stray `a~b`)', () => {
    const slugs = slugIndex(['a/b', 'a~b']);
    expect(slugs.get('a/b')).not.toBe(slugs.get('a~b'));
    expect(new Set([...slugs.values()].map((s) => s.toLowerCase())).size).toBe(2);
  });

  it('stays collision-free when an id is written to look like another\'s hashed slug', () => {
    const hashed = slugIndex(['Telephony', 'telephony']).get('telephony')!;
    const slugs = slugIndex(['Telephony', 'telephony', hashed]);
    // The id that is literally the slug keeps it; the clashing id takes a longer hash.
    expect(slugs.get(hashed)).toBe(hashed);
    expect(slugs.get('telephony')).toMatch(/^telephony~[0-9a-f]{16}$/);
    expect(new Set([...slugs.values()].map((s) => s.toLowerCase())).size).toBe(3);
  });

  it('depends on the set of ids only, not their order or repeats', () => {
    const ids = ['b', 'B', 'index.html', 'a/x', 'c'.repeat(90), 'HAZ-1'];
    const one = slugIndex(ids);
    const two = slugIndex([...ids].reverse().concat(ids));
    expect([...two].sort()).toEqual([...one].sort());
  });

  it('bounds and parts findings too', () => {
    expect(findingSlug('common-cause:software train=Cisco Meraki MX 18')).toBe('common-cause-software-train-cisco-meraki-mx-18');
    const slugs = slugIndex(['gap:A B', 'gap:a-b', `gap:${'z'.repeat(200)}`], findingSlug);
    expect(slugs.get('gap:A B')).toMatch(/^gap-a-b~[0-9a-f]{8}$/);
    expect(slugs.get('gap:a-b')).toMatch(/^gap-a-b~[0-9a-f]{8}$/);
    expect(slugs.get('gap:A B')).not.toBe(slugs.get('gap:a-b'));
    expect(slugs.get(`gap:${'z'.repeat(200)}`)).toHaveLength(SLUG_MAX_LENGTH);
    for (const slug of slugs.values()) expect(isSafeSlug(slug)).toBe(true);
  });
});
