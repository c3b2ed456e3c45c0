import type { THiddenReason } from '@enkat/survey-schema';
import { fillMessage, MESSAGES, type TLanguage } from '@/lib/messages';

/** Why a count is hidden, in words: "färre än 5 svar" or "dold för att skydda en liten grupp". */
export function markerText(reason: THiddenReason, minGroup: number, language: TLanguage): string {
  const m = MESSAGES[language];
  return reason === 'protects_small_group' ? m.protectsSmallGroup : fillMessage(m.suppressed, { n: minGroup });
}
