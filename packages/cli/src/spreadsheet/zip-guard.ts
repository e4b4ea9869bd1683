import { inflateRawSync } from 'node:zlib';

/** What a workbook may unpack to, in all: a 6,500-practice register's export unpacks to 17 MB (exceljs then holds ~380 MB). */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** How many parts a workbook may have: a hazard log's has a few dozen. */
export const MAX_ZIP_ENTRIES = 2_000;

export type ZipProblem = { kind: 'not-zip'; detail: string } | { kind: 'too-large'; detail: string };

/**
 * Check a zip (an XLSX workbook) before anything unpacks it: find its central directory, and
 * inflate every part with an output bound, so that a "zip bomb" (a small file that unpacks to
 * gigabytes, whatever sizes it declares) is refused after at most `MAX_UNPACKED_BYTES` of work.
 * Returns the problem, or nothing for a zip within bounds. Never throws.
 */
export function checkZip(bytes: Uint8Array, limit = MAX_UNPACKED_BYTES): ZipProblem | undefined {
  try {
    return check(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limit);
  } catch (e) {
    return { kind: 'not-zip', detail: `it is damaged (${(e as Error).message})` };
  }
}

function check(buf: Buffer, limit: number): ZipProblem | undefined {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return { kind: 'not-zip', detail: 'it does not start as a workbook does' };
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { kind: 'not-zip', detail: 'it has no zip directory (it is cut short or damaged)' };
  const entries = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) return { kind: 'too-large', detail: 'it is a ZIP64 archive, which no hazard log needs' };
  if (entries > MAX_ZIP_ENTRIES) return { kind: 'too-large', detail: `it has ${entries} parts (at most ${MAX_ZIP_ENTRIES})` };
  if (dirOffset + dirSize > buf.length) return { kind: 'not-zip', detail: 'its zip directory points past the end of the file' };
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return { kind: 'not-zip', detail: 'its zip directory is damaged' };
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const declared = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) return { kind: 'not-zip', detail: 'it is encrypted (password-protected)' };
    if (compressed === 0xffffffff || declared === 0xffffffff || local === 0xffffffff) return { kind: 'too-large', detail: 'it is a ZIP64 archive, which no hazard log needs' };
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return { kind: 'not-zip', detail: 'a part of it is missing or damaged' };
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) return { kind: 'not-zip', detail: 'a part of it runs past the end of the file' };
    const remaining = limit - total;
    if (declared > remaining) return { kind: 'too-large', detail: `it unpacks to more than ${mb(limit)}` };
    let size: number;
    if (method === 0) size = compressed;
    else if (method === 8) {
      try {
        // Inflated with a bound: the declared size may lie; the bound does not.
        size = inflateRawSync(buf.subarray(start, start + compressed), { maxOutputLength: Math.max(1, remaining) }).length;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return { kind: 'too-large', detail: `it unpacks to more than ${mb(limit)}` };
        return { kind: 'not-zip', detail: 'a part of it cannot be unpacked' };
      }
    } else return { kind: 'not-zip', detail: `a part of it is packed with a method workbooks do not use (${method})` };
    total += size;
    if (total > limit) return { kind: 'too-large', detail: `it unpacks to more than ${mb(limit)}` };
  }
  return undefined;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
