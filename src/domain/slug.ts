const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ng',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** A readable code from a name in any of the three languages: "Кочкор-Ата" -> "kochkor-ata". */
export function slugify(text: string): string {
  return [...text.toLocaleLowerCase('ru')]
    .map((c) => CYRILLIC[c] ?? c)
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function uniqueCode(base: string, taken: ReadonlySet<string>): string {
  const root = base || 'territory';
  if (!taken.has(root)) return root;
  for (let n = 2; ; n += 1) {
    if (!taken.has(`${root}-${n}`)) return `${root}-${n}`;
  }
}
