import { createHash } from 'node:crypto';
import type { TDb } from '@enkat/db';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** The backstop's window: long, so that slow guessing from many addresses adds up. */
export const BACKSTOP_WINDOW_MS = 24 * 60 * 60_000;
/** Wrong guesses one client may make for one account in the window. */
export const PAIR_FAILURE_LIMIT = 10;
/** ... and while the account is under distributed attack (the backstop has tripped). */
export const GUARDED_PAIR_FAILURE_LIMIT = 1;

export type TThrottleLimits = {
  /** Failures from one client, over all accounts, in the 15-minute window. */
  client: number;
  /** Failures for one account from all clients in 24 hours before the backstop trips. */
  account: number;
};

export type TThrottleKeys = { account: string; client: string };

/**
 * Failed logins are counted in PostgreSQL, so every API process sees the same counts. Three
 * limits, none of which can keep an administrator out of their own account from a client that
 * has not been failing:
 * - per client, over all accounts (someone trying many e-mails);
 * - per account and client (someone guessing one administrator's password);
 * - the backstop, per account over all clients and a whole day (guessing spread over many
 *   addresses): once tripped, each client gets one wrong guess for that account per window
 *   instead of ten. A client with no failures is still let through, so the right password
 *   (and second factor) works while the attack goes on.
 * Nothing is permanent: every failure leaves its window.
 */
export function throttleKeys(email: string, clientAddress: string): TThrottleKeys {
  // The client's address is only ever stored hashed, and only for administrator logins.
  const client = createHash('sha256').update(`login-client:${clientAddress}`).digest('hex');
  return { account: email, client };
}

/** Seconds until this client may try this account again, or 0 when it may now. */
export async function retryAfterSeconds(db: TDb, keys: TThrottleKeys, limits: TThrottleLimits): Promise<number> {
  const now = Date.now();
  const since = new Date(now - THROTTLE_WINDOW_MS);
  const guarded =
    (await db.loginFailure.count({
      where: { account: keys.account, at: { gt: new Date(now - BACKSTOP_WINDOW_MS) } },
    })) >= limits.account;
  const checks = [
    { where: { client: keys.client }, limit: limits.client },
    {
      where: { client: keys.client, account: keys.account },
      limit: guarded ? GUARDED_PAIR_FAILURE_LIMIT : PAIR_FAILURE_LIMIT,
    },
  ];
  let wait = 0;
  for (const { where, limit } of checks) {
    const recent = await db.loginFailure.findMany({
      where: { ...where, at: { gt: since } },
      select: { at: true },
      orderBy: { at: 'desc' },
      take: limit,
    });
    if (recent.length < limit) continue;
    // The oldest of the last `limit` failures must leave the window before another try.
    const oldest = recent[recent.length - 1]?.at.getTime() ?? now;
    wait = Math.max(wait, Math.ceil((oldest + THROTTLE_WINDOW_MS - now) / 1000));
  }
  return wait;
}

export async function recordFailure(db: TDb, keys: TThrottleKeys): Promise<void> {
  await db.$transaction([
    db.loginFailure.deleteMany({ where: { at: { lt: new Date(Date.now() - BACKSTOP_WINDOW_MS) } } }),
    db.loginFailure.create({ data: { account: keys.account, client: keys.client } }),
  ]);
}

/**
 * After a successful login, this client's failures for this account are forgiven. Failures from
 * other clients stay: a login must not wipe the traces of someone else's guessing.
 */
export async function clearClientFailures(db: TDb, keys: TThrottleKeys): Promise<void> {
  await db.loginFailure.deleteMany({ where: { account: keys.account, client: keys.client } });
}
