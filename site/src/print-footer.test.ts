import { describe, expect, it } from 'vitest';
import type { ReportData } from '@crr/core';
import { cssString, footerText, printFooterCss } from './print-footer.js';

const meta = { id: 'example-icb', title: 'Kent "GP" IT\\risk', version: '2.1.0', asOf: '2026-11-21', fingerprint: '0123456789abcdef' } as ReportData['meta'];

describe('the printed document-control footer', () => {
  it('names the register, version, as-of date and content fingerprint', () => {
    expect(footerText(meta)).toBe('Register example-icb · Kent "GP" IT\\risk · version 2.1.0 · as of 21 November 2026 · content 0123456789abcdef');
  });

  it('escapes the register\'s words so they cannot end the CSS string', () => {
    expect(cssString('a"b\\c\nd')).toBe('"a\\22 b\\5c c\\a d"');
    const hostile = { ...meta, title: 'x"; } body { display: none; } @page { content: "' };
    const css = printFooterCss(hostile);
    // The title stays inside the one string: no quote in it but the two that delimit it.
    const literal = cssString(footerText(hostile));
    expect(literal.slice(1, -1)).not.toContain('"');
    expect(css).toContain(`    content: ${literal};\n`);
    expect(css).toContain('content: "Page " counter(page) " of " counter(pages);');
  });
});
