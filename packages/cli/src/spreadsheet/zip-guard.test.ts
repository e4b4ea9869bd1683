import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkZip } from './zip-guard.js';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hazards').addRow(['Hazard ID', 'Hazard name']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('checkZip', () => {
  it('passes a real workbook, and refuses it when it unpacks to more than the bound', async () => {
    const bytes = await workbook();
    expect(checkZip(bytes)).toBeUndefined();
    expect(checkZip(bytes, 1_000)).toEqual({ kind: 'too-large', detail: 'it unpacks to more than 0 MB' });
  });

  it('refuses what is not a zip, a zip cut short, and an encrypted one, without throwing', async () => {
    const bytes = await workbook();
    expect(checkZip(new TextEncoder().encode('Hazard ID,Hazard name\n'))?.kind).toBe('not-zip');
    expect(checkZip(bytes.subarray(0, bytes.length - 30))?.kind).toBe('not-zip');
    expect(checkZip(bytes.subarray(0, 10))?.kind).toBe('not-zip');
    const encrypted = Buffer.from(bytes);
    // Set the "encrypted" flag of the first central directory entry.
    const dir = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(encrypted.readUInt16LE(dir + 8) | 1, dir + 8);
    expect(checkZip(encrypted)).toEqual({ kind: 'not-zip', detail: 'it is encrypted (password-protected)' });
    const garbled = Buffer.from(bytes);
    for (let i = 40; i < garbled.length - 200; i += 7) garbled[i] = 0xff - garbled[i]!;
    expect(() => checkZip(garbled)).not.toThrow();
  });
});
