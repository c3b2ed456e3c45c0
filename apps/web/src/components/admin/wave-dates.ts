import type { TLanguage } from '@/lib/messages';
import { MESSAGES } from '@/lib/messages';
import { formatStockholm } from '@/lib/stockholm-time';

/** "2 dec. 2026 08:00 – 31 jan. 2027 23:59", or a plain sentence when no dates are set. */
export function waveDates(opensAt: string | null, closesAt: string | null, language: TLanguage): string {
  const m = MESSAGES[language];
  if (!opensAt && !closesAt) return m.noDates;
  if (!closesAt) return `${m.opensFrom} ${formatStockholm(opensAt, language)}`;
  if (!opensAt) return `${m.closesOn} ${formatStockholm(closesAt, language)}`;
  return `${formatStockholm(opensAt, language)} – ${formatStockholm(closesAt, language)}`;
}
