/**
 * Spreadsheets (.xlsx) with exceljs, byte for byte reproducible: the workbook's document
 * properties (creator, created, modified) are fixed, and so are the modification times that
 * the zip container stores per part (exceljs packs with JSZip, which stamps every entry with the
 * current time). Every cell is written as text, so codes keep their leading zeros ("02", "04").
 */
import type { Workbook, Worksheet } from 'exceljs';

/** The fixed moment written into every workbook (properties and zip entries). */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export interface SheetSpec {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Column widths in characters; default from the content, between 8 and 60. */
  readonly widths?: readonly number[];
}

/** A new workbook with fixed, non-personal metadata. */
export async function newWorkbook(title: string): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'wijzer';
  workbook.lastModifiedBy = 'wijzer';
  workbook.title = title;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.calcProperties.fullCalcOnLoad = false;
  return workbook;
}

/** Excel limits a sheet name to 31 characters without []:*?/\ . */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
}

/** Excel's limit for the text of one cell. */
const MAX_CELL = 32767;

export function addSheet(workbook: Workbook, spec: SheetSpec): Worksheet {
  const sheet = workbook.addWorksheet(sheetName(spec.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow([...spec.headers]);
  header.font = { bold: true };
  for (const cells of spec.rows) {
    const row = sheet.addRow(cells.map((c) => (c.length > MAX_CELL ? `${c.slice(0, MAX_CELL - 1)}…` : c)));
    row.alignment = { vertical: 'top', wrapText: true };
    // Explicitly text: no number or date guessing by Excel ("02" stays "02").
    row.eachCell({ includeEmpty: false }, (cell) => {
      cell.numFmt = '@';
    });
  }
  spec.headers.forEach((h, i) => {
    const longest = Math.max(h.length, ...spec.rows.map((r) => Math.max(...(r[i] ?? '').split('\n').map((line) => line.length))));
    sheet.getColumn(i + 1).width = spec.widths?.[i] ?? Math.min(60, Math.max(8, longest + 2));
  });
  if (spec.rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.headers.length } };
  return sheet;
}

/** The .xlsx bytes, with the workbook's dates and the zip entries' times fixed. */
export async function workbookBuffer(workbook: Workbook): Promise<Buffer> {
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const written = await workbook.xlsx.writeBuffer();
  return fixZipTimes(Buffer.from(written as ArrayBuffer));
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** MS-DOS time and date of FIXED_DATE (2000-01-01 00:00:00). */
const DOS_TIME = 0;
const DOS_DATE = ((FIXED_DATE.getUTCFullYear() - 1980) << 9) | ((FIXED_DATE.getUTCMonth() + 1) << 5) | FIXED_DATE.getUTCDate();

/**
 * Sets the modification time of every entry of a zip archive (central directory and local
 * headers) to FIXED_DATE. The archive is read through its end-of-central-directory record, so
 * compressed data that happens to contain a signature is never touched.
 */
export function fixZipTimes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('xlsx: geen zip-archief');
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(at) !== CENTRAL) throw new Error('xlsx: onverwachte zip-structuur');
    out.writeUInt16LE(DOS_TIME, at + 12);
    out.writeUInt16LE(DOS_DATE, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL) throw new Error('xlsx: onverwachte zip-structuur');
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
