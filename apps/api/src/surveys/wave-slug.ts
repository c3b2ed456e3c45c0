import { randomInt } from 'node:crypto';

const SLUG_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * The short part of a published wave's respondent address (/s/k7m3p9ta): easy to type from
 * a printed sheet, and random (31⁸ ≈ 8.5 × 10¹¹), so addresses cannot be guessed in order.
 */
export function newWaveSlug(): string {
  let slug = '';
  for (let i = 0; i < 8; i++) slug += SLUG_ALPHABET.charAt(randomInt(SLUG_ALPHABET.length));
  return slug;
}
