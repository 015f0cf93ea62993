import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDateInput } from './dates.ts'

describe('parseDateInput', () => {
  it('should read ISO-8601 with and without zone, as UTC when none', () => {
    assert.equal(parseDateInput('2020-05-25T21:58:33.197Z'), '2020-05-25T21:58:33.197Z')
    assert.equal(parseDateInput('2020-05-25T21:58:33'), '2020-05-25T21:58:33.000Z')
    assert.equal(parseDateInput('2020-05-25'), '2020-05-25T00:00:00.000Z')
    assert.equal(parseDateInput('2020-05-25T21:58:33-05:00'), '2020-05-26T02:58:33.000Z')
    assert.equal(parseDateInput('2022-01-14T09:38:49.9856571Z'), '2022-01-14T09:38:49.985Z')
  })

  it("should read Sellercloud's MM/DD/YYYY HH:mm query format", () => {
    assert.equal(parseDateInput('12/31/2019'), '2019-12-31T00:00:00.000Z')
    assert.equal(parseDateInput('1/2/2024 13:05'), '2024-01-02T13:05:00.000Z')
  })

  it('should refuse impossible or malformed dates', () => {
    for (const bad of [
      '2024-02-30',
      '13/01/2024',
      '2024-06-03T25:00',
      'tomorrow',
      '',
      '0001-01-01',
    ]) {
      assert.equal(parseDateInput(bad), null, bad)
    }
  })
})
