import type { TPersonalDataKind, TPersonalDataSpan } from '@enkat/survey-schema';

/**
 * Finds what may be personal data in a free-text answer, so an editor can redact it before the
 * results are shown: e-mail addresses, Swedish phone numbers, personnummer (and
 * samordningsnummer) and the names on the wave's list. It flags, it never changes anything;
 * it errs on the side of flagging. Offsets are UTF-16 code units, as JavaScript strings count.
 */
export function findPersonalData(text: string, names: readonly string[] = []): TPersonalDataSpan[] {
  const found: TPersonalDataSpan[] = [];
  const add = (kind: TPersonalDataKind, pattern: RegExp, accept: (match: string) => boolean = () => true) => {
    for (const match of text.matchAll(pattern)) {
      if (accept(match[0])) found.push({ kind, start: match.index, end: match.index + match[0].length });
    }
  };
  add('personnummer', PERSONNUMMER, isPersonnummer);
  add('email', EMAIL);
  add('phone', PHONE);
  for (const name of names) {
    const pattern = namePattern(name);
    if (pattern) add('name', pattern);
  }
  return withoutOverlaps(found);
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** (YY)YYMMDD, a "-" or "+" or nothing, four digits; days 61–91 are samordningsnummer. */
const PERSONNUMMER =
  /(?<!\p{N})(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+]?\d{4}(?!\p{N})/gu;

/** 08-123 45 67, 070-123 45 67, 0701234567, +46 70 123 45 67: a leading 0 or +46, 6–11 more digits. */
const PHONE = /(?<![\p{N}+])(?:\+46[\s-]?|0)\d{1,3}[\s-]?\d{2,3}(?:[\s-]?\d{2}){1,3}(?!\p{N})/gu;

/**
 * Written with a separator, a date-shaped number is taken for a personnummer whatever its
 * check digit (it may be mistyped); without one, the check digit must fit (Luhn), or every
 * ten-digit number would be flagged.
 */
function isPersonnummer(match: string): boolean {
  if (/[-+]/.test(match)) return true;
  const digits = match.slice(-10);
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[9]);
}

/** A name as a whole word, any case, any spacing, with or without a genitive "s". */
function namePattern(name: string): RegExp | null {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.join('').length < 2) return null;
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}s?(?![\\p{L}\\p{N}])`, 'giu');
}

/** Keeps the earliest (and then the longest) of overlapping spans, in text order. */
function withoutOverlaps(spans: TPersonalDataSpan[]): TPersonalDataSpan[] {
  const sorted = spans
    .map((span, order) => ({ span, order }))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || a.order - b.order);
  const kept: TPersonalDataSpan[] = [];
  for (const { span } of sorted) {
    const last = kept.at(-1);
    if (!last || span.start >= last.end) kept.push(span);
  }
  return kept;
}
