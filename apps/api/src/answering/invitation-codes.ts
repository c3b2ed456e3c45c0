import { createHash, randomInt } from 'node:crypto';

/**
 * Invitation codes: 11 random characters and a check character, shown as "ABCD-EFGH-JKMN".
 * The alphabet leaves out the look-alikes 0/O, 1/I/L, so a code read off paper can be typed.
 * 31 symbols × 11 positions = 54.5 bits from the operating system's CSPRNG; the check
 * character (a weighted sum modulo 31, a prime) catches any single wrong character and any
 * swap of two neighbours before the database is asked.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const RANDOM_LENGTH = 11;
const BASE = CODE_ALPHABET.length;

function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 2) * CODE_ALPHABET.indexOf(body.charAt(i));
  return CODE_ALPHABET.charAt(sum % BASE);
}

/** A new code, in its display form. */
export function generateCode(): string {
  let body = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) body += CODE_ALPHABET.charAt(randomInt(BASE));
  return displayCode(body + checkCharacter(body));
}

function displayCode(normalized: string): string {
  return normalized.match(/.{1,4}/g)?.join('-') ?? normalized;
}

export type TParsedCode = { ok: true; normalized: string } | { ok: false; reason: 'malformed' | 'typo' };

/** Reads a typed code: any case, dashes and spaces ignored; says whether it is a typo. */
export function parseCode(typed: string): TParsedCode {
  const normalized = typed.toUpperCase().replace(/[\s-]/g, '');
  if (normalized.length !== RANDOM_LENGTH + 1) return { ok: false, reason: 'malformed' };
  if ([...normalized].some((c) => !CODE_ALPHABET.includes(c))) return { ok: false, reason: 'malformed' };
  const body = normalized.slice(0, RANDOM_LENGTH);
  if (checkCharacter(body) !== normalized.slice(RANDOM_LENGTH)) return { ok: false, reason: 'typo' };
  return { ok: true, normalized };
}

/**
 * What the database keeps of a code. Plain SHA-256 is enough: the hash only has to keep the
 * code itself out of storage, and nothing in the database links a code to a response.
 */
export function hashCode(normalized: string): string {
  return createHash('sha256').update(`enkat-code:${normalized}`).digest('hex');
}
