import { inflateSync } from 'node:zlib';

/**
 * The text of each page of a PDF that Chromium printed, in the order it was drawn, a line
 * break where a new text line starts. Enough for Chromium's own output (uncompressed object
 * table, Flate streams, Type0 fonts with a ToUnicode map, one `Tj` a glyph run); not a
 * general PDF reader.
 */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  if (!catalog) throw new Error('no catalog in the PDF');
  const pages: PdfObject[] = [];
  const walk = (ref: number) => {
    const node = objects.get(ref);
    if (!node) return;
    if (/\/Type\s*\/Pages/.test(node.dict)) {
      for (const kid of refs(/\/Kids\s*\[([^\]]*)\]/.exec(node.dict)?.[1] ?? '')) walk(kid);
    } else pages.push(node);
  };
  walk(refs(/\/Pages\s+(\d+ \d+ R)/.exec(catalog.dict)?.[1] ?? '')[0] ?? -1);

  const maps = new Map<string, Map<string, string>>();
  const unicodeOf = (fontRef: number) => {
    const key = String(fontRef);
    let map = maps.get(key);
    if (!map) {
      const font = objects.get(fontRef);
      const cmapRef = refs(/\/ToUnicode\s+(\d+ \d+ R)/.exec(font?.dict ?? '')?.[1] ?? '')[0];
      map = readCmap(objects.get(cmapRef ?? -1)?.stream?.toString('latin1') ?? '');
      maps.set(key, map);
    }
    return map;
  };

  return pages.map((page) => {
    const fonts = new Map<string, number>();
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(page.dict)?.[1] ?? '';
    for (const [, name, ref] of fontDict.matchAll(/\/(\w+)\s+(\d+) \d+ R/g)) {
      fonts.set(name ?? '', Number(ref));
    }
    const contentRefs = refs(/\/Contents\s+(\[[^\]]*\]|\d+ \d+ R)/.exec(page.dict)?.[1] ?? '');
    const content = contentRefs
      .map((ref) => objects.get(ref)?.stream?.toString('latin1') ?? '')
      .join('\n');
    let text = '';
    let lastLine = '';
    for (const [, block] of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      const font = /\/(\w+)\s+[\d.]+\s+Tf/.exec(block ?? '')?.[1] ?? '';
      const map = unicodeOf(fonts.get(font) ?? -1);
      const line = /([-\d.\s]+)Tm/.exec(block ?? '')?.[1]?.trim() ?? '';
      if (line !== lastLine && text) text += '\n';
      lastLine = line;
      for (const [, hex] of (block ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
        for (let i = 0; i < (hex ?? '').length; i += 4) {
          text += map.get((hex ?? '').slice(i, i + 4).toUpperCase()) ?? '';
        }
      }
    }
    return text;
  });
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = /\bstream\r?\n/.exec(body);
    if (!streamAt) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt.index);
    const from = start + streamAt.index + streamAt[0].length;
    const length = Number(/\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? 0);
    const raw = pdf.subarray(from, from + length);
    objects.set(Number(match[1]), {
      dict,
      stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw,
    });
  }
  return objects;
}

const refs = (list: string) => [...list.matchAll(/(\d+) \d+ R/g)].map((m) => Number(m[1]));

/** A ToUnicode CMap: two-byte codes (upper-case hex) to text. */
function readCmap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));
  for (const [, section] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, value] of (section ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      map.set((code ?? '').toUpperCase(), utf16(value ?? ''));
    }
  }
  for (const [, section] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const ranges = (section ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
    );
    for (const [, lo, hi, target] of ranges) {
      const first = Number.parseInt(lo ?? '', 16);
      const last = Number.parseInt(hi ?? '', 16);
      const values = (target ?? '').startsWith('[')
        ? [...(target ?? '').matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => utf16(m[1] ?? ''))
        : [];
      const base = Number.parseInt((target ?? '').slice(1, -1), 16);
      for (let code = first; code <= last; code++) {
        const key = code.toString(16).toUpperCase().padStart(4, '0');
        map.set(
          key,
          values.length ? (values[code - first] ?? '') : String.fromCharCode(base + code - first),
        );
      }
    }
  }
  return map;
}
