import type { TDb } from '@enkat/db';
import type { TMailKind, TPreviewMailResponse } from '@enkat/survey-schema';
import { mailContext, renderMail } from './mail-context.js';

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
  const mail = renderMail(context, { publicOrigin, code, slug: context.slug || 'adress-ges-vid-publicering' });
  return { subject: mail.subject, body: mail.body };
}
