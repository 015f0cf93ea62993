// Dates on input: ISO-8601 (no zone means UTC), a bare date, or Sellercloud's query format
// `MM/DD/YYYY[ HH:mm[:ss]]`. Output is always ISO-8601 with `Z`. Anything else is refused, and so
// is a leap second (:60), a zone offset beyond ±14:00 (the range of .NET's DateTimeOffset and of
// real zones) or an instant outside SQL Server's `datetime` range, 1753-01-01 to 9999-12-31 UTC.

/** Earliest instant accepted: SQL Server `datetime`'s floor, which Sellercloud stores dates in. */
export const MIN_DATE = Date.UTC(1753, 0, 1)
/** Latest instant accepted (the last millisecond of 9999). */
export const MAX_DATE = Date.UTC(9999, 11, 31, 23, 59, 59, 999)
/** Largest zone offset accepted, in minutes (±14:00). */
export const MAX_OFFSET_MINUTES = 14 * 60

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offsetMinutes: number,
): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) {
    return null
  }
  if (Number.isNaN(offsetMinutes) || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
    return null
  }
  const check = new Date(Date.UTC(y, mo - 1, d))
  // Years below 1000 are refused before Date.UTC, which reads 0–99 as 1900–1999.
  if (y < 1000 || check.getUTCDate() !== d) {
    return null
  }
  const time = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000
  if (time < MIN_DATE || time > MAX_DATE) {
    return null
  }
  return new Date(time).toISOString()
}

/** Minutes east of UTC, or NaN for minutes beyond 59. */
function offsetOf(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') {
    return 0
  }
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  const minutes = Number(digits.slice(2, 4))
  return minutes > 59 ? NaN : sign * (Number(digits.slice(0, 2)) * 60 + minutes)
}

/** Parses an accepted date string to ISO-8601 UTC, or returns null. */
export function parseDateInput(text: string): string | null {
  const trimmed = text.trim()
  const iso = ISO.exec(trimmed)
  if (iso !== null) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso
    const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000)
    return build(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0), ms, offsetOf(zone))
  }
  const us = US.exec(trimmed)
  if (us !== null) {
    const [, mo, d, y, h, mi, s] = us
    return build(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0), 0, 0)
  }
  return null
}
