// Dates and times as Finnish users write them ("31.12.2026", "16.00"), always in Finnish time
// (Europe/Helsinki, summer time included) whatever the browser's own zone: a deadline set in
// Helsinki means the same moment for an applicant abroad and for the server.
export const ZONE = 'Europe/Helsinki';

const pad = (n: number) => String(n).padStart(2, '0');

export interface DateParts {
  year: number;
  month: number; // 1–12
  day: number;
}
export interface TimeParts {
  hour: number;
  minute: number;
}

function validDate(year: number, month: number, day: number): DateParts | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days ? { year, month, day } : null;
}

// "31.12.2026", "1.2.2027" (Finnish and Swedish use) or "2026-12-31" (ISO); nothing else.
export function parseDate(text: string): DateParts | null {
  const s = text.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

// "16.00", "16:00", "9.30" or "16"; nothing else.
export function parseTime(text: string): TimeParts | null {
  const m = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

// The wall-clock reading in Helsinki of a moment (ms since the epoch).
function helsinkiReading(ms: number) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    second: 'numeric', hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

// Unix seconds of a date and time read on a Helsinki clock. The zone's offset is found by asking
// what a first guess reads in Helsinki; twice, so a guess across a summer-time change settles.
export function helsinkiToUnix(date: DateParts, time: TimeParts): number {
  const wanted = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  let guess = wanted;
  for (let i = 0; i < 2; i++) guess += wanted - helsinkiReading(guess);
  return Math.floor(guess / 1000);
}

// "31.12.2026" and "16.00" of a moment on a Helsinki clock, for filling the inputs.
export function unixToHelsinki(unix: number): { date: string; time: string } {
  const reading = new Date(helsinkiReading(unix * 1000));
  return {
    date: `${reading.getUTCDate()}.${reading.getUTCMonth() + 1}.${reading.getUTCFullYear()}`,
    time: `${pad(reading.getUTCHours())}.${pad(reading.getUTCMinutes())}`,
  };
}

// "2026-12-31" (how the server takes a calendar date) of what the user typed, or null.
export function toIsoDate(text: string): string | null {
  const d = parseDate(text);
  if (!d) return null;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

// "31.12.2026" of an ISO calendar date, for showing and editing; other text as it is.
export function fromIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}.${Number(m[2])}.${m[1]}` : iso;
}
