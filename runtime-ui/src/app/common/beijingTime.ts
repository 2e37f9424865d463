/** Times as users read them: Beijing time (UTC+8, no daylight saving), whatever the browser's zone. */
const BEIJING_OFFSET = '+08:00';

const formatter = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** `2026-11-25T19:56:20.412Z` → `2026-11-26 03:56:20`; `''` for nothing or an unreadable value. */
export function beijingTime(iso: string | null | undefined, withSeconds = true): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const part = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
  const time = `${part.hour}:${part.minute}${withSeconds ? `:${part.second}` : ''}`;
  return `${part.year}-${part.month}-${part.day} ${time}`;
}

/** The instants (UTC ISO, as the engine stores them) that begin and end a Beijing calendar day `YYYY-MM-DD`. */
export function beijingDayBounds(day: string): { start: string; end: string } {
  return {
    start: new Date(`${day}T00:00:00.000${BEIJING_OFFSET}`).toISOString(),
    end: new Date(`${day}T23:59:59.999${BEIJING_OFFSET}`).toISOString(),
  };
}
