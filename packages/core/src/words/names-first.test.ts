import { describe, expect, it } from 'vitest';
import { namesFirst } from './names-first.js';

const NAMES: Record<string, string> = { 'document-workflow': 'Document workflow', 'org-carrier-b': 'Kestrel Data Communications Ltd', 'vpn-a': 'VPN concentrator A' };
const nameOf = (id: string) => NAMES[id];

describe('namesFirst', () => {
  it('writes the name for an id in backticks', () => {
    expect(namesFirst('If `vpn-a` fails, 4 sites lose `document-workflow` and `x-unknown`.', nameOf)).toBe('If VPN concentrator A fails, 4 sites lose Document workflow and `x-unknown`.');
  });
  it('keeps an id that already follows its name, and values that are not ids', () => {
    const text = '31 assets share the carrier Kestrel Data Communications Ltd (`org-carrier-b`) and `Meraki dashboard`';
    expect(namesFirst(text, nameOf)).toBe(text);
  });
});
