import type { TDb } from '@enkat/db';
import { ADMINISTRATOR_SELECT } from '../admins/administrators.js';
import { recordAudit } from '../admins/audit.js';
import { AppError } from '../errors/app-error.js';
import { recordFailure, type TThrottleKeys } from './login-throttle.js';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { acceptTotpCode, useRecoveryCode } from './second-factor.js';
import type { TSignInRules } from './sign-in-settings.js';

export type TPasswordSignIn = { email: string; password: string; code?: string; recoveryCode?: string | undefined };

/**
 * The administrator a password sign-in (with its second factor, where one is set up) proves, or
 * an AppError; every wrong password or code is recorded for the throttle and the audit log.
 * The caller has checked the throttle first.
 */
export async function checkPasswordSignIn(
  db: TDb,
  input: TPasswordSignIn,
  { keys, rules }: { keys: TThrottleKeys; rules: TSignInRules },
) {
  const { email, password, code, recoveryCode } = input;
  const row = await db.administrator.findUnique({
    where: { email },
    select: { ...ADMINISTRATOR_SELECT, totpSecret: true },
  });
  if (!rules.passwordSignIn && (!row || row.id !== rules.breakGlassOwnerId)) {
    throw new AppError('forbidden', 'Password sign-in is switched off: sign in through your organisation.', {
      reason: 'password_sign_in_off',
    });
  }
  const valid = await verifyPassword(row?.passwordHash ?? (await decoyHash()), password);
  if (!row?.passwordHash || !valid || row.disabledAt) {
    await recordFailure(db, keys);
    await recordAudit(db, { actor: null, action: 'login_failed', details: { email } });
    throw new AppError('unauthenticated', 'Wrong e-mail or password, or the account is disabled.');
  }
  if (needsRehash(row.passwordHash)) {
    await db.administrator.update({ where: { id: row.id }, data: { passwordHash: await hashPassword(password) } });
  }
  if (!row.totpSecret) return row;
  if (!code && !recoveryCode) {
    // The password was right; say so only to ask for the code. Not counted as a failure.
    throw new AppError('unauthenticated', 'Enter the code from your authenticator app.', {
      reason: 'second_factor_required',
    });
  }
  const accepted = code
    ? await acceptTotpCode(db, row.id, row.totpSecret, code)
    : await useRecoveryCode(db, row.id, recoveryCode ?? '');
  if (!accepted) {
    await recordFailure(db, keys);
    await recordAudit(db, { actor: null, action: 'login_failed', details: { email, secondFactor: true } });
    throw new AppError('unauthenticated', 'Wrong or already used code.', { reason: 'second_factor_invalid' });
  }
  if (!code) {
    await recordAudit(db, {
      actor: row,
      action: 'recovery_code_used',
      object: { type: 'administrator', id: row.id },
      details: { left: await db.recoveryCode.count({ where: { administratorId: row.id, usedAt: null } }) },
    });
  }
  return row;
}
