import { MAX_RECIPIENTS, type TRejectedLine } from '@enkat/survey-schema';

export type TParsedRecipients = {
  /** Valid addresses, de-duplicated case-insensitively, in the list's order. */
  addresses: string[];
  duplicates: number;
  rejected: TRejectedLine[];
};

export class RecipientListError extends Error {}

/** Column names that hold the address in a CSV file. */
const ADDRESS_COLUMNS = new Set(['e-mail', 'email', 'e-post', 'epost', 'mail', 'e-postadress', 'epostadress']);

/**
 * A practical address check (RFC 5321 sizes, one @, a dotted domain, no spaces or brackets):
 * what SMTP servers accept in RCPT TO, not the full RFC 5322 grammar.
 */
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Why an address is not usable, or null when it is. */
function addressProblem(address: string): string | null {
  if (address === '') return 'tom rad';
  if (!address.includes('@')) return 'saknar @';
  if (address.length > 254) return 'för lång (högst 254 tecken)';
  const [local = ''] = address.split('@');
  if (local.length > 64) return 'för lång före @ (högst 64 tecken)';
  if (!ADDRESS.test(address) || address.includes('..') || local.startsWith('.') || local.endsWith('.')) {
    return 'ogiltig e-postadress';
  }
  return null;
}

/** Splits one CSV line on the separator, honouring double quotes. */
function splitCsvLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (quoted) {
      if (char === '"' && line.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/** A header line names the address column (CSV), or the list is one address a line. */
function findAddressColumn(header: string): { separator: string; column: number } | null {
  for (const separator of [',', ';', '\t']) {
    const cells = splitCsvLine(header, separator).map((c) => c.toLowerCase());
    const column = cells.findIndex((c) => ADDRESS_COLUMNS.has(c));
    if (column >= 0) return { separator, column };
  }
  return null;
}

/** Text that is not a text file: NUL bytes, or the replacement character of undecodable bytes. */
const looksBinary = (text: string) => text.includes('\u0000') || text.includes('\uFFFD');

/**
 * Reads a recipient list: pasted text with one address a line, or CSV (comma, semicolon or tab)
 * with a column named e-mail/epost/mail. Throws RecipientListError for a list that cannot be
 * read at all (not text, no addresses, too many); otherwise every bad line is reported with
 * its number and reason, and duplicates (ignoring case) are counted once.
 */
export function parseRecipients(text: string): TParsedRecipients {
  if (looksBinary(text)) throw new RecipientListError('Filen är inte en textfil (CSV eller en adress per rad).');
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const csv = findAddressColumn(lines[0] ?? '');
  const addresses: string[] = [];
  const seen = new Set<string>();
  const rejected: TRejectedLine[] = [];
  let duplicates = 0;
  for (let index = csv ? 1 : 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '') continue;
    const cell = csv ? (splitCsvLine(raw, csv.separator)[csv.column] ?? '') : raw.trim();
    // "Anna Andersson <anna@example.org>" is accepted as anna@example.org.
    const address = (/<([^<>]*)>\s*$/.exec(cell)?.[1] ?? cell).trim();
    const problem = addressProblem(address);
    if (problem) {
      rejected.push({ line: index + 1, text: raw.slice(0, 200), reason: problem });
      continue;
    }
    const key = address.toLowerCase();
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    addresses.push(address);
    if (addresses.length > MAX_RECIPIENTS) {
      throw new RecipientListError(`Listan har fler än ${MAX_RECIPIENTS.toLocaleString('sv-SE')} adresser.`);
    }
  }
  if (addresses.length === 0) throw new RecipientListError('Listan innehåller ingen giltig e-postadress.');
  return { addresses, duplicates, rejected };
}
