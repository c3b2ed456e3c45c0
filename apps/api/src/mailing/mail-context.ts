import type { TDb } from '@enkat/db';
import { type TMailingMode, type TMailKind, type TMailTemplate, ZQuestionSet } from '@enkat/survey-schema';
import { AppError } from '../errors/app-error.js';
import { templatesOf } from './mailing-store.js';
import {
  ALREADY_ANSWERED_EN,
  ALREADY_ANSWERED_SV,
  renderTemplate,
  respondentLink,
  type TMailLanguage,
} from './templates.js';

const stockholm = (date: Date, language: TMailLanguage) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(date);

export type TMailContext = {
  mode: TMailingMode;
  template: TMailTemplate;
  slug: string;
  title: string;
  closes: string;
  sealedList: Uint8Array | null;
};

/** Everything a mail of a wave says, but the code and the link's fragment. */
export async function mailContext(db: TDb, waveId: string, kind: TMailKind): Promise<TMailContext> {
  const [wave, mailing] = await Promise.all([
    db.wave.findUnique({
      where: { id: waveId },
      select: { slug: true, closesAt: true, draft: true, version: { select: { content: true } } },
    }),
    db.mailing.findUnique({ where: { waveId } }),
  ]);
  if (!wave) throw new AppError('not_found', 'No such wave.');
  if (!mailing) throw new AppError('conflict', 'Choose the participation mode (tracked or blind) first.');
  const language: TMailLanguage = mailing.language === 'en' ? 'en' : 'sv';
  let template = templatesOf(mailing.templates, language)[kind];
  const thanks = language === 'en' ? ALREADY_ANSWERED_EN : ALREADY_ANSWERED_SV;
  if (kind === 'reminder' && mailing.mode === 'blind' && !template.body.includes(thanks)) {
    // Blind reminders go to everyone: those who answered must be told they are done.
    template = { ...template, body: `${template.body}\n\n${thanks}` };
  }
  return {
    mode: mailing.mode,
    template,
    slug: wave.slug ?? '',
    title: ZQuestionSet.parse(wave.version?.content ?? wave.draft).title,
    closes: wave.closesAt ? stockholm(wave.closesAt, language) : '',
    sealedList: mailing.sealedList,
  };
}

/** One mail of the wave as its recipient reads it: the code (an invitation's) in its text and link. */
export function renderMail(
  context: TMailContext,
  { publicOrigin, code, slug = context.slug }: { publicOrigin: string; code: string | undefined; slug?: string },
): TMailTemplate {
  return renderTemplate(context.template, {
    title: context.title,
    closes: context.closes,
    link: respondentLink(publicOrigin, slug, code),
    ...(code ? { code } : {}),
  });
}
