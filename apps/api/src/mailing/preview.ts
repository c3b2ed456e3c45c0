import type { TDb } from '@enkat/db';
import type { TMailKind, TPreviewMailResponse } from '@enkat/survey-schema';
import { mailContext } from './mail-context.js';
import { renderTemplate, respondentLink } from './templates.js';

/** Not a code of this platform (its check character is wrong): a preview never holds a real one. */
export const EXAMPLE_CODE = 'XXXX-XXXX-XXXX';

/** A mail as its recipient reads it, with the example code in place of theirs. */
export async function previewMail(
  db: TDb,
  waveId: string,
  kind: TMailKind,
  publicOrigin: string,
): Promise<TPreviewMailResponse> {
  const context = await mailContext(db, waveId, kind);
  const code = kind === 'invitation' ? EXAMPLE_CODE : undefined;
  const mail = renderTemplate(context.template, {
    title: context.title,
    closes: context.closes,
    link: respondentLink(publicOrigin, context.slug || 'adress-ges-vid-publicering', code),
    ...(code ? { code } : {}),
  });
  return { subject: mail.subject, body: mail.body };
}
