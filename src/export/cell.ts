/**
 * Tables as they are exported (CSV, XLSX), and the cell escaping both share: text that
 * a spreadsheet would run as a formula gets a leading apostrophe (formula injection).
 */

export type Cell = string | number | null | undefined;

export interface ExportTable {
  /** Sheet name in a workbook; file name part for CSV. */
  name: string;
  header: string[];
  rows: Cell[][];
}

/** What a spreadsheet reads as the start of a formula (OWASP: = + - @, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that would start a formula, made inert with a leading apostrophe. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as exported text or number: numbers stay numbers, text is escaped, nothing is empty. */
export function exportValue(cell: Cell): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  return escapeFormula(cell);
}
