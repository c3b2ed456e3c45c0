import type { TDb } from '@enkat/db';
import { AppError } from '../errors/app-error.js';

export type TSignInRules = { requireSecondFactor: boolean; passwordSignIn: boolean; breakGlassOwnerId: string | null };

const DEFAULTS: TSignInRules = { requireSecondFactor: false, passwordSignIn: true, breakGlassOwnerId: null };

/** The platform's sign-in rules (one row; the defaults until an owner changes them). */
export async function signInRules(db: TDb): Promise<TSignInRules> {
  const row = await db.signInSettings.findUnique({
    where: { id: 1 },
    select: { requireSecondFactor: true, passwordSignIn: true, breakGlassOwnerId: true },
  });
  return row ?? DEFAULTS;
}

/**
 * Changes the rules. Password sign-in can be switched off only with single sign-on configured
 * and one break-glass owner named, an active owner with a password, so that a broken provider
 * never locks everyone out.
 */
export async function saveSignInRules(
  db: TDb,
  changes: Partial<TSignInRules>,
  { ssoEnabled }: { ssoEnabled: boolean },
): Promise<TSignInRules> {
  const rules = { ...(await signInRules(db)), ...changes };
  if (!rules.passwordSignIn) {
    if (!ssoEnabled) {
      throw new AppError('conflict', 'Single sign-on is not configured: password sign-in cannot be switched off.');
    }
    const owner = rules.breakGlassOwnerId
      ? await db.administrator.findUnique({
          where: { id: rules.breakGlassOwnerId },
          select: { role: true, disabledAt: true, passwordHash: true },
        })
      : null;
    if (owner?.role !== 'owner' || owner.disabledAt || !owner.passwordHash) {
      throw new AppError('validation_failed', 'Name a break-glass owner: an active owner with a password.', {
        fields: [{ path: 'body.breakGlassOwnerId', message: 'Must be an active owner with a password' }],
      });
    }
  }
  await db.signInSettings.upsert({ where: { id: 1 }, create: { id: 1, ...rules }, update: rules });
  return rules;
}
