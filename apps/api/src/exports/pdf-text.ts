/**
 * Text as the report prints it. The embedded font (DejaVu Sans) has Latin, Greek and Cyrillic
 * letters and the marks the number formats use, so letters are kept as they are (a letter the
 * font lacks still reaches copy and paste and screen readers through the text layer). Line
 * ends become "\n", tabs spaces, and other control characters are dropped.
 */
export function printable(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n').normalize('NFC')) {
    if (char === '\n') out += char;
    else if (char === '\t') out += ' ';
    else if (!/\p{Cc}/u.test(char)) out += char;
  }
  return out;
}
