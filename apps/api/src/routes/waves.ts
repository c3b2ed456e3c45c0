import {
  exportQuestionSet,
  ZCorrectOpenWaveRequest,
  ZProblem,
  ZQuestionSetDocument,
  ZRevisionRequest,
  ZSaveQuestionSetRequest,
  ZSaveWaveSettingsRequest,
  ZWave,
  ZWaveIdParams,
} from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deleteClosedBlindLists } from '../mailing/housekeeping.js';
import { adminOf, ROLES } from '../plugins/app/access.js';
import { correctOpenWave } from '../surveys/open-wave-corrections.js';
import { closeWave, publishWave, saveQuestionSet, saveSettings } from '../surveys/wave-lifecycle.js';
import { loadWave } from '../surveys/wave-view.js';
import { contentDisposition } from './content-disposition.js';

const problems = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZProblem,
  413: ZProblem,
  422: ZProblem,
};

/** One wave: read it, edit its draft (with a revision number), publish (freeze) and close it. */
const waveRoutes: FastifyPluginAsyncZod = async (app) => {
  const params = ZWaveIdParams;

  app.get(
    '/api/v1/waves/:id',
    {
      schema: {
        tags: ['surveys'],
        summary: 'A wave with its question set',
        params,
        response: { 200: ZWave, ...problems },
      },
      config: { access: { roles: ROLES.everyone } },
    },
    async (request) => loadWave(app.db, request.params.id),
  );

  app.get(
    '/api/v1/waves/:id/export',
    {
      schema: {
        tags: ['surveys'],
        summary: 'The question set as a versioned JSON document',
        params,
        response: { 200: ZQuestionSetDocument, ...problems },
      },
      config: { access: { roles: ROLES.everyone } },
    },
    async (request, reply) => {
      const wave = await loadWave(app.db, request.params.id);
      const filename = `${wave.series.name}-${wave.name}.json`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
      reply.header('content-disposition', contentDisposition(filename));
      return exportQuestionSet(wave.questionSet);
    },
  );

  app.put(
    '/api/v1/waves/:id/question-set',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Save the draft question set',
        params,
        body: ZSaveQuestionSetRequest,
        response: { 200: ZWave, ...problems },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request) => {
      await saveQuestionSet(
        app.db,
        request.params.id,
        request.body.revision,
        request.body.questionSet,
        adminOf(request),
      );
      return loadWave(app.db, request.params.id);
    },
  );

  app.put(
    '/api/v1/waves/:id/settings',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Save the draft wave’s settings',
        params,
        body: ZSaveWaveSettingsRequest,
        response: { 200: ZWave, ...problems },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request) => {
      await saveSettings(app.db, request.params.id, request.body.revision, request.body.settings, adminOf(request));
      return loadWave(app.db, request.params.id);
    },
  );

  app.put(
    '/api/v1/waves/:id/open-settings',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Correct an open wave: extend or move its closing time, fix the number invited (audited)',
        params,
        body: ZCorrectOpenWaveRequest,
        response: { 200: ZWave, ...problems },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request) => {
      await correctOpenWave(app.db, request.params.id, request.body, adminOf(request));
      return loadWave(app.db, request.params.id);
    },
  );

  app.post(
    '/api/v1/waves/:id/publish',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Publish: freeze the question set and open the wave',
        params,
        body: ZRevisionRequest,
        response: { 200: ZWave, ...problems },
      },
      config: { access: { roles: ROLES.editors } },
    },
    async (request) => {
      await publishWave(app.db, request.params.id, request.body.revision, adminOf(request));
      return loadWave(app.db, request.params.id);
    },
  );

  app.post(
    '/api/v1/waves/:id/close',
    {
      schema: { tags: ['surveys'], summary: 'Close a published wave', params, response: { 200: ZWave, ...problems } },
      config: { access: { roles: ROLES.editors } },
    },
    async (request) => {
      await closeWave(app.db, app.keys, request.params.id, adminOf(request));
      // A blind mailing's sealed list goes with the close (the housekeeping would catch it too).
      await deleteClosedBlindLists(app.db);
      return loadWave(app.db, request.params.id);
    },
  );
};

export default waveRoutes;
