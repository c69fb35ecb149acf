import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type ExportTable, escapeFormula } from './cell.ts';
import { BOM, parseCsv, toCsv } from './csv.ts';
import { columnName, sheetNames, toXlsx } from './xlsx.ts';

const TABLE: ExportTable = {
  name: 'Слушания',
  header: ['Муниципалитет', 'Женщины', 'Примечание'],
  rows: [
    ['Кочкор-Ата', 12, '=HYPERLINK("http://x","click")'],
    ['Шамалды-Сай', 0, '+7 700 000'],
    ['Массы, "Ак-Жол"', 3, '-3 от плана'],
    ['Кербен', null, '@SUM(A1)'],
    ['Ноокен', 5, 'строка 1\nстрока 2'],
    ['Аксы', 1, '\tтаб'],
    ['Ысык-Көл: ң ө ү', 2, 'ok & <b>'],
  ],
};

describe('formula escaping', () => {
  it('makes text that starts like a formula inert, and leaves the rest', () => {
    expect(['=1+2', '+1', '-1', '@A1', '\tx', '\rx'].map(escapeFormula)).toEqual([
      "'=1+2",
      "'+1",
      "'-1",
      "'@A1",
      "'\tx",
      "'\rx",
    ]);
    expect(['a=b', 'Кочкор-Ата', ''].map(escapeFormula)).toEqual(['a=b', 'Кочкор-Ата', '']);
  });
});

describe('CSV', () => {
  const csv = toCsv(TABLE);

  it('starts with the byte-order mark and ends lines with CRLF', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      `${BOM}Муниципалитет,Женщины,Примечание`,
      'Кочкор-Ата,12,"\'=HYPERLINK(""http://x"",""click"")"',
    ]);
    // UTF-8 bytes of the mark, as the file is saved.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('parses back with Cyrillic intact, quotes and newlines kept, formulas neutralised', () => {
    expect(parseCsv(csv)).toEqual([
      ['Муниципалитет', 'Женщины', 'Примечание'],
      ['Кочкор-Ата', '12', '\'=HYPERLINK("http://x","click")'],
      ['Шамалды-Сай', '0', "'+7 700 000"],
      ['Массы, "Ак-Жол"', '3', "'-3 от плана"],
      ['Кербен', '', "'@SUM(A1)"],
      ['Ноокен', '5', 'строка 1\nстрока 2'],
      ['Аксы', '1', "'\tтаб"],
      ['Ысык-Көл: ң ө ү', '2', 'ok & <b>'],
    ]);
  });
});

/** The cells of a sheet as text, read with the browser's XML parser. */
function readSheet(xml: string): (string | number)[][] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return [...doc.getElementsByTagName('row')].map((row) => {
    const out: (string | number)[] = [];
    for (const c of row.getElementsByTagName('c')) {
      const ref = c.getAttribute('r') ?? '';
      const col = ref.replace(/\d+$/, '').charCodeAt(0) - 65;
      const text = c.getElementsByTagName('t')[0]?.textContent;
      out[col] = text ?? Number(c.getElementsByTagName('v')[0]?.textContent);
    }
    return Array.from(out, (v) => v ?? '');
  });
}

describe('XLSX', () => {
  const files = unzipSync(
    toXlsx([TABLE, { name: 'Trainings: roster?', header: ['Name'], rows: [['Айгүл']] }]),
  );

  it('is a workbook with one sheet per table', () => {
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const workbook = strFromU8(files['xl/workbook.xml'] as Uint8Array);
    expect(workbook).toContain('<sheet name="Слушания" sheetId="1" r:id="rId1"/>');
    expect(workbook).toContain('<sheet name="Trainings  roster" sheetId="2" r:id="rId2"/>');
    for (const [name, bytes] of Object.entries(files)) {
      const doc = new DOMParser().parseFromString(strFromU8(bytes), 'application/xml');
      expect(doc.getElementsByTagName('parsererror'), name).toHaveLength(0);
    }
  });

  it('reads back with Cyrillic intact, numbers as numbers, formulas neutralised', () => {
    const rows = readSheet(strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array));
    expect(rows).toEqual([
      ['Муниципалитет', 'Женщины', 'Примечание'],
      ['Кочкор-Ата', 12, '\'=HYPERLINK("http://x","click")'],
      ['Шамалды-Сай', 0, "'+7 700 000"],
      ['Массы, "Ак-Жол"', 3, "'-3 от плана"],
      ['Кербен', '', "'@SUM(A1)"],
      ['Ноокен', 5, 'строка 1\nстрока 2'],
      ['Аксы', 1, "'\tтаб"],
      ['Ысык-Көл: ң ө ү', 2, 'ok & <b>'],
    ]);
    // No cell is ever a formula.
    expect(strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array)).not.toContain('<f>');
  });

  it('names columns and sheets the way spreadsheets need', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    expect(sheetNames(['a', 'A', 'x'.repeat(40), ''])).toEqual([
      'a',
      'A (2)',
      'x'.repeat(31),
      'Sheet4',
    ]);
  });
});
