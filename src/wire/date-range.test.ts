import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DATE_RANGE, dateRangeInterval } from './date-range.ts'

// Wednesday 4 March 2026, 15:30 UTC.
const NOW = new Date('2026-03-04T15:30:00.000Z')
const R = DATE_RANGE

describe('dateRangeInterval', () => {
  it('should give every Swagger value its documented UTC interval', () => {
    const cases: Array<[number, string | undefined, string | undefined]> = [
      [R.AllDates, undefined, undefined],
      [R.Today, '2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z'],
      [R.Yesterday, '2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z'],
      [R.Tomorrow, '2026-03-05T00:00:00.000Z', '2026-03-06T00:00:00.000Z'],
      [R.ThisWeek, '2026-03-01T00:00:00.000Z', '2026-03-08T00:00:00.000Z'],
      [R.LastWeek, '2026-02-22T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
      [R.Last24Hours, '2026-03-03T15:30:00.000Z', '2026-03-04T15:30:00.001Z'],
      [R.Last3Days, '2026-03-01T15:30:00.000Z', '2026-03-04T15:30:00.001Z'],
      [R.Last7Days, '2026-02-25T15:30:00.000Z', '2026-03-04T15:30:00.001Z'],
      [R.Last14Days, '2026-02-18T15:30:00.000Z', '2026-03-04T15:30:00.001Z'],
      [R.Last31Days, '2026-02-01T15:30:00.000Z', '2026-03-04T15:30:00.001Z'],
      [R.Last60Days, '2026-01-03T15:30:00.000Z', '2026-03-04T15:30:00.001Z'],
      [R.Last90DAys, '2025-12-04T15:30:00.000Z', '2026-03-04T15:30:00.001Z'],
      [R.Last120Days, '2025-11-04T15:30:00.000Z', '2026-03-04T15:30:00.001Z'],
      [R.Last12Months, '2025-03-04T15:30:00.000Z', '2026-03-04T15:30:00.001Z'],
      [R.MonthToDate, '2026-03-01T00:00:00.000Z', '2026-03-04T15:30:00.001Z'],
      [R.LastMonth, '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
      [R.ThisCalendarYear, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
      [R.PreviousCalendarYear, '2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
      [R.OlderThan24Hours, undefined, '2026-03-03T15:30:00.000Z'],
      [R.OlderThan1BusinessDay, undefined, '2026-03-03T15:30:00.000Z'],
      [R.OlderThan2BusinessDay, undefined, '2026-03-02T15:30:00.000Z'],
      [R.OlderThan3BusinessDay, undefined, '2026-02-27T15:30:00.000Z'],
      [R.Next3Days, '2026-03-04T15:30:00.000Z', '2026-03-07T15:30:00.001Z'],
      [R.Next7Days, '2026-03-04T15:30:00.000Z', '2026-03-11T15:30:00.001Z'],
    ]
    assert.equal(cases.length, Object.keys(DATE_RANGE).length)
    for (const [range, from, before] of cases) {
      assert.deepEqual(
        dateRangeInterval(range as never, NOW),
        { ...(from === undefined ? {} : { from }), ...(before === undefined ? {} : { before }) },
        String(range),
      )
    }
  })

  it('should skip weekends when counting business days', () => {
    // Monday 9 March 2026: one business day back is Friday.
    const monday = new Date('2026-03-09T08:00:00.000Z')
    assert.deepEqual(dateRangeInterval(R.OlderThan1BusinessDay, monday), {
      before: '2026-03-06T08:00:00.000Z',
    })
    // Sunday: Friday, then Thursday.
    const sunday = new Date('2026-03-08T08:00:00.000Z')
    assert.deepEqual(dateRangeInterval(R.OlderThan2BusinessDay, sunday), {
      before: '2026-03-05T08:00:00.000Z',
    })
  })

  it('should start weeks on Sunday and clamp months at their end', () => {
    const sunday = new Date('2026-03-08T00:00:00.000Z')
    assert.equal(dateRangeInterval(R.ThisWeek, sunday).from, '2026-03-08T00:00:00.000Z')
    const leap = new Date('2028-02-29T12:00:00.000Z')
    assert.equal(dateRangeInterval(R.Last12Months, leap).from, '2027-02-28T12:00:00.000Z')
    const january = new Date('2026-01-15T00:00:00.000Z')
    assert.deepEqual(dateRangeInterval(R.LastMonth, january), {
      from: '2025-12-01T00:00:00.000Z',
      before: '2026-01-01T00:00:00.000Z',
    })
  })
})
