/*
 * Business hours in the app's own time zone, as pure functions of an instant.
 * No clock is read here: callers pass `now`, so tests run on a fake clock.
 */

export interface BusinessHours {
  /** IANA zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Local opening and closing time, `HH:MM`, opening before closing. */
  open: string;
  close: string;
}

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

interface Local {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function local(ms: number, timeZone: string): Local {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    weekday: WEEKDAYS[parts['weekday'] ?? 'Mon'] ?? 1,
    minute: Number(parts['hour']) * 60 + Number(parts['minute']),
  };
}

/** The instant at which the wall clock in `timeZone` shows that date and minute of the day. */
function instant(year: number, month: number, day: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, 0, minute);
  // The zone's offset at the guess, then once more at the corrected instant (DST edges).
  let ms = guess;
  for (let i = 0; i < 2; i++) {
    const l = local(ms, timeZone);
    const shown = Date.UTC(l.year, l.month - 1, l.day, 0, l.minute);
    ms += guess - shown;
  }
  return ms;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function startOfNextDay(l: Local, timeZone: string): number {
  const next = new Date(Date.UTC(l.year, l.month - 1, l.day + 1));
  return instant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, timeZone);
}

/** Whether hours are usable: a known zone, at least one day, opening before closing. */
export function validHours(hours: BusinessHours): boolean {
  try {
    formatter(hours.timeZone);
  } catch {
    return false;
  }
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  return hours.days.some((d) => d >= 1 && d <= 7) && open >= 0 && close <= DAY_MINUTES && open < close;
}

/** `null` hours mean always open (24/7 support). */
export function isWithinHours(now: number, hours: BusinessHours | null): boolean {
  if (!hours) return true;
  const l = local(now, hours.timeZone);
  return hours.days.includes(l.weekday) && l.minute >= minutesOf(hours.open) && l.minute < minutesOf(hours.close);
}

/** The next moment business hours are running: `now` itself when they already are. */
export function nextOpening(now: number, hours: BusinessHours | null): number {
  if (!hours || isWithinHours(now, hours)) return now;
  const open = minutesOf(hours.open);
  let cursor = now;
  for (let i = 0; i < 15; i++) {
    const l = local(cursor, hours.timeZone);
    if (hours.days.includes(l.weekday) && l.minute < open) return instant(l.year, l.month, l.day, open, hours.timeZone);
    cursor = startOfNextDay(l, hours.timeZone);
  }
  return now;
}

/** `now` plus `minutes` of business time: the clock only runs while the team is working. */
export function addBusinessMinutes(now: number, minutes: number, hours: BusinessHours | null): number {
  if (!hours) return now + minutes * MINUTE;
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  let remaining = minutes;
  let cursor = now;
  // A year of days is far more than any SLA needs; the bound only guards against bad settings.
  for (let i = 0; i < 400; i++) {
    const l = local(cursor, hours.timeZone);
    if (hours.days.includes(l.weekday) && l.minute < close) {
      const from = Math.max(l.minute, open);
      const start = from === l.minute ? cursor : instant(l.year, l.month, l.day, from, hours.timeZone);
      const available = close - from;
      if (remaining <= available) return start + remaining * MINUTE;
      remaining -= available;
    }
    cursor = startOfNextDay(l, hours.timeZone);
  }
  return now + minutes * MINUTE;
}

/**
 * "Next business day": closing time of the first working day after today's
 * (so a ticket from Friday afternoon is due Monday evening, not Saturday).
 */
export function endOfNextBusinessDay(now: number, hours: BusinessHours | null): number {
  if (!hours) return now + DAY_MINUTES * MINUTE;
  const close = minutesOf(hours.close);
  let cursor = startOfNextDay(local(now, hours.timeZone), hours.timeZone);
  for (let i = 0; i < 15; i++) {
    const l = local(cursor, hours.timeZone);
    if (hours.days.includes(l.weekday)) return instant(l.year, l.month, l.day, close, hours.timeZone);
    cursor = startOfNextDay(l, hours.timeZone);
  }
  return now + DAY_MINUTES * MINUTE;
}
