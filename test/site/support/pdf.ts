/**
 * Printing: Chromium's own PDF (what "Save as PDF" gives a reader) and its text, read back with
 * `pdftotext` from Debian's poppler-utils.
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const run = promisify(execFile);

const SETUP_HINT = 'Run `bash scripts/setup.sh test` (it installs Debian\'s chromium and poppler-utils when missing), or `apt-get install -y poppler-utils`.';

export interface PrintOptions {
  /**
   * Use the page's own CSS `@page` size (a landscape hazard log) as a browser's print dialog does;
   * default false: every page A4 portrait.
   */
  preferCSSPageSize?: boolean;
}

/**
 * Prints the page to `file` as A4 with backgrounds, with print media emulated (and restored to
 * screen afterwards). Returns the PDF's bytes.
 */
export async function printToPdf(page: Page, file: string, options: PrintOptions = {}): Promise<Buffer> {
  await mkdir(dirname(file), { recursive: true });
  await page.emulateMedia({ media: 'print' });
  try {
    return await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: options.preferCSSPageSize ?? false });
  } finally {
    await page.emulateMedia({ media: null });
  }
}

export interface PdfTextOptions {
  /** Keep the physical layout (columns, table cells on one line); default false (reading order). */
  layout?: boolean;
}

/** The text of a PDF file, via `pdftotext` (pages separated by form feeds, `\f`). */
export async function pdfText(file: string, options: PdfTextOptions = {}): Promise<string> {
  const args = ['-enc', 'UTF-8', ...(options.layout ? ['-layout'] : []), file, '-'];
  const { stdout } = await poppler('pdftotext', args);
  return stdout;
}

/** Each page's size in points (`pdfinfo -l`), first page first. */
export async function pdfPageSizes(file: string): Promise<{ width: number; height: number }[]> {
  const { stdout } = await poppler('pdfinfo', ['-f', '1', '-l', '9999', file]);
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** The number of pages in a PDF file, via `pdfinfo`. */
export async function pdfPageCount(file: string): Promise<number> {
  const { stdout } = await poppler('pdfinfo', [file]);
  const match = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!match?.[1]) throw new Error(`pdfinfo gave no page count for ${file}:\n${stdout}`);
  return Number(match[1]);
}

async function poppler(tool: 'pdftotext' | 'pdfinfo', args: string[]): Promise<{ stdout: string }> {
  try {
    return await run(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`\`${tool}\` was not found on PATH. ${SETUP_HINT}`, { cause: error });
    }
    throw error;
  }
}

/** The Clinical Safety Case Report's numbered sections, in order, as their headings read. */
export const SAFETY_CASE_SECTIONS = [
  'Introduction',
  'System definition',
  'Clinical risk management system',
  'Clinical risk analysis',
  'Risk evaluation',
  'Risk control',
  'Hazard log',
  'Outstanding test issues',
  'Summary safety statement',
  'Quality assurance and approval',
  'Configuration control',
] as const;
