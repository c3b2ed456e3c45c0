import { createHash } from 'node:crypto';
import type { TDb } from '@enkat/db';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 10;

export type TThrottleKeys = { account: string; client: string };

/**
 * Failed logins are counted in PostgreSQL, per account and per client, over a sliding 15-minute
 * window, so the limit holds across API processes. There is no permanent lockout: once the
 * window has passed the account's owner can log in again, whatever an attacker did.
 */
export function throttleKeys(email: string, clientAddress: string): TThrottleKeys {
  // The client's address is only ever stored hashed, and only for administrator logins.
  const client = createHash('sha256').update(`login-client:${clientAddress}`).digest('hex');
  return { account: `account:${email}`, client: `client:${client}` };
}

/** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
export async function retryAfterSeconds(db: TDb, keys: TThrottleKeys, clientLimit: number): Promise<number> {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  let wait = 0;
  for (const [key, limit] of [
    [keys.account, ACCOUNT_FAILURE_LIMIT],
    [keys.client, clientLimit],
  ] as const) {
    const recent = await db.loginFailure.findMany({
      where: { key, at: { gt: since } },
      select: { at: true },
      orderBy: { at: 'desc' },
      take: limit,
    });
    if (recent.length < limit) continue;
    // The oldest of the last `limit` failures must leave the window before another try.
    const oldest = recent[recent.length - 1]?.at.getTime() ?? Date.now();
    wait = Math.max(wait, Math.ceil((oldest + THROTTLE_WINDOW_MS - Date.now()) / 1000));
  }
  return wait;
}

export async function recordFailure(db: TDb, keys: TThrottleKeys): Promise<void> {
  await db.$transaction([
    db.loginFailure.deleteMany({ where: { at: { lt: new Date(Date.now() - THROTTLE_WINDOW_MS) } } }),
    db.loginFailure.createMany({ data: [{ key: keys.account }, { key: keys.client }] }),
  ]);
}

export async function clearAccountFailures(db: TDb, keys: TThrottleKeys): Promise<void> {
  await db.loginFailure.deleteMany({ where: { key: keys.account } });
}
