import type { Prisma, TDb } from '@enkat/db';
import type { TAdministrator, TAdminRole } from '@enkat/survey-schema';
import { hashPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { AppError } from '../errors/app-error.js';
import { recordAudit } from './audit.js';

export const SETUP_LINK_DAYS = 7;

export const ADMINISTRATOR_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  createdAt: true,
  disabledAt: true,
  passwordHash: true,
  totpEnabledAt: true,
} as const satisfies Prisma.AdministratorSelect;

type TAdministratorRow = Prisma.AdministratorGetPayload<{ select: typeof ADMINISTRATOR_SELECT }>;
type TActor = { id: string; email: string } | null;

export function toAdministrator(row: TAdministratorRow): TAdministrator {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    disabled: row.disabledAt !== null,
    active: row.passwordHash !== null,
    secondFactor: row.totpEnabledAt !== null,
  };
}

export async function listAdministrators(db: TDb): Promise<TAdministrator[]> {
  const rows = await db.administrator.findMany({ select: ADMINISTRATOR_SELECT, orderBy: { createdAt: 'asc' } });
  return rows.map(toAdministrator);
}

export type TSetupLink = { administrator: TAdministrator; token: string; expiresAt: Date };

function newSetupToken() {
  const token = newToken();
  return { token, hash: hashToken(token), expiresAt: new Date(Date.now() + SETUP_LINK_DAYS * 86_400_000) };
}

/** Invites an administrator: the account exists at once, the password is chosen through the link. */
export async function createAdministrator(
  db: TDb,
  input: { email: string; name: string; role: TAdminRole },
  actor: TActor,
): Promise<TSetupLink> {
  const setup = newSetupToken();
  return db.$transaction(async (tx) => {
    const existing = await tx.administrator.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new AppError('conflict', `An administrator with the e-mail ${input.email} already exists.`);
    const row = await tx.administrator.create({
      data: { ...input, setupTokenHash: setup.hash, setupExpiresAt: setup.expiresAt },
      select: ADMINISTRATOR_SELECT,
    });
    await recordAudit(tx, {
      actor,
      action: 'administrator_created',
      object: { type: 'administrator', id: row.id },
      details: { email: row.email, role: row.role },
    });
    return { administrator: toAdministrator(row), token: setup.token, expiresAt: setup.expiresAt };
  });
}

/** A new one-time setup link (also the way to reset a forgotten password); old sessions end. */
export async function issueSetupLink(db: TDb, id: string, actor: TActor): Promise<TSetupLink> {
  const setup = newSetupToken();
  return db.$transaction(async (tx) => {
    const row = await tx.administrator
      .update({
        where: { id },
        data: { setupTokenHash: setup.hash, setupExpiresAt: setup.expiresAt },
        select: ADMINISTRATOR_SELECT,
      })
      .catch(() => {
        throw new AppError('not_found', 'No such administrator.');
      });
    await recordAudit(tx, { actor, action: 'administrator_setup_link', object: { type: 'administrator', id } });
    return { administrator: toAdministrator(row), token: setup.token, expiresAt: setup.expiresAt };
  });
}

/**
 * The administrator a setup link belongs to, or a refusal: 404 when the link is unknown or
 * already used (a used link's hash is gone), 410 when it has expired. Reads only.
 */
export async function setupTokenHolder(db: TDb | Prisma.TransactionClient, token: string) {
  const row = await db.administrator.findUnique({
    where: { setupTokenHash: hashToken(token) },
    select: { id: true, email: true, setupExpiresAt: true },
  });
  if (!row?.setupExpiresAt) {
    throw new AppError('not_found', 'This setup link is unknown, used or expired: ask an owner for a new one.');
  }
  if (row.setupExpiresAt.getTime() < Date.now()) {
    throw new AppError('gone', 'This setup link has expired: ask an owner for a new one.');
  }
  return row;
}

/** Sets the password through a setup link; the link works once, and every session ends. */
export async function setPasswordWithSetupToken(db: TDb, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const row = await setupTokenHolder(tx, token);
    await tx.administrator.update({
      where: { id: row.id },
      data: { passwordHash, passwordChangedAt: new Date(), setupTokenHash: null, setupExpiresAt: null },
    });
    await tx.adminSession.deleteMany({ where: { administratorId: row.id } });
    await recordAudit(tx, {
      actor: { id: row.id, email: row.email },
      action: 'password_set',
      object: { type: 'administrator', id: row.id },
    });
  });
}

/** Renames, changes the role of, disables or re-enables an administrator; keeps at least one active owner. */
export async function updateAdministrator(
  db: TDb,
  id: string,
  changes: { name?: string | undefined; role?: TAdminRole | undefined; disabled?: boolean | undefined },
  actor: TActor,
): Promise<TAdministrator> {
  return db.$transaction(async (tx) => {
    const before = await tx.administrator.findUnique({ where: { id }, select: ADMINISTRATOR_SELECT });
    if (!before) throw new AppError('not_found', 'No such administrator.');
    const losesOwner =
      before.role === 'owner' &&
      before.disabledAt === null &&
      ((changes.role && changes.role !== 'owner') || changes.disabled === true);
    if (losesOwner) {
      const owners = await tx.administrator.count({ where: { role: 'owner', disabledAt: null } });
      if (owners <= 1) throw new AppError('conflict', 'The last active owner cannot be demoted or disabled.');
    }
    const row = await tx.administrator.update({
      where: { id },
      data: {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.disabled !== undefined
          ? { disabledAt: changes.disabled ? (before.disabledAt ?? new Date()) : null }
          : {}),
      },
      select: ADMINISTRATOR_SELECT,
    });
    if (changes.disabled) await tx.adminSession.deleteMany({ where: { administratorId: id } });
    await recordAudit(tx, {
      actor,
      action: 'administrator_updated',
      object: { type: 'administrator', id },
      details: Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Record<
        string,
        string | boolean
      >,
    });
    return toAdministrator(row);
  });
}
