/**
 * The PDF uses the 14 fonts every PDF reader has (no font files, nothing fetched), and those
 * only know Windows-1252 ("WinAnsi"): Latin-1 with å ä ö é ü, plus – — “ ” ‘ ’ … € and a
 * few more. Anything else pdfkit would print as a wrong glyph, so it is mapped here first:
 * the minus sign and narrow spaces the number formats use, accents dropped where the base
 * letter exists (ł has none and becomes "?").
 */
const WIN_ANSI_EXTRA = new Set('ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœŠšŸŽž˜');

const REPLACEMENTS: Record<string, string> = {
  '\u2212': '-', // MINUS SIGN, used by formatPoints and formatInteger
  '\u2010': '-',
  '\u2011': '-',
  '\u2009': ' ',
  '\u2007': ' ',
  '\u202F': '\u00A0',
  '\t': ' ',
  '\u2032': "'",
  '\u2033': '"',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || char === '\n' || WIN_ANSI_EXTRA.has(char);
}

/** The text as the standard PDF fonts can print it. */
export function winAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n').normalize('NFC')) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    if (REPLACEMENTS[char] !== undefined) {
      out += REPLACEMENTS[char];
      continue;
    }
    if (/\p{Cc}/u.test(char)) continue;
    const base = char.normalize('NFD').replace(/\p{M}+/gu, '');
    out += base !== '' && [...base].every(isWinAnsi) ? base : '?';
  }
  return out;
}
