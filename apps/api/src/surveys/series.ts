import type { Prisma, TDb } from '@enkat/db';
import {
  agreementOptions,
  BUILT_IN_TEMPLATES,
  importQuestionSet,
  type TQuestionSet,
  type TTemplateId,
  type ZSeriesSource,
} from '@enkat/survey-schema';
import type { z } from 'zod';
import { recordAudit } from '../admins/audit.js';
import { AppError } from '../errors/app-error.js';

type TActor = { id: string; email: string } | null;

function blankQuestionSet(title: string): TQuestionSet {
  return {
    title,
    description: '',
    language: 'sv',
    intro: '',
    closing: 'Tack för dina svar!',
    sections: [
      {
        id: 'del-1',
        title: 'Del 1',
        questions: [
          { id: 'q1', type: 'agreement', text: 'Ny fråga', required: false, options: agreementOptions('sv-4') },
        ],
      },
    ],
  };
}

/** The question set a new series starts from: blank, a built-in template, or an imported document. */
export function startingQuestionSet(name: string, source: z.infer<typeof ZSeriesSource>): TQuestionSet {
  if (source.kind === 'blank') return blankQuestionSet(name);
  if (source.kind === 'template') {
    const template = BUILT_IN_TEMPLATES[source.templateId as TTemplateId];
    if (!template)
      throw new AppError('validation_failed', `No template "${source.templateId}".`, {
        fields: [{ path: 'body.source.templateId', message: 'Unknown template' }],
      });
    return structuredClone(template.questionSet);
  }
  const imported = importQuestionSet(source.document);
  if (!imported.ok) {
    throw new AppError('validation_failed', imported.reason, {
      fields: (imported.issues ?? []).map((issue) => ({
        path: ['body', 'source', 'document', ...issue.path].join('.'),
        message: issue.message,
      })),
    });
  }
  return imported.document.questionSet;
}

/** Creates a series and its first, draft wave, in one transaction. */
export async function createSeriesWithWave(
  db: TDb,
  input: { name: string; waveName: string; questionSet: TQuestionSet },
  actor: TActor,
): Promise<{ seriesId: string; waveId: string }> {
  return db.$transaction(async (tx) => {
    if (await tx.surveySeries.findUnique({ where: { name: input.name }, select: { id: true } })) {
      throw new AppError('conflict', `A survey series named “${input.name}” already exists.`);
    }
    const series = await tx.surveySeries.create({ data: { name: input.name }, select: { id: true, name: true } });
    const wave = await tx.wave.create({
      data: { seriesId: series.id, name: input.waveName, draft: input.questionSet as Prisma.InputJsonValue },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'survey_series_created',
      object: { type: 'survey_series', id: series.id },
      details: { name: series.name },
    });
    await recordAudit(tx, {
      actor,
      action: 'wave_created',
      object: { type: 'wave', id: wave.id },
      details: { name: input.waveName },
    });
    return { seriesId: series.id, waveId: wave.id };
  });
}
