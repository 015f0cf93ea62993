import { SellercloudEnum } from './schemas.ts'

// Sellercloud's date-range filter enum (`model.dateRange`, `shipDateRange`, `updatedFromDateRange`,
// `createdOnDateRange`, `paymentDateRange` of GET /Orders; values and names from the 2022 Swagger,
// `Last90DAys` spelled as there). Each value is an interval computed from the server's clock, in UTC;
// docs/compat.md lists the exact boundaries.

export const DATE_RANGE = {
  Today: 1,
  ThisWeek: 2,
  LastWeek: 3,
  Last31Days: 4,
  Last60Days: 5,
  Last120Days: 6,
  ThisCalendarYear: 7,
  PreviousCalendarYear: 8,
  AllDates: 9,
  Last7Days: 10,
  Last3Days: 11,
  Last24Hours: 12,
  OlderThan1BusinessDay: 17,
  OlderThan2BusinessDay: 18,
  OlderThan3BusinessDay: 19,
  Yesterday: 20,
  Last90DAys: 21,
  LastMonth: 22,
  Last12Months: 23,
  OlderThan24Hours: 24,
  Tomorrow: 25,
  Next3Days: 26,
  Next7Days: 27,
  MonthToDate: 28,
  Last14Days: 101,
} as const

export type DateRange = (typeof DATE_RANGE)[keyof typeof DATE_RANGE]

export const DateRangeEnum = SellercloudEnum('DateRange', DATE_RANGE)

/**
 * An interval of instants as ISO-8601 `Z` texts: `from` inclusive, `before` exclusive; a missing
 * bound is open. Stored dates are ISO-8601 `Z` texts with milliseconds, so they compare as text.
 */
export interface DateInterval {
  from?: string
  before?: string
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

function iso(ms: number): string {
  return new Date(ms).toISOString()
}

function startOfDay(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY)
}

/** `now` moved by whole calendar months (the day clamped to the target month's last day). */
function addMonths(now: Date, months: number): number {
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth() + months
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return Date.UTC(
    y,
    m,
    Math.min(now.getUTCDate(), last),
    now.getUTCHours(),
    now.getUTCMinutes(),
    now.getUTCSeconds(),
    now.getUTCMilliseconds(),
  )
}

/** `now` moved back `n` business days (Monday–Friday), keeping the time of day. */
function businessDaysBefore(ms: number, n: number): number {
  let at = ms
  let counted = 0
  while (counted < n) {
    at -= DAY
    const weekday = new Date(at).getUTCDay()
    if (weekday !== 0 && weekday !== 6) {
      counted += 1
    }
  }
  return at
}

/** The last `ms` milliseconds up to and including now. */
function last(now: number, ms: number): DateInterval {
  return { from: iso(now - ms), before: iso(now + 1) }
}

/**
 * The interval a date-range value stands for at `now` (UTC): `{}` for AllDates (no bound).
 * Weeks start on Sunday; "LastN…" ranges end at now (inclusive); "OlderThan…" ranges have no start.
 * @example dateRangeInterval(DATE_RANGE.Today, new Date('2026-03-04T15:00:00Z'))
 *   // { from: '2026-03-04T00:00:00.000Z', before: '2026-03-05T00:00:00.000Z' }
 */
export function dateRangeInterval(range: DateRange, nowDate: Date): DateInterval {
  const now = nowDate.getTime()
  const today = startOfDay(now)
  const y = nowDate.getUTCFullYear()
  const mo = nowDate.getUTCMonth()
  const sunday = today - nowDate.getUTCDay() * DAY
  const R = DATE_RANGE
  switch (range) {
    case R.AllDates:
      return {}
    case R.Today:
      return { from: iso(today), before: iso(today + DAY) }
    case R.Yesterday:
      return { from: iso(today - DAY), before: iso(today) }
    case R.Tomorrow:
      return { from: iso(today + DAY), before: iso(today + 2 * DAY) }
    case R.ThisWeek:
      return { from: iso(sunday), before: iso(sunday + 7 * DAY) }
    case R.LastWeek:
      return { from: iso(sunday - 7 * DAY), before: iso(sunday) }
    case R.Last24Hours:
      return last(now, DAY)
    case R.Last3Days:
      return last(now, 3 * DAY)
    case R.Last7Days:
      return last(now, 7 * DAY)
    case R.Last14Days:
      return last(now, 14 * DAY)
    case R.Last31Days:
      return last(now, 31 * DAY)
    case R.Last60Days:
      return last(now, 60 * DAY)
    case R.Last90DAys:
      return last(now, 90 * DAY)
    case R.Last120Days:
      return last(now, 120 * DAY)
    case R.Last12Months:
      return { from: iso(addMonths(nowDate, -12)), before: iso(now + 1) }
    case R.MonthToDate:
      return { from: iso(Date.UTC(y, mo, 1)), before: iso(now + 1) }
    case R.LastMonth:
      return { from: iso(Date.UTC(y, mo - 1, 1)), before: iso(Date.UTC(y, mo, 1)) }
    case R.ThisCalendarYear:
      return { from: iso(Date.UTC(y, 0, 1)), before: iso(Date.UTC(y + 1, 0, 1)) }
    case R.PreviousCalendarYear:
      return { from: iso(Date.UTC(y - 1, 0, 1)), before: iso(Date.UTC(y, 0, 1)) }
    case R.OlderThan24Hours:
      return { before: iso(now - DAY) }
    case R.OlderThan1BusinessDay:
      return { before: iso(businessDaysBefore(now, 1)) }
    case R.OlderThan2BusinessDay:
      return { before: iso(businessDaysBefore(now, 2)) }
    case R.OlderThan3BusinessDay:
      return { before: iso(businessDaysBefore(now, 3)) }
    case R.Next3Days:
      return { from: iso(now), before: iso(now + 3 * DAY + 1) }
    case R.Next7Days:
      return { from: iso(now), before: iso(now + 7 * DAY + 1) }
  }
}
