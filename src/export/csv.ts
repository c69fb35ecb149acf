/**
 * CSV as RFC 4180 has it (comma, CRLF, double quotes doubled), UTF-8 with a byte-order
 * mark so spreadsheets read Cyrillic right, formulas escaped (see cell.ts).
 */
import { type Cell, type ExportTable, exportValue } from './cell.ts';

export const BOM = '\uFEFF';

function field(cell: Cell): string {
  const value = exportValue(cell);
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV text, starting with the byte-order mark. */
export function toCsv(table: Pick<ExportTable, 'header' | 'rows'>): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Reads CSV back (RFC 4180): for tests and for checking what was written. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        value += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else value += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(value);
      value = '';
    } else if (char === '\r' && input[i + 1] === '\n') {
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
      i += 1;
    } else value += char;
  }
  if (value !== '' || row.length > 0) rows.push([...row, value]);
  return rows;
}
