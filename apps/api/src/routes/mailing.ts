import {
  ZMailing,
  ZPreviewMailRequest,
  ZPreviewMailResponse,
  ZProblem,
  ZSaveTemplatesRequest,
  ZScheduleSendRequest,
  ZSendIdParams,
  ZSetMailingModeRequest,
  ZTestMailResponse,
  ZUploadRecipientsRequest,
  ZUploadRecipientsResponse,
  ZWaveIdParams,
} from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../admins/audit.js';
import { AppError } from '../errors/app-error.js';
import {
  cancelSend,
  deleteRecipients,
  mailingStatus,
  saveTemplates,
  scheduleSend,
  setMailingMode,
  uploadRecipients,
} from '../mailing/mailing-store.js';
import { previewMail } from '../mailing/preview.js';
import { adminOf, ROLES } from '../plugins/app/access.js';
import { ADMIN_PROBLEMS } from './problem-responses.js';

/** A list of 100,000 addresses with room to spare. */
const RECIPIENTS_BODY_LIMIT = 16 * 1024 * 1024;

/** A wave's e-mail invitations and reminders: editors manage them; the codes are never shown. */
const mailingRoutes: FastifyPluginAsyncZod<{ publicOrigin: string }> = async (app, { publicOrigin }) => {
  const params = ZWaveIdParams;
  const editors = { access: { roles: ROLES.editors } } as const;
  const sendingOff = () =>
    new AppError('conflict', app.mailer.message, { fields: [{ path: 'smtp', message: 'SMTP_HOST is not set' }] });
  const status = () => ({
    enabled: app.mailer.enabled,
    message: app.mailer.message,
    ratePerSecond: app.mailer.ratePerSecond,
  });

  app.get(
    '/api/v1/waves/:id/mailing',
    {
      schema: {
        tags: ['mailing'],
        summary: 'Mode, templates, list size and the counts of every send',
        params,
        response: { 200: ZMailing, ...ADMIN_PROBLEMS },
      },
      config: editors,
    },
    async (request) => mailingStatus(app.db, request.params.id, status()),
  );

  app.put(
    '/api/v1/waves/:id/mailing/mode',
    {
      schema: {
        tags: ['mailing'],
        summary: 'Choose tracked or blind participation (until the first send)',
        params,
        body: ZSetMailingModeRequest,
        response: { 200: ZMailing, ...ADMIN_PROBLEMS },
      },
      config: editors,
    },
    async (request) => {
      await setMailingMode(app.db, request.params.id, request.body.mode, adminOf(request));
      return mailingStatus(app.db, request.params.id, status());
    },
  );

  app.post(
    '/api/v1/waves/:id/mailing/recipients',
    {
      schema: {
        tags: ['mailing'],
        summary: 'Upload the recipient list (one address a line, or CSV with an e-mail column)',
        params,
        body: ZUploadRecipientsRequest,
        response: { 200: ZUploadRecipientsResponse, 413: ZProblem, ...ADMIN_PROBLEMS },
      },
      bodyLimit: RECIPIENTS_BODY_LIMIT,
      config: editors,
    },
    async (request, reply) => {
      const result = await uploadRecipients(app.db, app.keys, request.params.id, request.body.text, adminOf(request));
      return reply.header('cache-control', 'no-store').send(result);
    },
  );

  app.delete(
    '/api/v1/waves/:id/mailing/recipients',
    {
      schema: {
        tags: ['mailing'],
        summary: 'Delete the recipient list (until the first send)',
        params,
        response: { 204: z.null(), ...ADMIN_PROBLEMS },
      },
      config: editors,
    },
    async (request, reply) => {
      await deleteRecipients(app.db, request.params.id, adminOf(request));
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/waves/:id/mailing/templates',
    {
      schema: {
        tags: ['mailing'],
        summary: 'Save the invitation and reminder texts in one language',
        params,
        body: ZSaveTemplatesRequest,
        response: { 200: ZMailing, ...ADMIN_PROBLEMS },
      },
      config: editors,
    },
    async (request) => {
      const { language, templates } = request.body;
      await saveTemplates(app.db, request.params.id, language, templates, adminOf(request));
      return mailingStatus(app.db, request.params.id, status());
    },
  );

  app.post(
    '/api/v1/waves/:id/mailing/preview',
    {
      schema: {
        tags: ['mailing'],
        summary: 'The invitation or reminder as a recipient reads it, with an example code',
        params,
        body: ZPreviewMailRequest,
        response: { 200: ZPreviewMailResponse, ...ADMIN_PROBLEMS },
      },
      config: editors,
    },
    async (request) => previewMail(app.db, request.params.id, request.body.kind, publicOrigin),
  );

  app.post(
    '/api/v1/waves/:id/mailing/test',
    {
      schema: {
        tags: ['mailing'],
        summary: 'Mail the preview to the editor’s own address',
        params,
        body: ZPreviewMailRequest,
        response: { 200: ZTestMailResponse, ...ADMIN_PROBLEMS, 502: ZProblem },
      },
      config: editors,
    },
    async (request) => {
      if (!app.mailer.enabled) throw sendingOff();
      const admin = adminOf(request);
      const preview = await previewMail(app.db, request.params.id, request.body.kind, publicOrigin);
      const outcome = await app.mailer.sendOne({ to: admin.email, subject: preview.subject, text: preview.body });
      if (outcome.kind !== 'sent') {
        throw new AppError('conflict', `The mail server refused the test mail: ${outcome.reason}`);
      }
      await recordAudit(app.db, {
        actor: admin,
        action: 'mail_test_sent',
        object: { type: 'wave', id: request.params.id },
        details: { kind: request.body.kind },
      });
      return { to: admin.email };
    },
  );

  app.post(
    '/api/v1/waves/:id/mailing/sends',
    {
      schema: {
        tags: ['mailing'],
        summary: 'Schedule the invitation (default: at opening) or a reminder (default: now)',
        params,
        body: ZScheduleSendRequest,
        response: { 201: ZMailing, ...ADMIN_PROBLEMS },
      },
      config: editors,
    },
    async (request, reply) => {
      if (!app.mailer.enabled) throw sendingOff();
      const { kind, at } = request.body;
      const send = await scheduleSend(app.db, request.params.id, kind, at ? new Date(at) : undefined, adminOf(request));
      await app.mailer.schedule(send.id, send.scheduledAt);
      return reply.status(201).send(await mailingStatus(app.db, request.params.id, status()));
    },
  );

  app.post(
    '/api/v1/waves/:id/mailing/sends/:sendId/cancel',
    {
      schema: {
        tags: ['mailing'],
        summary: 'Cancel a send that has not started',
        params: ZSendIdParams,
        response: { 200: ZMailing, ...ADMIN_PROBLEMS },
      },
      config: editors,
    },
    async (request) => {
      await cancelSend(app.db, request.params.id, request.params.sendId, adminOf(request));
      return mailingStatus(app.db, request.params.id, status());
    },
  );
};

export default mailingRoutes;
