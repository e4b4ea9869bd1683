/**
 * Sets the modification date of every entry of a zip archive, in place, so that an archive
 * written twice holds the same bytes: the zip library under exceljs (archiver, or JSZip) stamps each entry with the clock.
 * Only the DOS time and date fields of the local headers and the central directory change; the
 * archive is otherwise untouched. A zip this cannot read (no end record) is an error: a bug, since
 * the bytes come from exceljs.
 */
export function fixZipDates(zip: Buffer, isoDate: string): Buffer {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // DOS dates start in 1980; seconds are counted in twos. Midnight.
  const date = ((Math.max(1980, Math.min(2107, y)) - 1980) << 9) | (m << 5) | d;
  const time = 0;
  const eocd = findEndOfCentralDirectory(zip);
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('The zip archive\'s central directory is not where its end record says.');
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(date, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('A zip entry\'s local header is not where the central directory says.');
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) if (zip.readUInt32LE(i) === 0x06054b50) return i;
  throw new Error('The zip archive has no end record.');
}

/** The zip comment that marks a workbook crr exported, so a later export may replace it. */
export const EXPORT_MARK = 'crr hazard-log export';

/** Sets the archive's comment (the zip has none before: exceljs writes none). */
export function markZip(zip: Buffer, comment = EXPORT_MARK): Buffer {
  const eocd = findEndOfCentralDirectory(zip);
  const text = Buffer.from(comment, 'utf8');
  const head = Buffer.from(zip.subarray(0, eocd + 22));
  head.writeUInt16LE(text.length, eocd + 20);
  return Buffer.concat([head, text]);
}

/** Whether these bytes are a zip whose comment is crr's mark (only the file's tail is needed). */
export function isMarkedZip(tail: Buffer): boolean {
  const text = Buffer.from(EXPORT_MARK, 'utf8');
  if (tail.length < 22 + text.length) return false;
  const eocd = tail.length - 22 - text.length;
  return tail.readUInt32LE(eocd) === 0x06054b50 && tail.readUInt16LE(eocd + 20) === text.length && tail.subarray(eocd + 22).equals(text);
}
