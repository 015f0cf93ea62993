// Dates on input: ISO-8601 (no zone means UTC), a bare date, or Sellercloud's query format
// `MM/DD/YYYY[ HH:mm[:ss]]`. Output is always ISO-8601 with `Z`.

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
  const time = Date.UTC(y, mo - 1, d, h, mi, s, ms)
  const check = new Date(Date.UTC(y, mo - 1, d))
  if (check.getUTCDate() !== d || y < 1753 || y > 9999) {
    return null
  } // 1753: SQL Server's datetime floor
  return new Date(time - offsetMinutes * 60_000).toISOString()
}

function offsetOf(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') {
    return 0
  }
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)))
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
