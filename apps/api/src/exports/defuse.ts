/**
 * Formula injection: a spreadsheet that opens a CSV (or a user who copies a cell) treats text
 * starting with = + - @ tab or carriage return as a formula, so a respondent could plant
 * `=HYPERLINK(...)` in a comment. OWASP's remedy: prefix such text with an apostrophe, which
 * spreadsheets read as "this is text". Every writer passes every text cell through here;
 * numbers written as numbers are not text and are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
