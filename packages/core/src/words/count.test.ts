import { describe, expect, it } from 'vitest';
import { amountOf, articleFor, countOf, groupDigits, plural, withArticle } from './count.js';

describe('countOf and plural', () => {
  it('says one in the singular and every other count in the plural, with thousands grouped', () => {
    expect(countOf(1, 'site')).toBe('1 site');
    expect(countOf(0, 'site')).toBe('0 sites');
    expect(countOf(2, 'site')).toBe('2 sites');
    expect(countOf(1234, 'site')).toBe('1,234 sites');
    expect(countOf(1, 'clinical service')).toBe('1 clinical service');
    expect(countOf(3, 'clinical service')).toBe('3 clinical services');
    expect(countOf(1, 'capacity', 'capacities')).toBe('1 capacity');
    expect(countOf(2, 'capacity', 'capacities')).toBe('2 capacities');
    expect(countOf(2, 'switch')).toBe('2 switches');
    expect(countOf(2, 'bus')).toBe('2 buses');
    expect(plural(1, 'tunnel')).toBe('tunnel');
    expect(plural(5, 'tunnel')).toBe('tunnels');
  });

  it('groups digits without the locale', () => {
    expect(groupDigits(450923)).toBe('450,923');
    expect(groupDigits(-1234567.5)).toBe('-1,234,567.5');
    expect(groupDigits(999)).toBe('999');
  });
});

describe('articleFor', () => {
  it('chooses "an" before a vowel sound and "a" before a consonant sound', () => {
    for (const w of ['inet link', 'ICB', 'NHS service', 'SD-WAN edge', 'asset', '8-port switch', 'hour', 'MX68', 'LAN switch', 'HSCN link']) expect(articleFor(w), w).toBe('an');
    for (const w of ['firewall', 'PCN', 'user', 'unit', 'one-off', 'UPS', 'VPN concentrator', '1 Gb/s line', 'Y90208', 'DNS resolver', 'European link']) expect(articleFor(w), w).toBe('a');
    expect(withArticle('`inet`')).toBe('an `inet`');
  });
});

describe('amountOf', () => {
  it('reads a capacity unit in the singular for one, and leaves rates alone', () => {
    expect(amountOf(1, 'tunnels')).toBe('1 tunnel');
    expect(amountOf(48, 'tunnels')).toBe('48 tunnels');
    expect(amountOf(1, 'users')).toBe('1 user');
    expect(amountOf(1, 'mbps')).toBe('1 mbps');
    expect(amountOf(1200, 'sessions')).toBe('1,200 sessions');
    expect(amountOf(1, 'sessions')).toBe('1 session');
  });
});
