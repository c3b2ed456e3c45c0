/** Survey times are entered and shown in Europe/Stockholm time, whatever the browser's zone. */
const ZONE = 'Europe/Stockholm';

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

/** An ISO instant as the value of an <input type="datetime-local">, in Stockholm time. */
export function toStockholmInput(iso: string | null): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  return new Date(instant + zoneOffsetMs(instant)).toISOString().slice(0, 16);
}

/** A datetime-local value meant in Stockholm time, as an ISO instant; null when empty. */
export function fromStockholmInput(value: string): string | null {
  if (!value) return null;
  const naive = Date.parse(`${value}:00Z`);
  if (Number.isNaN(naive)) return null;
  // The offset at the intended instant (twice, to settle across a daylight-saving change).
  let instant = naive - zoneOffsetMs(naive);
  instant = naive - zoneOffsetMs(instant);
  return new Date(instant).toISOString();
}

export function formatStockholm(iso: string | null, language: 'sv' | 'en'): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: ZONE,
  }).format(new Date(iso));
}
