import type { Readable } from 'node:stream';
import { type TWaveResults, ZResultsQuery, ZWaveIdParams } from '@enkat/survey-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../admins/audit.js';
import { csvResponsesStream, csvResultsStream } from '../exports/csv.js';
import { EXPORT_FORMATS } from '../exports/formats.js';
import { exportFromResults, exportHeaderOf } from '../exports/from-results.js';
import { pdfReportStream } from '../exports/pdf-report.js';
import { rawResponses } from '../exports/raw-responses.js';
import { reportFromResults } from '../exports/report-from-results.js';
import { responsesXlsxStream } from '../exports/xlsx-responses.js';
import { resultsXlsxStream } from '../exports/xlsx-results.js';
import { adminOf, ROLES } from '../plugins/app/access.js';
import { buildResults } from '../results/build-results.js';
import { listComments } from '../results/comments.js';
import { lateCodesOf } from '../surveys/code-padding.js';
import { contentDisposition } from './content-disposition.js';
import { ADMIN_PROBLEMS } from './problem-responses.js';

/** The files a wave can be downloaded as. */
export const EXPORT_FILES = [
  'results.xlsx',
  'results.csv',
  'results-excel-sv.csv',
  'report.pdf',
  'responses.xlsx',
  'responses.csv',
  'comments.csv',
] as const;
type TExportFile = (typeof EXPORT_FILES)[number];

const ZExportParams = ZWaveIdParams.extend({ file: z.enum(EXPORT_FILES) });

const FORMAT_OF = {
  'results.xlsx': EXPORT_FORMATS.xlsx,
  'results.csv': EXPORT_FORMATS.csv,
  'results-excel-sv.csv': EXPORT_FORMATS.csv,
  'report.pdf': EXPORT_FORMATS.pdf,
  'responses.xlsx': EXPORT_FORMATS.xlsx,
  'responses.csv': EXPORT_FORMATS.csv,
  'comments.csv': EXPORT_FORMATS.csv,
} as const satisfies Record<TExportFile, (typeof EXPORT_FORMATS)[keyof typeof EXPORT_FORMATS]>;

/** What a downloaded file is called after the survey's title, in the export's language. */
const FILE_WORD = {
  sv: {
    'results.xlsx': 'resultat',
    'results.csv': 'resultat',
    'results-excel-sv.csv': 'resultat-excel',
    'report.pdf': 'rapport',
    'responses.xlsx': 'svar',
    'responses.csv': 'svar',
    'comments.csv': 'kommentarer',
  },
  en: {
    'results.xlsx': 'results',
    'results.csv': 'results',
    'results-excel-sv.csv': 'results-excel-sv',
    'report.pdf': 'report',
    'responses.xlsx': 'responses',
    'responses.csv': 'responses',
    'comments.csv': 'comments',
  },
} as const satisfies Record<'sv' | 'en', Record<TExportFile, string>>;

/**
 * A wave's exports: the results tables (XLSX, CSV, Swedish Excel CSV, PDF report), built from
 * the same suppressed results as the page, and the anonymized raw responses (XLSX, CSV; the
 * comments on a sheet of their own, or in comments.csv) in random order without timestamps.
 * Every download is streamed and recorded in the audit log (which file, which breakdown;
 * nothing about respondents).
 */
const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/waves/:id/exports/:file',
    {
      schema: {
        tags: ['results'],
        summary: 'Download a wave’s results (XLSX, CSV, PDF) or its anonymized responses (XLSX, CSV)',
        params: ZExportParams,
        querystring: ZResultsQuery,
        response: {
          200: z.string().meta({ format: 'binary', description: 'The file, streamed' }),
          ...ADMIN_PROBLEMS,
        },
      },
      config: { access: { roles: ROLES.everyone } },
    },
    async (request, reply) => {
      const { id, file } = request.params;
      const { breakdown, lang } = request.query;
      const { stream, title, language } = await exportStream(file, id, { breakdown, lang });
      await recordAudit(app.db, {
        actor: adminOf(request),
        action: 'results_exported',
        object: { type: 'wave', id },
        details: { file, ...(breakdown ? { breakdown } : {}) },
      });
      const format = FORMAT_OF[file];
      const word = FILE_WORD[language === 'en' ? 'en' : 'sv'][file];
      return (
        reply
          .header('content-type', format.contentType)
          .header('content-disposition', contentDisposition(`${title} ${word}.${format.extension}`))
          .header('cache-control', 'no-store')
          // The 200 schema describes the bytes for the OpenAPI document; Fastify pipes a stream unserialized.
          .send(stream as unknown as string)
      );
    },
  );

  /** Everything that can fail (404, 409, 422) happens here, before a byte is sent. */
  async function exportStream(
    file: TExportFile,
    waveId: string,
    query: { breakdown?: string | undefined; lang?: 'sv' | 'en' | undefined },
  ): Promise<{ stream: Readable; title: string; language: string }> {
    if (file === 'responses.xlsx' || file === 'responses.csv' || file === 'comments.csv') {
      const { wave, responses, comments } = await rawResponses(app.db, waveId, { lang: query.lang });
      const header = exportHeaderOf({
        wave: { series: wave.series, name: wave.name },
        language: query.lang ?? wave.questionSet.language,
        minGroupSize: wave.settings.minGroupSize,
        lateCodes: await lateCodesOf(app.db, wave),
      });
      const stream =
        file === 'responses.xlsx'
          ? responsesXlsxStream({ header, responses, comments })
          : csvResponsesStream({
              header,
              responses: file === 'comments.csv' ? comments : responses,
              dialect: 'rfc4180',
            });
      return { stream, title: header.title, language: header.language };
    }
    const results = await buildResults(app.db, waveId, query);
    if (file === 'report.pdf') {
      const { header, questions } = reportFromResults(results, await reportComments(waveId, results));
      return { stream: pdfReportStream({ header, questions }), title: header.title, language: header.language };
    }
    const { header, tables } = exportFromResults(results);
    const stream =
      file === 'results.xlsx'
        ? resultsXlsxStream({ header, tables })
        : csvResultsStream({ header, tables, dialect: file === 'results.csv' ? 'rfc4180' : 'excel-sv' });
    return { stream, title: header.title, language: header.language };
  }

  /**
   * The comments of each free-text question the results show comments for, through the same
   * listing as the results page (its rules checked again, the stored text after any removal).
   */
  async function reportComments(waveId: string, results: TWaveResults): Promise<Map<string, string[]>> {
    const shown = results.questions.filter((q) => q.type === 'free_text' && q.commentsShown);
    const lists = await Promise.all(shown.map((q) => listComments(app.db, waveId, q.questionId, { flag: false })));
    return new Map(lists.map((list) => [list.questionId, list.comments.map((comment) => comment.text)]));
  }
};

export default exportRoutes;
