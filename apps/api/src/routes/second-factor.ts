import {
  ZAdministrator,
  ZAdministratorIdParams,
  ZConfirmSecondFactorRequest,
  ZNoContent,
  ZRecoveryCodesResponse,
  ZSecondFactorSetup,
  ZStartSecondFactorRequest,
  ZTurnOffSecondFactorRequest,
} from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ADMINISTRATOR_SELECT, toAdministrator } from '../admins/administrators.js';
import { recordAudit } from '../admins/audit.js';
import { verifyPassword } from '../auth/passwords.js';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from '../auth/second-factor.js';
import { signInRules } from '../auth/sign-in-settings.js';
import { AppError } from '../errors/app-error.js';
import { adminOf, ROLES } from '../plugins/app/access.js';
import { ADMIN_PROBLEMS } from './problem-responses.js';

/**
 * The second factor for password sign-in (TOTP, RFC 6238, with one-time recovery codes): each
 * administrator sets up and turns off their own; owners reset someone's (and may require it, in
 * routes/sign-in.ts).
 */
const secondFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/auth/second-factor/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start setting up a second factor (with the password): a new secret for the authenticator app',
        body: ZStartSecondFactorRequest,
        response: { 200: ZSecondFactorSetup, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.everyone }, duringEnrolment: true },
    },
    async (request) => {
      const admin = adminOf(request);
      await checkPassword(admin.id, request.body.password);
      const secret = newTotpSecret();
      const { count } = await app.db.administrator.updateMany({
        where: { id: admin.id, totpSecret: null },
        data: { totpPendingSecret: secret },
      });
      if (count === 0) throw new AppError('conflict', 'A second factor is already set up: turn it off first.');
      return { secret, uri: totpUri(secret, admin.email) };
    },
  );

  app.post(
    '/api/v1/auth/second-factor/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Finish setting up with a first code; answers the recovery codes, this once',
        body: ZConfirmSecondFactorRequest,
        response: { 200: ZRecoveryCodesResponse, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.everyone }, duringEnrolment: true },
    },
    async (request) => {
      const admin = adminOf(request);
      const { totpPendingSecret: secret } = await app.db.administrator.findUniqueOrThrow({
        where: { id: admin.id },
        select: { totpPendingSecret: true },
      });
      if (!secret) throw new AppError('conflict', 'Start the set-up first.');
      const step = totpStep(secret, request.body.code);
      if (step === null) {
        throw new AppError('validation_failed', 'The code does not match: check the app and the phone’s clock.', {
          fields: [{ path: 'body.code', message: 'Wrong code' }],
        });
      }
      const recoveryCodes = newRecoveryCodes();
      await app.db.$transaction(async (tx) => {
        const { count } = await tx.administrator.updateMany({
          where: { id: admin.id, totpPendingSecret: secret, totpSecret: null },
          data: { totpSecret: secret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
        });
        if (count === 0) throw new AppError('conflict', 'The set-up changed meanwhile: start again.');
        await tx.recoveryCode.deleteMany({ where: { administratorId: admin.id } });
        await tx.recoveryCode.createMany({
          data: recoveryCodes.map((code) => ({ administratorId: admin.id, codeHash: hashRecoveryCode(code) })),
        });
        await tx.adminSession.updateMany({ where: { administratorId: admin.id }, data: { enrolmentOnly: false } });
        await recordAudit(tx, {
          actor: admin,
          action: 'second_factor_enabled',
          object: { type: 'administrator', id: admin.id },
        });
      });
      return { recoveryCodes };
    },
  );

  app.post(
    '/api/v1/auth/second-factor/turn-off',
    {
      schema: {
        tags: ['auth'],
        summary: 'Turn off your own second factor (not while the owners require one)',
        body: ZTurnOffSecondFactorRequest,
        response: { 204: ZNoContent, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.everyone } },
    },
    async (request, reply) => {
      const admin = adminOf(request);
      await checkPassword(admin.id, request.body.password);
      if ((await signInRules(app.db)).requireSecondFactor) {
        throw new AppError('conflict', 'The owners require a second factor: it cannot be turned off.');
      }
      await clearSecondFactor(admin.id);
      await recordAudit(app.db, {
        actor: admin,
        action: 'second_factor_disabled',
        object: { type: 'administrator', id: admin.id },
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/administrators/:id/second-factor/reset',
    {
      schema: {
        tags: ['administrators'],
        summary: 'Remove an administrator’s second factor (a lost phone) and end their sessions',
        params: ZAdministratorIdParams,
        response: { 200: ZAdministrator, ...ADMIN_PROBLEMS },
      },
      config: { access: { roles: ROLES.owner } },
    },
    async (request) => {
      const { id } = request.params;
      const exists = await app.db.administrator.findUnique({ where: { id }, select: { id: true } });
      if (!exists) throw new AppError('not_found', 'No such administrator.');
      await clearSecondFactor(id);
      await app.db.adminSession.deleteMany({ where: { administratorId: id } });
      await recordAudit(app.db, {
        actor: adminOf(request),
        action: 'second_factor_reset',
        object: { type: 'administrator', id },
      });
      return toAdministrator(
        await app.db.administrator.findUniqueOrThrow({ where: { id }, select: ADMINISTRATOR_SELECT }),
      );
    },
  );

  /** The second factor guards password sign-in: changing it takes the password. */
  async function checkPassword(administratorId: string, password: string) {
    const row = await app.db.administrator.findUniqueOrThrow({
      where: { id: administratorId },
      select: { passwordHash: true },
    });
    if (!row.passwordHash || !(await verifyPassword(row.passwordHash, password))) {
      throw new AppError('validation_failed', 'The password is wrong.', {
        fields: [{ path: 'body.password', message: 'Wrong password' }],
      });
    }
  }

  async function clearSecondFactor(administratorId: string) {
    await app.db.$transaction([
      app.db.administrator.update({
        where: { id: administratorId },
        data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
      }),
      app.db.recoveryCode.deleteMany({ where: { administratorId } }),
    ]);
  }
};

export default secondFactorRoutes;
