/**
 * Excel's rules for sheet names: 1–31 characters, none of [ ] : * ? / \, not starting or
 * ending with an apostrophe, unique regardless of case, and not "History" (Excel keeps that
 * one for itself). A name that breaks them makes Excel "repair" the file, so the XLSX writers
 * name every sheet through here.
 */
const MAX_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\\p{Cc}]/gu;

/** A function that turns wanted names into valid ones, never giving out the same name twice. */
export function sheetNamer(fallback: string): (wanted: string) => string {
  const used = new Set<string>(['history']);
  return (wanted) => {
    const base = clean(wanted) || clean(fallback) || 'Sheet';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = `${cut(base, MAX_LENGTH - suffix.length).replace(/[\s']+$/, '')}${suffix}`;
      if (used.has(name.toLowerCase())) continue;
      used.add(name.toLowerCase());
      return name;
    }
  };
}

/** Leading formula characters go too, so the name can be listed in a cell exactly as it is. */
function clean(name: string): string {
  return name
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s'=+\-@]+|[\s']+$/g, '');
}

/** Shortens without splitting a surrogate pair (Excel counts UTF-16 units). */
function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(length - 1)) ? length - 1 : length;
  return text.slice(0, end);
}
