/**
 * CSV as Dutch spreadsheet programs open it: `;` between cells, CRLF between rows, UTF-8 with a
 * byte order mark (without it Excel reads the text as Windows-1252). A cell is quoted when it
 * holds `;`, `"` or a line break. A cell that a spreadsheet would run as a formula (it starts
 * with =, +, -, @, a tab or a carriage return; profile ids come from the user's file) gets a
 * leading apostrophe, as OWASP advises against CSV injection.
 */
export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(SEPARATOR)}\r\n`;
}
