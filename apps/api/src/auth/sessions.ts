import type { TDb } from '@enkat/db';
import type { TAdminRole } from '@enkat/survey-schema';
import { hashToken, newToken } from './tokens.js';

export type TSessionPolicy = { idleMinutes: number; maxHours: number };

export type TAdminPrincipal = {
  id: string;
  email: string;
  name: string;
  role: TAdminRole;
  sessionId: string;
  /** The session may only set up the second factor the owners require (see access.ts). */
  enrolmentOnly: boolean;
};

// Writing lastSeenAt on every request would turn reads into writes; a minute's slack is harmless.
const TOUCH_AFTER_MS = 60_000;

export async function createSession(
  db: TDb,
  administratorId: string,
  policy: TSessionPolicy,
  { enrolmentOnly = false }: { enrolmentOnly?: boolean } = {},
): Promise<string> {
  const token = newToken();
  await db.adminSession.create({
    data: {
      tokenHash: hashToken(token),
      administratorId,
      enrolmentOnly,
      expiresAt: new Date(Date.now() + policy.maxHours * 3_600_000),
    },
  });
  return token;
}

/** The administrator behind a session token, or null when it is unknown, idle, expired or disabled. */
export async function findSession(db: TDb, token: string, policy: TSessionPolicy): Promise<TAdminPrincipal | null> {
  const session = await db.adminSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      enrolmentOnly: true,
      administrator: { select: { id: true, email: true, name: true, role: true, disabledAt: true } },
    },
  });
  if (!session) return null;
  const now = Date.now();
  const idle = now - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000;
  if (idle || session.expiresAt.getTime() <= now || session.administrator.disabledAt) {
    await db.adminSession.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.adminSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { disabledAt: _, ...administrator } = session.administrator;
  return { ...administrator, sessionId: session.id, enrolmentOnly: session.enrolmentOnly };
}

export async function deleteSession(db: TDb, sessionId: string): Promise<void> {
  await db.adminSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of the administrator except the one given (after a password change). */
export async function deleteOtherSessions(db: TDb, administratorId: string, keepSessionId?: string): Promise<void> {
  await db.adminSession.deleteMany({
    where: { administratorId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
}
