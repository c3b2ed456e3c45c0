import type { TDb } from '@enkat/db';
import { createAdministrator, issueSetupLink } from './administrators.js';

/**
 * On a database without an owner who can log in, makes (or re-invites) the first owner and
 * answers the one-time setup link; null when an owner already has a password.
 */
export async function seedFirstOwner(db: TDb, email: string): Promise<{ email: string; setupPath: string } | null> {
  const activeOwner = await db.administrator.findFirst({
    where: { role: 'owner', disabledAt: null, passwordHash: { not: null } },
    select: { id: true },
  });
  if (activeOwner) return null;
  const pending = await db.administrator.findFirst({
    where: { role: 'owner', disabledAt: null },
    select: { id: true },
  });
  const link = pending
    ? await issueSetupLink(db, pending.id, null)
    : await createAdministrator(db, { email, name: 'Administratör', role: 'owner' }, null);
  return { email: link.administrator.email, setupPath: `/admin/setup#${link.token}` };
}
