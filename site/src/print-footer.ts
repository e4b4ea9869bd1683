/**
 * The document-control footer of every printed page, as CSS `@page` margin boxes: register id,
 * title, version, as-of date and content fingerprint at the bottom left, "Page n of N" at the
 * bottom right. Margin boxes sit in the page margin, so they never cover the content, and they
 * repeat on every page (Chromium has printed them since version 131). Their text can only come
 * from CSS, so this file is written for each build (static/css/print-footer.css) from the
 * report's meta; a stylesheet keeps the pages free of inline styles (CSP `style-src 'self'`).
 */
import type { ReportData } from '@crr/core';
import { formatDate } from './helpers.js';

/** A CSS string literal: quotes, backslashes and control characters escaped. */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

/** The footer's words, e.g. "Register example-icb · Kent GP IT · version 1.2 · as of 21 November 2026 · content a1b2c3d4e5f6a7b8". */
export function footerText(meta: ReportData['meta']): string {
  const parts = [`Register ${meta.id}`, meta.title];
  if (meta.version) parts.push(`version ${meta.version}`);
  parts.push(`as of ${formatDate(meta.asOf)}`, `content ${meta.fingerprint}`);
  return parts.join(' · ');
}

export function printFooterCss(meta: ReportData['meta']): string {
  return `/* Written by the build from the register (site/src/print-footer.ts): the document-control footer of every printed page. */
@page {
  @bottom-left {
    content: ${cssString(footerText(meta))};
    font: 8pt Arial, "Liberation Sans", Helvetica, sans-serif;
    color: #4c6272;
    vertical-align: top;
    padding-top: 3mm;
  }
  @bottom-right {
    content: "Page " counter(page) " of " counter(pages);
    font: 8pt Arial, "Liberation Sans", Helvetica, sans-serif;
    color: #4c6272;
    vertical-align: top;
    padding-top: 3mm;
    width: 28mm;
    text-align: right;
  }
}
`;
}
