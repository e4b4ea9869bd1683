import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/make-diagnostic.js';
import { odsCodes } from './ods-codes.js';

/**
 * The largest ODS input file read: the national epraccur is about 4 MB (16,500 rows), the PCN map
 * and list sizes under 2 MB. Sixteen times that leaves room for years of growth and a breakdown of
 * list sizes by age, and stops a wrong file (a dump, a disk image) before it is read into memory.
 */
export const MAX_ODS_FILE_BYTES = 64 * 1024 * 1024;

/** The text of an input file, or why it is not text: NUL bytes (a binary file) or bytes that are not UTF-8. */
export function odsText(bytes: Uint8Array, file: string): { text: string } | { diagnostic: Diagnostic } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = lineAt(bytes, nul);
    return {
      diagnostic: makeDiagnostic(odsCodes.notText, {
        file,
        line,
        message: `The file holds a NUL byte (at byte ${nul + 1}, line ${line}): it is a binary file (a workbook, a zip), not the CSV the NHS publishes.`,
        hint: 'Download the CSV again, or save the sheet as "CSV UTF-8", and name that file.',
      }),
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const line = lineAt(bytes, bad);
    return {
      diagnostic: makeDiagnostic(odsCodes.notText, {
        file,
        line,
        message: `The file is not UTF-8 text (byte ${bad + 1}, line ${line}, cannot start or continue a UTF-8 character): it is another encoding or not text at all.`,
        hint: 'The NHS publishes these files as ASCII/UTF-8 CSV; download it again, or re-save it as "CSV UTF-8".',
      }),
    };
  }
}

function lineAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (a simple scan; only run on a file already refused). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}
