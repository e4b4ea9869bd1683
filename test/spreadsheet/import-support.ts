import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { hazardLogHeaders } from '@crr/core';

/** A fresh folder for one test's files; `cleanup` removes it. */
export function scratch(): { dir: string; put(path: string, content: string | Uint8Array): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'crr-import-'));
  return {
    dir,
    put(path, content) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
      return full;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The template's required columns and a valid hazard for them, to build sheets on. */
export const REQUIRED_HEADERS = [
  'Hazard ID',
  'Hazard name',
  'Description',
  'Causes',
  'Effects',
  'Potential clinical harm',
  'Existing controls',
  'Initial severity',
  'Initial likelihood',
  'Initial rating',
  'Additional controls',
  'Residual severity',
  'Residual likelihood',
  'Residual rating',
  'Status',
  'Owner',
  'Raised',
] as const;

export type Row = Partial<Record<(typeof REQUIRED_HEADERS)[number] | (typeof hazardLogHeaders)[number] | string, string | number | Date | ExcelJS.CellValue>>;

export const VALID: Row = {
  'Hazard ID': 'HAZ-001',
  'Hazard name': 'Clinicians cannot open the record',
  Description: 'Practices lose the VPN path to the hosted system.',
  Causes: 'Concentrator saturates at the morning peak [assets: vpn-a]\nFirmware defect [vendor: Cisco Meraki; software: MX 18.*]',
  Effects: 'Prescribing without a history',
  'Potential clinical harm': 'Adverse drug event',
  'Existing controls': 'CTL-BCP-01 — Paper downtime procedure (business-process, verified)',
  'Initial severity': 'major',
  'Initial likelihood': 'medium',
  'Initial rating': 3,
  'Additional controls': 'CTL-VPN-02',
  'Residual severity': 'major',
  'Residual likelihood': 'low',
  'Residual rating': 3,
  Status: 'open',
  Owner: 'ICB digital team',
  Raised: '2026-01-20',
};

export const CONTROLS_HEADERS = ['Control ID', 'Control name', 'Kind', 'Status', 'Owner'];
export const CONTROLS = [
  ['CTL-BCP-01', 'Paper downtime procedure', 'business-process', 'verified', 'Practice managers'],
  ['CTL-VPN-02', 'Second concentrator', 'design', 'proposed', 'CSU network team'],
];

/** RFC 4180 text of rows, CRLF, with a byte-order mark, as a spreadsheet program saves "CSV UTF-8". */
export function csvText(rows: readonly (readonly unknown[])[], bom = true): string {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (bom ? '\uFEFF' : '') + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** The hazards sheet's rows: headers, then each row's value under each header. */
export function table(headers: readonly string[], rows: readonly Row[]): unknown[][] {
  return [[...headers], ...rows.map((r) => headers.map((h) => r[h]))];
}

/** An XLSX workbook built with exceljs: each sheet from rows of cell values, and an optional touch-up. */
export async function xlsx(sheets: Record<string, unknown[][]>, touch?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  }
  touch?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
