import { createHash, randomInt } from 'node:crypto';
import type { TDb } from '@enkat/db';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app does it: SHA-1, six digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;
// No look-alikes (0/O, 1/I/L), as for invitation codes.
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A new random secret of 160 bits (RFC 4226's recommendation), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads (as a QR code or pasted). */
export function totpUri(secret: string, email: string): string {
  return new TOTP({
    issuer: 'Enkät',
    label: email,
    secret: Secret.fromBase32(secret),
    period: PERIOD_SECONDS,
  }).toString();
}

/**
 * The 30-second step a code belongs to, or null when it is not the code of this step or of the
 * one before or after (a phone's clock may be a little off).
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    period: PERIOD_SECONDS,
    timestamp: now,
    window: 1,
  });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/**
 * Accepts a code once: the step is recorded in the same statement that checks it is later than
 * the last one accepted, so a code seen over someone's shoulder, or sent twice, is refused.
 */
export async function acceptTotpCode(db: TDb, administratorId: string, secret: string, code: string): Promise<boolean> {
  const step = totpStep(secret, code);
  if (step === null) return false;
  const { count } = await db.administrator.updateMany({
    where: { id: administratorId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
export const hashRecoveryCode = (code: string) =>
  createHash('sha256')
    .update(`recovery-code:${normaliseRecoveryCode(code)}`)
    .digest('hex');

/** Ten codes of 12 characters (about 59 bits each) from the operating system's random source. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return [0, 4, 8].map((start) => chars.slice(start, start + 4).join('')).join('-');
  });
}

/** Uses up one recovery code of this administrator; false when it is unknown or already used. */
export async function useRecoveryCode(db: TDb, administratorId: string, code: string): Promise<boolean> {
  const { count } = await db.recoveryCode.updateMany({
    where: { administratorId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}
