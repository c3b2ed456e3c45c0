import type { TLanguage } from '@enkat/survey-schema';

/**
 * Numbers written out by hand rather than through Intl: ICU data differs between Node builds
 * (small-icu, system ICU, browsers), and a results table must read the same everywhere.
 * Swedish: decimal comma, U+00A0 NO-BREAK SPACE as thousands separator and before "%" and
 * units, U+2212 MINUS SIGN. English: decimal point, comma thousands, ASCII minus, "72.8%".
 */
const NBSP = '\u00A0';

/** What a missing figure (no base, no answers) is written as. */
export const NO_VALUE = '–';

/** The unit of a difference between two percentages: sv "procentenheter", en "percentage points". */
export const POINTS_UNIT = { sv: 'p.e.', en: 'pp' } as const satisfies Record<TLanguage, string>;

const SYMBOLS = {
  sv: { decimal: ',', group: NBSP, minus: '\u2212', percent: `${NBSP}%` },
  en: { decimal: '.', group: ',', minus: '-', percent: '%' },
} as const satisfies Record<TLanguage, Record<string, string>>;

/** A whole number with thousands separators: sv "1 234" (U+00A0), en "1,234". */
export function formatInteger(value: number, language: TLanguage): string {
  assertFinite(value);
  const rounded = Math.round(Math.abs(value));
  return `${signOf(Math.sign(value) * rounded, language, false)}${group(String(rounded), language)}`;
}

/** A percentage with one decimal, always: sv "72,8 %", en "72.8%". */
export function formatPercent(value: number | null, language: TLanguage): string {
  if (value === null) return NO_VALUE;
  return `${oneDecimal(value, language, false)}${SYMBOLS[language].percent}`;
}

/** A difference in percentage points, signed: sv "+3,4 p.e." / "−3,4 p.e.", en "+3.4 pp"; zero has no sign. */
export function formatPoints(value: number | null, language: TLanguage): string {
  if (value === null) return NO_VALUE;
  return `${oneDecimal(value, language, true)}${NBSP}${POINTS_UNIT[language]}`;
}

/** A margin of error (in percentage points; the unit goes in the heading): sv "±6,1", en "±6.1". */
export function formatMargin(value: number | null, language: TLanguage): string {
  if (value === null) return NO_VALUE;
  return `±${oneDecimal(Math.abs(value), language, false)}`;
}

/** Rounds half away from zero to tenths, then writes sign, grouped whole part and decimal. */
function oneDecimal(value: number, language: TLanguage, plus: boolean): string {
  assertFinite(value);
  const tenths = Math.round(Math.abs(value) * 10);
  const whole = group(String(Math.floor(tenths / 10)), language);
  return `${signOf(Math.sign(value) * tenths, language, plus)}${whole}${SYMBOLS[language].decimal}${tenths % 10}`;
}

/** The sign of an already-rounded value, so that −0.04 becomes "0,0" and not "−0,0". */
function signOf(rounded: number, language: TLanguage, plus: boolean): string {
  if (rounded < 0) return SYMBOLS[language].minus;
  return plus && rounded > 0 ? '+' : '';
}

function group(digits: string, language: TLanguage): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, SYMBOLS[language].group);
}

function assertFinite(value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot format ${value}`);
}
