/**
 * The one place where the admin and respondent pages turn instants into text and back: times
 * are entered and shown in Europe/Stockholm time whatever the browser's or server's zone, in
 * Swedish formats on Swedish pages ("2 dec. 2026 08:00") and English ones on English pages
 * ("2 Dec 2026, 08:00"). Inputs use one explicit format, "2026-12-02 08:00", so the browser's
 * locale cannot turn them into "12/02/2026, 08:00 AM".
 */
const ZONE = 'Europe/Stockholm';

export type TTimeStyle = 'dateTime' | 'date' | 'dateTimeSeconds';

const STYLES: Record<TTimeStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  dateTimeSeconds: { dateStyle: 'medium', timeStyle: 'medium' },
};

function zoneOffsetMs(instant: number): number {
  const parts: Record<string, string> = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const part = (type: string) => Number(parts[type] ?? 0);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** An ISO instant as the text of a time input, in Stockholm time: "2026-12-02 08:00". */
export function toStockholmInput(iso: string | null): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  return new Date(instant + zoneOffsetMs(instant)).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A time input's text meant in Stockholm time ("2026-12-02 08:00", also with a "T" or a
 * single-digit hour), as an ISO instant; null when empty, undefined when it cannot be read.
 */
export function fromStockholmInput(value: string): string | null | undefined {
  const text = value.trim();
  if (!text) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]+(\d{1,2})[:.](\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00'] = match;
  const naive = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  const check = new Date(naive);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23) return undefined;
  // The offset at the intended instant (twice, to settle across a daylight-saving change).
  let instant = naive - zoneOffsetMs(naive);
  instant = naive - zoneOffsetMs(instant);
  return new Date(instant).toISOString();
}

/** An instant as text in Stockholm time, in the page's language; "–" when there is none. */
export function formatStockholm(iso: string | null | undefined, language: 'sv' | 'en', style: TTimeStyle = 'dateTime') {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { ...STYLES[style], timeZone: ZONE }).format(
    new Date(iso),
  );
}
